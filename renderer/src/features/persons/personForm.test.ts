import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../shared/domain/tagging';
import { EMPTY_DRAFT, parseSpellings, personInput, sortPersons } from './personForm';

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
