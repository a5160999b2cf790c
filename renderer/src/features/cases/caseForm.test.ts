import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../../shared/domain/tagging';
import { caseInput, namedMembers, sortCases } from './caseForm';

const summary = (id: string, title: string): CaseSummary => ({ id, title, notes: '', persons: 0, documents: 0 });

describe('caseInput', () => {
  it('trims the title and leaves out empty notes', () => {
    expect(caseInput({ title: '  Dauletkyzy residence  ', notes: '  ' })).toEqual({ title: 'Dauletkyzy residence' });
  });

  it('keeps notes that were written', () => {
    expect(caseInput({ title: 'Appeal', notes: ' refused under art. 49 ' })).toEqual({ title: 'Appeal', notes: 'refused under art. 49' });
  });
});

describe('sortCases', () => {
  it('orders by title, numbers as numbers', () => {
    const sorted = sortCases([summary('a', 'Case 10'), summary('b', 'case 2'), summary('c', 'Appeal')], 'en');
    expect(sorted.map((item) => item.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('namedMembers', () => {
  it('names known members and keeps the id of unknown ones', () => {
    const persons = [{ id: 'p1', name: 'Aigerim' }];
    expect(namedMembers(['p1', 'p2'], persons, (person) => person.name)).toEqual([
      { id: 'p1', name: 'Aigerim' },
      { id: 'p2', name: 'p2' },
    ]);
  });

  it('keeps ids while the register is still loading', () => {
    expect(namedMembers(['p1'], null, () => 'never')).toEqual([{ id: 'p1', name: 'p1' }]);
  });
});
