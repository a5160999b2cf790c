import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../shared/domain/tagging';
import { EMPTY_DRAFT, editOf, mergeSummary, parseSpellings, personChange, personInput, sortPersons } from './personForm';

describe('parseSpellings', () => {
  it('takes one spelling a line, in any script', () => {
    expect(parseSpellings('Айгерим Даулеткызы\nӘйгерім Дәулетқызы\n', 'Aigerim Dauletkyzy')).toEqual(['Айгерим Даулеткызы', 'Әйгерім Дәулетқызы']);
  });

  it('leaves out blank lines, repeats and the name itself', () => {
    expect(parseSpellings('\n  Aigerim  Dauletkyzy \nДаулеткызы А.\r\nдаулеткызы а.\n\n', 'Aigerim Dauletkyzy')).toEqual(['Даулеткызы А.']);
  });
});

describe('personInput', () => {
  it('sends no date of birth when none was typed', () => {
    expect(personInput({ ...EMPTY_DRAFT, name: ' Aigerim  Dauletkyzy ', spellings: 'Айгерим Даулеткызы' })).toEqual({
      name: 'Aigerim Dauletkyzy',
      variants: ['Айгерим Даулеткызы'],
      role: 'client',
      dateOfBirth: null,
      protected: false,
    });
  });
});

describe('sortPersons', () => {
  it('sorts by name', () => {
    const person = (name: string): Person => ({ id: name, name, variants: [], role: 'client', dateOfBirth: null, notes: '', protected: false });
    expect(sortPersons([person('Nurlan'), person('Aigerim')], 'en').map((p) => p.name)).toEqual(['Aigerim', 'Nurlan']);
  });
});

const aigerim: Person = {
  id: 'per_a',
  name: 'Aigerim Dauletkyzy',
  variants: ['Айгерим Даулеткызы'],
  role: 'client',
  dateOfBirth: null,
  notes: '',
  protected: false,
};

describe('personChange', () => {
  it('sends every field of the edit form, the name tidied, an emptied date as none', () => {
    const edit = { ...editOf({ ...aigerim, dateOfBirth: '1986-11-02' }), name: ' Aigerim   Dauletkyzy ', dateOfBirth: '', notes: ' Certificate holder \n', protected: true };
    expect(personChange('per_a', edit)).toEqual({
      id: 'per_a',
      name: 'Aigerim Dauletkyzy',
      role: 'client',
      dateOfBirth: null,
      notes: 'Certificate holder',
      protected: true,
    });
  });
});

describe('mergeSummary', () => {
  it('counts the spellings that move, the gone name included, those already held left out', () => {
    const gone: Person = { ...aigerim, id: 'per_b', name: 'Айгерим Д.', variants: ['айгерим даулеткызы', 'Әйгерім Дәулетқызы'], protected: true };
    expect(mergeSummary(aigerim, gone)).toEqual({ keep: 'Aigerim Dauletkyzy', gone: 'Айгерим Д.', spellings: 2, protectedAfter: true });
  });
});
