import { describe, expect, it } from 'vitest';
import { inflectedStems } from './inflections';
import { stem } from './stem';

/** Each form must be found by one of the dictionary word's stems: the form's own stem is among them. */
const expectFound = (word: string, language: string, forms: string[]) => {
  const stems = inflectedStems(word, language);
  for (const form of forms) expect(stems, `${word} → ${form} (${stem(form)})`).toContain(stem(form));
};

describe('the stems of a word in all its forms', () => {
  it('Russian: where Snowball gives a form another stem than the dictionary form', () => {
    expect(stem('защита')).not.toBe(stem('защите'));
    expectFound('защита', 'ru', ['защиты', 'защите', 'защитой', 'защиту']);
    expectFound('прием', 'ru', ['приема', 'приему', 'приемом', 'приеме']);
    expectFound('беженец', 'ru', ['беженца', 'беженцу', 'беженцем', 'беженцев']);
    expectFound('временная', 'ru', ['временной', 'временную', 'временного']);
    expectFound('основания', 'ru', ['оснований', 'основаниям', 'основаниях']);
  });

  it('Kazakh: words in Russian letters only, roots of two letters, a possessive head, a voiced final', () => {
    expectFound('баспана', 'kk', ['баспанада', 'баспананың', 'баспанаға', 'баспананы']);
    expectFound('тану', 'kk', ['тануда', 'тануға', 'танудың']);
    expectFound('елі', 'kk', ['елін', 'елінің', 'еліне', 'елдің', 'елде']);
    expectFound('куәлігі', 'kk', ['куәлігін', 'куәлігінің', 'куәлікке']);
  });

  it('English: the plural of a loanword', () => {
    expectFound('hukou', 'en', ['hukous']);
  });
});
