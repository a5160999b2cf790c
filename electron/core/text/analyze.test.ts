import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../testing/corpus';
import { analyze, type Token } from './analyze';
import { fold } from './fold';
import { isStopword } from './stopwords';

/** Each token as [surface, kind, exact]. */
const surfaces = (text: string) => analyze(text).map((t) => [text.slice(t.start, t.end), t.kind, t.exact]);
const compounds = (text: string) => analyze(text).filter((t) => t.kind === 'compound');
const only = (tokens: Token[]): Token => {
  expect(tokens).toHaveLength(1);
  return tokens[0]!;
};

describe('analyze: words', () => {
  it('splits text into folded words with their spans', () => {
    const text = 'Удостоверение беженца № 000134, выданное Әйгерім.';
    expect(surfaces(text)).toEqual([
      ['Удостоверение', 'word', 'удостоверение'],
      ['беженца', 'word', 'беженца'],
      ['000134', 'number', '000134'],
      ['выданное', 'word', 'выданное'],
      ['Әйгерім', 'word', 'әйгерім'],
    ]);
  });

  it('keeps a run of letters and digits together as one word', () => {
    expect(surfaces('паспорт E30306445')).toEqual([
      ['паспорт', 'word', 'паспорт'],
      ['E30306445', 'word', 'e30306445'],
    ]);
  });

  it('splits words at hyphens and apostrophes', () => {
    expect(surfaces('Әйгерім-Дәулетқызы')).toEqual([
      ['Әйгерім', 'word', 'әйгерім'],
      ['Дәулетқызы', 'word', 'дәулетқызы'],
    ]);
    expect(surfaces("O'Brien Nur-Sultan")).toEqual([
      ['O', 'word', 'o'],
      ['Brien', 'word', 'brien'],
      ['Nur', 'word', 'nur'],
      ['Sultan', 'word', 'sultan'],
    ]);
  });

  it('fills in stem and key for words, and leaves numbers as they are', () => {
    const [refugee, number] = analyze('БЕЖЕНЦЕВ 2021');
    expect(refugee).toMatchObject({ kind: 'word', exact: 'беженцев', stem: 'беженц', key: 'bezhents' });
    expect(number).toMatchObject({ kind: 'number', exact: '2021', stem: '2021', key: '2021' });
  });

  it('gives decomposed (NFD) input the spans of the text as given and the same tokens', () => {
    const text = 'Аи\u0306герим и\u0306'.normalize('NFD');
    const tokens = analyze(text);
    expect(tokens.map((t) => t.exact)).toEqual(['айгерим', 'й']);
    expect(text.slice(tokens[0]!.start, tokens[0]!.end)).toBe('Аи\u0306герим');
  });

  it('keeps a word broken by a soft hyphen whole', () => {
    expect(surfaces('удостове\u00ADрение')).toEqual([['удостове\u00ADрение', 'word', 'удостоверение']]);
  });
});

describe('analyze: compound identifiers', () => {
  it('emits the parts of a law number first, then the compound over the whole of it', () => {
    const text = 'Закон № 477-IV';
    expect(surfaces(text).slice(1)).toEqual([
      ['477', 'number', '477'],
      ['IV', 'word', 'iv'],
      ['477-IV', 'compound', '477iv'],
    ]);
    expect(only(compounds(text))).toMatchObject({ start: 8, end: 14, stem: '477iv', key: '477iv' });
  });

  it('does not take a sentence-final full stop into the compound', () => {
    const text = '… от 22 июля 2011 года № 477-IV.';
    const compound = only(compounds(text));
    expect(text.slice(compound.start, compound.end)).toBe('477-IV');
    expect(compound.exact).toBe('477iv');
  });

  it('gives an outgoing number with a Cyrillic letter the key of the Latin one, and of its transliteration', () => {
    const cyrillic = only(compounds('№ 3-1-17/А-1881'));
    const latin = only(compounds('3-1-17/A-1881'));
    expect(cyrillic.exact).toBe('3117а1881');
    expect(latin.exact).toBe('3117a1881');
    expect(cyrillic.key).toBe(latin.key);
    expect(only(compounds('3-1-17/Б-1234')).key).toBe(only(compounds('3-1-17/B-1234')).key);
    expect(only(compounds('3-1-17/Б-1234')).exact).toBe('3117б1234');
  });

  it('gives 477-ІV with a Cyrillic І the key of 477-IV', () => {
    expect(only(compounds('477-ІV')).key).toBe(only(compounds('477-IV')).key);
  });

  it('keeps Roman numerals apart in compound keys: 1017-XII is not 1017-XI', () => {
    expect(only(compounds('1017-XII')).key).not.toBe(only(compounds('1017-XI')).key);
    expect(only(compounds('1017-ХІІ')).key).toBe(only(compounds('1017-XII')).key);
  });

  it('reads a Latin C in an incoming number as the Cyrillic С it looks like', () => {
    const cyrillic = only(compounds('С-692')).key;
    expect(only(compounds('C-692')).key).toBe(cyrillic);
    expect(only(compounds('S-692')).key).toBe(cyrillic);
  });

  it('gives a law number the key of its OCR misreadings: 477-IV, 477-ІV, 477-1V and 4771V meet', () => {
    const key = only(compounds('477-IV')).key;
    expect(only(compounds('477-ІV')).key).toBe(key);
    expect(only(compounds('477-1V')).key).toBe(key);
    expect(analyze('4771V')[0]!.key).toBe(key);
    expect(only(compounds('477-V')).key).not.toBe(key);
    expect(only(compounds('1017-XII')).key).not.toBe(only(compounds('1017-XI')).key);
  });

  it('finds dates, numbers after №, and numbers with letters and slashes as compounds', () => {
    expect(only(compounds('02.04.2021')).exact).toBe('02042021');
    expect(only(compounds('№45-21')).exact).toBe('4521');
    const registry = only(compounds('ЖТ-2021/118'));
    // In codes mixing letters and digits, the key writes 1/I/l as i and 0/O as o (OCR confuses them).
    expect(registry).toMatchObject({ exact: 'жт2021118', key: 'zht2o2iii8' });
    expect(surfaces('ЖТ-2021/118').map(([surface]) => surface)).toEqual(['ЖТ', '2021', '118', 'ЖТ-2021/118']);
  });

  it('makes no compound of words joined without a digit, or of one group', () => {
    expect(compounds('Нұр-Сұлтан т.е. Әйгерім-Дәулетқызы')).toEqual([]);
    expect(compounds('E30306445 2021')).toEqual([]);
  });
});

