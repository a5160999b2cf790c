import { describe, expect, it } from 'vitest';
import { centuryOf, mendDigits, readDates } from './readDates';

/** Each date as [ISO date, the text it spans]. */
const read = (text: string) => readDates(text).map((m) => [m.date, text.slice(m.start, m.end)]);
const only = (text: string) => {
  const found = readDates(text);
  expect(found.map((m) => m.date), text).toHaveLength(1);
  return found[0]!.date;
};

describe('readDates: month names', () => {
  it('reads Russian abbreviations and the genitive, in any case, with a space lost', () => {
    expect(only('выдан 12 фев. 2027')).toBe('2027-02-12');
    expect(only('12 ФЕВ 2027')).toBe('2027-02-12');
    expect(only('5 сент. 2021 г.')).toBe('2021-09-05');
    expect(only('до 12февраля2027')).toBe('2027-02-12');
  });

  it('reads Kazakh months, also as a Russian-only OCR model spells them', () => {
    expect(only('5 ақп. 2021')).toBe('2021-02-05');
    expect(only('2021 жылгы 12 мамыр')).toBe('2021-05-12');
    expect(only('5 кантар 2021 ж.')).toBe('2021-01-05');
    expect(only('2019 ж. 3 кыркуйек')).toBe('2019-09-03');
  });

  it('reads English abbreviations, dashes and a lost space after the comma', () => {
    expect(only('03-Mar-2021')).toBe('2021-03-03');
    expect(only('Issued January 18,2020')).toBe('2020-01-18');
    expect(only('12 SEPT 2020')).toBe('2020-09-12');
  });

  it("reads a passport's two months at once, and only when they agree", () => {
    expect(read('12 ФЕВ/FEB 2027')).toEqual([['2027-02-12', '12 ФЕВ/FEB 2027']]);
    expect(only('12 FEB/ФЕВ 2027')).toBe('2027-02-12');
    expect(only('11 5月/MAY2010')).toBe('2010-05-11');
    expect(readDates('12 ФЕВ/MAR 2027')).toEqual([]);
  });

  it("reads a passport's two months when OCR garbled one half, from the half it read", () => {
    expect(read('08 AKII/FEB 2031')).toEqual([['2031-02-08', '08 AKII/FEB 2031']]);
    expect(only('09 АҚП/EEB 2021')).toBe('2021-02-09');
    expect(only('14 ФЕВ/ЕЕВ 2019')).toBe('2019-02-14');
    // the value wrapped in its narrow column: the year on the next line is still its year
    expect(read('09 АКП/ЕЕВ\n\n2021')).toEqual([['2021-02-09', '09 АКП/ЕЕВ\n\n2021']]);
    // control: two halves that are no month say nothing
    expect(readDates('08 AKII/XYZ 2031')).toEqual([]);
  });

  it('reads «ж.» as OCR reads it, x. or х., and never joins a year ending one line to a day opening the next', () => {
    expect(only('Берілген күні / Date of issue 2026 x. 3 наурыз')).toBe('2026-03-03');
    expect(only('2026 х. 3 наурыз')).toBe('2026-03-03');
    expect(only('2021 жылғы\n12 мамыр')).toBe('2021-05-12');
    // «… FEB 2031» ends a field; «09 АҚП» opens the next line
    expect(readDates('DATE OF EXPIRY 2031\n\n09 АҚП').map((m) => m.date)).toEqual([]);
    expect(readDates('Срок 2031\n09 мамыр').map((m) => m.date)).toEqual([]);
  });
});

