import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../testing/corpus';
import { findDates } from './findDates';

/** Each mention as [date, the text it spans]. */
const mentions = (text: string) => findDates(text).map((m) => [m.date, text.slice(m.start, m.end)]);
const onlyDate = (text: string) => {
  const found = findDates(text);
  expect(found, text).toHaveLength(1);
  return found[0]!.date;
};

describe('findDates: numeric dates', () => {
  it('reads dotted and slashed dates day first', () => {
    expect(mentions('02.04.2021 № 3-1-17/А-1881')).toEqual([['2021-04-02', '02.04.2021']]);
    expect(onlyDate('2.4.2021')).toBe('2021-04-02');
    expect(onlyDate('02/04/2021')).toBe('2021-04-02');
    expect(onlyDate('истек 22.04.2018, а удостоверение')).toBe('2018-04-22');
  });

  it('takes the year word that follows into the mention', () => {
    expect(mentions('02.04.2021 ж. № 3-1-17/Д-5834')).toEqual([['2021-04-02', '02.04.2021 ж.']]);
    expect(mentions('от 02.04.2021г.')).toEqual([['2021-04-02', '02.04.2021г.']]);
  });

  it('reads ISO and year-first dates', () => {
    expect(mentions('signed 2021-04-02.')).toEqual([['2021-04-02', '2021-04-02']]);
    expect(onlyDate('2021.04.02')).toBe('2021-04-02');
  });

  it('never reads a dotted date month first', () => {
    expect(findDates('04.13.2021')).toEqual([]);
    expect(onlyDate('04.12.2021')).toBe('2021-12-04');
  });
});

describe('findDates: dates in words', () => {
  it('reads English dates, day first and month first', () => {
    expect(mentions('on 2 April 2021 the')).toEqual([['2021-04-02', '2 April 2021']]);
    expect(mentions('dated April 2, 2021.')).toEqual([['2021-04-02', 'April 2, 2021']]);
    expect(onlyDate('2nd April 2021')).toBe('2021-04-02');
    expect(onlyDate('the 22nd of July, 2011')).toBe('2011-07-22');
    expect(onlyDate('20 Dec. 1991')).toBe('1991-12-20');
    expect(onlyDate('14 SEPT 2020')).toBe('2020-09-14');
  });

  it('reads Russian dates, with «quoted» days and года / г.', () => {
    expect(mentions('«02» апреля 2021 г. № 45-21')).toEqual([['2021-04-02', '«02» апреля 2021 г.']]);
    expect(mentions('от 2 апреля 2021 года № 477-IV')).toEqual([['2021-04-02', '2 апреля 2021 года']]);
    expect(onlyDate('от 22\nиюля 2011 года')).toBe('2011-07-22');
    expect(onlyDate('20 ДЕКАБРЯ 1991 ГОДА')).toBe('1991-12-20');
    expect(onlyDate('5 марта 2021')).toBe('2021-03-05');
    expect(onlyDate('1 мая 2021')).toBe('2021-05-01');
  });

  it('reads Kazakh dates, year first, with case endings on the month', () => {
    expect(mentions('Сіздің 2021 жылғы 2 сәуір')).toEqual([['2021-04-02', '2021 жылғы 2 сәуір']]);
    expect(mentions('2021 жылғы «2» сәуірдегі өтініш')).toEqual([['2021-04-02', '2021 жылғы «2» сәуірдегі']]);
    expect(onlyDate('2021 жылғы 24 наурыздағы')).toBe('2021-03-24');
    expect(onlyDate('2011 жылғы 22 шілдедегі № 477-IV')).toBe('2011-07-22');
    expect(onlyDate('2018 жылғы 22 тамызда')).toBe('2018-08-22');
    expect(onlyDate('2020 ж. 1 желтоқсан')).toBe('2020-12-01');
    expect(onlyDate('5 ҚАҢТАР 2021 ж.')).toBe('2021-01-05');
    // the year's word may end a line; without it a year ending one line and a day opening the next are two fields
    expect(onlyDate('2021 жылғы\n2 сәуір')).toBe('2021-04-02');
    expect(mentions('Мерзімі 2031\n09 ақпан')).toEqual([]);
  });

  it('knows all twelve Kazakh months', () => {
    const months = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
    months.forEach((month, i) => expect(onlyDate(`2021 жылғы 1 ${month}`)).toBe(`2021-${String(i + 1).padStart(2, '0')}-01`));
  });

  it('reads Chinese dates, also with the spaces OCR puts between characters', () => {
    expect(mentions('签发日期：2016年8月9日')).toEqual([['2016-08-09', '2016年8月9日']]);
    expect(mentions('2021 年 4 月 2 日')).toEqual([['2021-04-02', '2021 年 4 月 2 日']]);
    expect(onlyDate('出生日期1979年03月14日')).toBe('1979-03-14');
  });

  it('reads the bilingual dates of Chinese passports', () => {
    expect(mentions('14 3月/MAR 1979')).toEqual([['1979-03-14', '14 3月/MAR 1979']]);
    expect(findDates('14 4月/MAR 1979')).toEqual([]);
  });
});

describe('findDates: what is not a date', () => {
  it('finds none in law numbers, outgoing numbers, phone numbers and 45-21', () => {
    for (const text of ['№ 477-IV', '3-1-17/А-1881', 'тел.: 8 (7172) 55-01-00', '8 (727) 254-00-00', 'письмо № 45-21', 'ИИН 900130474938']) {
      expect(findDates(text), text).toEqual([]);
    }
  });

  it('rejects days that do not exist and years outside 1900–2100', () => {
    expect(findDates('31.02.2021')).toEqual([]);
    expect(findDates('30 февраля 2021 года')).toEqual([]);
    expect(findDates('01.01.1899 01.01.2101')).toEqual([]);
    expect(onlyDate('29.02.2020')).toBe('2020-02-29');
    expect(findDates('29.02.2021')).toEqual([]);
  });

  it('finds none inside a longer number or identifier', () => {
    expect(findDates('17/02.04.2021')).toEqual([]);
    expect(findDates('102.04.2021')).toEqual([]);
    expect(findDates('02.04.20215')).toEqual([]);
  });
});

describe('findDates on the corpus', () => {
  it('finds every date the ground truth lists in the page text, and no other', () => {
    const normalise = (s: string) => s.replace(/\s+/g, ' ');
    for (const document of corpusManifest().documents as Array<{ file: string; page_text: string[]; dates?: Array<{ date: string; surface: string; page: number; in_overlay?: boolean }> }>) {
      const truth = (document.dates ?? []).filter((d) => !d.in_overlay);
      document.page_text.forEach((text, i) => {
        const found = findDates(text).map((m) => `${m.date} ${normalise(text.slice(m.start, m.end))}`);
        for (const want of truth.filter((d) => d.page === i + 1)) {
          expect(found.some((f) => f.startsWith(want.date) && f.includes(normalise(want.surface))), `${document.file}: ${want.surface}`).toBe(true);
        }
        for (const f of found) expect(truth.some((d) => d.page === i + 1 && f.startsWith(d.date)), `${document.file}: ${f}`).toBe(true);
      });
    }
  });
});