describe('analyze: Chinese', () => {
  it('emits overlapping bigrams of a run of Han characters', () => {
    expect(surfaces('艾格尔木')).toEqual([
      ['艾格', 'cjk', '艾格'],
      ['格尔', 'cjk', '格尔'],
      ['尔木', 'cjk', '尔木'],
    ]);
    const [first] = analyze('艾格尔木');
    expect(first).toMatchObject({ stem: '艾格', key: '艾格' });
  });

  it('joins Han characters that OCR wrote apart with single spaces or line breaks', () => {
    expect(surfaces('努 尔 兰')).toEqual([
      ['努 尔', 'cjk', '努尔'],
      ['尔 兰', 'cjk', '尔兰'],
    ]);
    expect(surfaces('努尔\n兰').map(([, , exact]) => exact)).toEqual(['努尔', '尔兰']);
  });

  it('emits a single Han character on its own as one token', () => {
    expect(surfaces('男 , 女')).toEqual([
      ['男', 'cjk', '男'],
      ['女', 'cjk', '女'],
    ]);
  });

  it('separates Han from Latin text next to it', () => {
    expect(surfaces('富蕴县 Fuyun')).toEqual([
      ['富蕴', 'cjk', '富蕴'],
      ['蕴县', 'cjk', '蕴县'],
      ['Fuyun', 'word', 'fuyun'],
    ]);
    expect(surfaces('富蕴县Fuyun').map(([surface]) => surface)).toEqual(['富蕴', '蕴县', 'Fuyun']);
  });

  it('starts a new run at punctuation or at more than one space', () => {
    expect(surfaces('努尔兰·阿斯卡尔').map(([, , exact]) => exact)).toEqual(['努尔', '尔兰', '阿斯', '斯卡', '卡尔']);
    expect(surfaces('户别　　　户主').map(([, , exact]) => exact)).toEqual(['户别', '户主']);
  });
});

describe('analyze: whole pages', () => {
  it('returns tokens in text order, parts before their compound, none empty, each span folding to its token', () => {
    for (const document of corpusManifest().documents) {
      for (const page of document.page_text) {
        let previous: Token | undefined;
        for (const token of analyze(page)) {
          expect(token.exact).not.toBe('');
          expect(token.stem).not.toBe('');
          expect(token.key).not.toBe('');
          expect(token.end).toBeGreaterThan(token.start);
          if (previous && token.kind === 'compound') {
            // right after its last part
            expect(token.start).toBeLessThan(previous.start);
            expect(token.end).toBe(previous.end);
          } else if (previous) {
            expect(token.start).toBeGreaterThanOrEqual(previous.kind === 'compound' ? previous.end : previous.start);
          }
          previous = token;
          const surface = page.slice(token.start, token.end);
          if (token.kind === 'word' || token.kind === 'number') expect(fold(surface)).toBe(token.exact);
          if (token.kind === 'cjk') expect(fold(surface.replace(/\s/g, ''))).toBe(token.exact);
        }
      }
    }
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze(' «» — … ,.; \n')).toEqual([]);
  });
});

describe('isStopword', () => {
  it('knows Russian, Kazakh and English function words', () => {
    for (const word of ['о', 'в', 'и', 'на', 'по', 'мен', 'және', 'бойынша', 'of', 'the', 'and', 'on', 'in', 'to', 'for']) {
      expect(isStopword(word), word).toBe(true);
    }
  });

  it('does not treat words a lawyer searches for as stopwords', () => {
    for (const word of ['беженец', 'не', 'жоқ', 'закон', 'заң', 'refugee', 'no', 'article']) expect(isStopword(word), word).toBe(false);
  });

  it('takes the folded form, as tokens carry it', () => {
    expect(isStopword(fold('ЕЁ'))).toBe(true);
    expect(isStopword(fold('ЖӘНЕ'))).toBe(true);
  });
});