describe('readDates: numbers', () => {
  it('reads any separator, also mixed or doubled', () => {
    expect(only('12-02-2027')).toBe('2027-02-12');
    expect(only('12 02 2027')).toBe('2027-02-12');
    expect(only('12..02.2027')).toBe('2027-02-12');
    expect(only('12,02.2027')).toBe('2027-02-12');
  });

  it('reads year-first dates glued to a word or a Chinese label', () => {
    expect(only('ДЕЙСТВИТЕЛЕН ДО2025.02.10')).toBe('2025-02-10');
    expect(only('有效期延长至2024-01-29。')).toBe('2024-01-29');
    expect(only('Validuntil20.01.2023')).toBe('2023-01-20');
  });

  it('reads two-digit years, zero-padded only, in the century the page makes likely', () => {
    expect(readDates('12.02.27').map((m) => [m.date, m.twoDigitYear])).toEqual([['2027-02-12', true]]);
    expect(only('born 14.03.79')).toBe('1979-03-14');
    expect(readDates('Выдано 01.02.2021, действительно до 01.02.31').map((m) => m.date)).toEqual(['2021-02-01', '2031-02-01']);
    // an article's sub-point, a reference number
    expect(readDates('подпункт 1.2.15 статьи 9')).toEqual([]);
    expect(readDates('№ 15.02.21')).toEqual([]);
    expect(centuryOf(45, 2021)).toBe(2045);
    expect(centuryOf(52, 2021)).toBe(1952);
  });

  it('reads Chinese numerals', () => {
    expect(only('二〇二〇年五月十二日')).toBe('2020-05-12');
    expect(only('一九八六年十一月二十二日出生')).toBe('1986-11-22');
  });

  it('reads the day of the month in legal English', () => {
    expect(read('Dated this 14th day of April, 2026.')).toEqual([['2026-04-14', '14th day of April, 2026']]);
    expect(only('assisted since 1st of March, 2024')).toBe('2024-03-01');
    expect(only('on the 2nd day of May 2021')).toBe('2021-05-02');
    expect(readDates('the 14th day of the hearing, 2026')).toEqual([]);
  });

  it('reads a month in Roman numerals, also in Cyrillic lookalikes, and nothing else in them', () => {
    expect(only('Справка действительна по 01.X.2026')).toBe('2026-10-01');
    expect(only('11.V.1969 г.р.')).toBe('1969-05-11');
    expect(only('3.ХІІ.2020')).toBe('2020-12-03'); // Cyrillic Х and І
    expect(only('5 III 2026')).toBe('2026-03-05');
    expect(only('28.IX.2019 ж.')).toBe('2019-09-28');
    for (const text of ['п. 1.V.2', 'глава 5 IV раздела', 'v 2026', '12.XIII.2020', '3.iv.2020']) expect(readDates(text), text).toEqual([]);
  });

  it('reads both dates of a range glued to its label, and a day filled into a blank', () => {
    expect(read('有效期限2023.05.01-2028.05.01')).toEqual([
      ['2023-05-01', '2023.05.01'],
      ['2028-05-01', '2028.05.01'],
    ]);
    expect(readDates('Срок:01.05.2023–01.05.2028').map((m) => m.date)).toEqual(['2023-05-01', '2028-05-01']);
    expect(only('«_05_» марта 2026 г.')).toBe('2026-03-05');
    expect(only('« 05 » марта 2026 г.')).toBe('2026-03-05');
    expect(only('"__12__" мая 2021 года')).toBe('2021-05-12');
  });

  it("reads a Chinese numeral year whose 〇 OCR read as a letter or a digit, but not letters alone", () => {
    expect(only('二O二四年八月二十六日')).toBe('2024-08-26');
    expect(only('二○二O年五月十二日')).toBe('2020-05-12');
    expect(only('二0一九年十二月一日')).toBe('2019-12-01');
    expect(readDates('OOOO年五月十二日')).toEqual([]);
  });

  it('never reads what is no date', () => {
    for (const text of ['3-1-17/А-1881', '31 02 2021', 'тел. 8 701 123 4567', 'ИИН 790314331596', '12 мая']) expect(readDates(text), text).toEqual([]);
  });
});

describe("readDates: OCR's letters for digits", () => {
  it('mends a lookalike letter standing against digits, never a word', () => {
    expect(mendDigits('2O.O1.2023 l2.05.2021 2017年I1月26日')).toBe('20.01.2023 12.05.2021 2017年11月26日');
    expect(mendDigits('No 1, Oil 3, 477-IV')).toBe('No 1, Oil 3, 477-IV');
    expect(only('Жарамды: 2O.O1.2O23')).toBe('2023-01-20');
    expect(only('签发日期：2016年8月I9日')).toBe('2016-08-19');
  });

  it('keeps every offset pointing into the page text', () => {
    const text = 'Valid until 2O.O1.2O23';
    const [date] = readDates(text);
    expect(text.slice(date!.start, date!.end)).toBe('2O.O1.2O23');
  });
});
