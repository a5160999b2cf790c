import { describe, expect, it } from 'vitest';
import type { OtherPerson } from '../../../../shared/domain/bundle';
import { addTerm, canConfirm, firstRows, hasTerm, otherPersonState, pagesByDocument } from './reviewChecks';

const serik: OtherPerson = { personId: null, name: 'Serik Bakytzhanov', protected: false, pages: [{ docId: 'doc_1', page: 1 }] };

describe('redacting a name as a word', () => {
  it('adds a name once, however it is spaced or capitalised', () => {
    expect(addTerm([], '  Serik   Bakytzhanov ')).toEqual(['Serik Bakytzhanov']);
    expect(addTerm(['serik bakytzhanov'], 'Serik Bakytzhanov')).toEqual(['serik bakytzhanov']);
    expect(addTerm(['Emin'], '')).toEqual(['Emin']);
  });

  it('knows a name already redacted, in any script as typed', () => {
    expect(hasTerm(['Әйгерім Дәулетқызы'], 'ӘЙГЕРІМ  дәулетқызы')).toBe(true);
    expect(hasTerm(['Serik'], 'Serik Bakytzhanov')).toBe(false);
    expect(otherPersonState(serik, [])).toBe('not-redacted');
    expect(otherPersonState(serik, ['Serik Bakytzhanov'])).toBe('redacted-as-term');
  });
});

describe('pagesByDocument', () => {
  it('groups pages by document in bundle order, each once and in order', () => {
    const pages = [
      { docId: 'doc_b', page: 3 },
      { docId: 'doc_a', page: 2 },
      { docId: 'doc_b', page: 1 },
      { docId: 'doc_b', page: 3 },
      { docId: 'doc_x', page: 1 },
    ];
    expect(pagesByDocument(pages, ['doc_a', 'doc_b'])).toEqual([
      { docId: 'doc_a', pages: [2] },
      { docId: 'doc_b', pages: [1, 3] },
      { docId: 'doc_x', pages: [1] },
    ]);
  });
});

describe('unchecked pages', () => {
  it('can be confirmed only when they were read', () => {
    expect(canConfirm({ docId: 'd', page: 1, reason: 'low-confidence', confidence: 41 })).toBe(true);
    expect(canConfirm({ docId: 'd', page: 1, reason: 'print-failed', confidence: null })).toBe(true);
    expect(canConfirm({ docId: 'd', page: 1, reason: 'not-read', confidence: null })).toBe(false);
  });

  it('show the first rows of a long list until all are asked for', () => {
    const rows = Array.from({ length: 25 }, (_, index) => index);
    expect(firstRows(rows, false, 10)).toEqual({ shown: rows.slice(0, 10), hidden: 15 });
    expect(firstRows(rows, true, 10)).toEqual({ shown: rows, hidden: 0 });
    expect(firstRows(rows.slice(0, 10), false, 10)).toEqual({ shown: rows.slice(0, 10), hidden: 0 });
  });
});
