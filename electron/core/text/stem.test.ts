import { describe, expect, it } from 'vitest';
import { stemEnglish } from './englishStemmer';
import { fold } from './fold';
import { stemKazakh } from './kazakhStemmer';
import { stemRussian } from './russianStemmer';
import { stem } from './stem';

const stemOf = (word: string) => stem(fold(word));
const expectOneStem = (words: string[]) => {
  const stems = words.map(stemOf);
  expect(new Set(stems), `${words.join(' / ')} → ${stems.join(' / ')}`).toHaveProperty('size', 1);
  return stems[0];
};

describe('stem: Russian (Snowball)', () => {
  it('gives the inflected forms of a word one stem', () => {
    expect(expectOneStem(['проездного', 'проездные', 'проездной'])).toBe('проездн');
    expect(expectOneStem(['удостоверение', 'удостоверения', 'удостоверением', 'Удостоверении'])).toBe('удостоверен');
    expect(expectOneStem(['беженца', 'беженцах', 'беженцев', 'Беженцу'])).toBe('беженц');
    expect(expectOneStem(['миграции', 'миграция', 'МИГРАЦИЮ'])).toBe('миграц');
    expect(expectOneStem(['гражданство', 'гражданства', 'гражданстве'])).toBe('гражданств');
  });

  // Words from the corpus letters with the stems libstemmer 2.2 (the Snowball reference) gives them.
  it('agrees with the Snowball reference implementation', () => {
    const reference = [
      ['местной', 'местн'], ['обжалован', 'обжалова'], ['бесплатную', 'бесплатн'], ['председательствующего', 'председательств'],
      ['возвращаются', 'возвраща'], ['национальных', 'национальн'], ['проживание', 'проживан'], ['полностью', 'полност'],
      ['закона', 'закон'], ['алматинской', 'алматинск'], ['включена', 'включ'], ['оказывает', 'оказыва'],
      ['заявлению', 'заявлен'], ['предусмотренные', 'предусмотрен'], ['опасаясь', 'опас'], ['признать', 'призна'],
      ['заместитель', 'заместител'], ['республики', 'республик'], ['продлен', 'продл'], ['проживающего', 'прожива'],
      ['приема', 'прием'], ['окончательной', 'окончательн'], ['гражданки', 'гражданк'], ['сейдахметова', 'сейдахметов'],
    ];
    for (const [word, expected] of reference) expect(stemRussian(word!), word).toBe(expected);
  });

  it('reads ё as е', () => {
    expect(stemOf('Её')).toBe(stemOf('ее'));
    expect(stemOf('учёт')).toBe('учет');
  });
});

describe('stem: Kazakh (light suffix stemmer)', () => {
  it('strips possessive and case endings and undoes the voicing of к/қ before them', () => {
    expect(expectOneStem(['куәлігі', 'куәлік', 'куәлігін', 'куәлігінің'])).toBe('куәлік');
    expect(expectOneStem(['Заңының', 'Заңы', 'Заң', 'Заңына'])).toBe('заң');
    expect(expectOneStem(['азаматтығы', 'азаматтық', 'азаматтығын'])).toBe('азаматтық');
    expect(expectOneStem(['шешімі', 'шешімінің', 'шешімімен', 'шешімінен'])).toBe('шешім');
  });

  it('strips chains of plural, possessive and case endings', () => {
    expect(expectOneStem(['азаматтарының', 'азаматтарыңыз', 'азаматқа', 'азаматының', 'азаматтардың'])).toBe('азамат');
    expect(expectOneStem(['мемлекетінің', 'мемлекетінде', 'мемлекеті', 'мемлекеттердің'])).toBe('мемлекет');
    expect(expectOneStem(['көшесінде', 'көшесі', 'көше', 'көшелерінің'])).toBe('көше');
    expect(expectOneStem(['өтінішіңізді', 'өтінішіңіз', 'өтініш'])).toBe('өтініш');
    expect(expectOneStem(['құжаттарды', 'құжаттардан', 'құжаттың', 'құжатта'])).toBe('құжат');
  });

  it('strips the attributive ending of dates (2021 жылғы 24 наурыздағы)', () => {
    expect(stemOf('жылғы')).toBe('жыл');
    expect(stemOf('наурыздағы')).toBe('наурыз');
    expect(stemOf('сәуірдегі')).toBe('сәуір');
  });

  it('cuts an ending only after the sounds that take that form of it', () => {
    // азаматы is азамат + ы, not азама + ты: -ты follows a voiceless consonant only
    expect(stemKazakh('азаматы')).toBe('азамат');
    // азаматтар is not stemmed as Kazakh (no Kazakh-only letter), but the Kazakh stemmer would cut -тар
    expect(stemKazakh('азаматтар')).toBe('азамат');
    expect(stemKazakh('жылдың')).toBe('жыл');
    expect(stemKazakh('кітаптың')).toBe('кітап');
  });

  it('keeps at least three letters with a vowel', () => {
    expect(stemKazakh('заң')).toBe('заң');
    expect(stemKazakh('мен')).toBe('мен');
    expect(stemKazakh('әке')).toBe('әке');
    expect(stemKazakh('ісі')).toBe('ісі');
  });

  it('recognises Kazakh words without a Kazakh-only letter by жы, шы, кы, гы, хы, which Russian never spells', () => {
    expect(stemOf('жылы')).toBe('жыл');
    expect(stemOf('Даулеткызы')).toBe(stemKazakh('даулеткызы'));
  });
});

describe('stem: English (Porter2)', () => {
  it('gives the inflected forms of a word one stem', () => {
    expect(expectOneStem(['permanent', 'permanently', 'Permanent'])).toBe('perman');
    expect(expectOneStem(['certifying', 'certify', 'certified'])).toBe('certifi');
    expect(expectOneStem(['crossing', 'crossed', 'cross'])).toBe('cross');
    expect(expectOneStem(['refugee', 'refugees'])).toBe('refuge');
  });

  // Words from the corpus translations with the stems libstemmer 2.2 gives them.
  it('agrees with the Snowball reference implementation', () => {
    const reference = [
      ['people', 'peopl'], ['considered', 'consid'], ['articles', 'articl'], ['notarised', 'notaris'], ['november', 'novemb'],
      ['lawfully', 'law'], ['pressure', 'pressur'], ['identification', 'identif'], ['relatives', 'relat'], ['january', 'januari'],
      ['oblige', 'oblig'], ['territory', 'territori'], ['internal', 'intern'], ['relevant', 'relev'], ['migration', 'migrat'],
      ['recognised', 'recognis'], ['individual', 'individu'], ['generously', 'generous'], ['skies', 'sky'], ['dying', 'die'],
      ['hoping', 'hope'], ['cries', 'cri'], ['ties', 'tie'], ['succeeding', 'succeed'], ['constructor', 'constructor'],
    ];
    for (const [word, expected] of reference) expect(stemEnglish(word!), word).toBe(expected);
  });
});

describe('stem: other input', () => {
  it('leaves numbers, mixed letters and digits, Chinese and other scripts unchanged', () => {
    expect(stem('2021')).toBe('2021');
    expect(stem('e30306445')).toBe('e30306445');
    expect(stem('富蕴县')).toBe('富蕴县');
    expect(stem('ελλάδα')).toBe('ελλάδα');
  });

  it('never returns an empty stem', () => {
    for (const word of ['и', 'я', 'ся', 'а', 'is', 'ы', 'ін']) expect(stem(word)).not.toBe('');
  });
});
