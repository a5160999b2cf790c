/**
 * Every date on a page, in the forms documents never seen during development print them: what findDates
 * (core/text) reads, and besides it
 * - month names and abbreviations in Russian (nominative, genitive, «фев.»), Kazakh (also as a Russian-only
 *   OCR model spells it: «кантар»), English, and two at once as a passport prints them: «12 ФЕВ/FEB 2027»;
 * - numeric dates with any separator, mixed or doubled by OCR: 12-02-2027, 12 02 2027, 12..02.2027;
 * - two-digit years (12.02.27), zero-padded only, so that an article's «п. 1.2.15» is no date;
 * - Chinese numerals: 二〇二〇年五月十二日;
 * - OCR's letters for digits inside a date (2O.O1.2023, l2.05.2021) and a dropped space before it
 *   («Validuntil20.01.2023», «12мая2021»).
 * findDates stays as it is: search indexes with it, and its readings are taken first.
 *
 * Mending keeps the text's length, so every offset still points into the page text.
 */
import { findDates, type DateMention } from '../../text';
import { CHINESE_DIGITS, kazakhLoose, MONTH_NAMES } from './dateVocabulary';

export interface ReadDate extends DateMention {
  /** printed with a two-digit year: the century is a guess (centuryOf) */
  twoDigitYear?: boolean;
}

const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', О: '0', о: '0', l: '1', I: '1', і: '1', І: '1', З: '3', б: '6' };

/** Letters of a word; a Chinese character beside a digit is 年, 月 or 日 of a date, not a word. */
const WORD_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** A lookalike letter standing against a digit and against no other letter is the digit OCR misread. */
export function mendDigits(text: string): string {
  return text.replace(/[OoОоlIіІЗб]/gu, (letter, at: number) => {
    const before = text[at - 1] ?? ' ';
    const after = text[at + 1] ?? ' ';
    if (WORD_LETTER.test(before) || WORD_LETTER.test(after)) return letter;
    return /\d/.test(before) || /\d/.test(after) ? DIGIT_LOOKALIKES[letter]! : letter;
  });
}

interface MonthWord {
  index: number;
  pattern: string;
}

/** Every month word, longest first so that «февраля» is not read as «фев». Kazakh takes case endings. */
const MONTH_WORDS: MonthWord[] = [
  ...MONTH_NAMES.ru.flatMap((names, i) => names.map((name) => ({ index: i + 1, pattern: `${name}(?!\\p{L})` }))),
  ...MONTH_NAMES.kk.flatMap((names, i) => names.map((name, k) => ({ index: i + 1, pattern: `${kazakhLoose(name)}${k === 0 ? '\\p{L}*' : '(?!\\p{L})'}` }))),
  ...MONTH_NAMES.en.flatMap((names, i) => names.map((name) => ({ index: i + 1, pattern: `${name}(?!\\p{L})` }))),
].sort((a, b) => b.pattern.length - a.pattern.length);
const MONTH_REGEXES = MONTH_WORDS.map((word) => ({ index: word.index, regex: new RegExp(`^${word.pattern}`, 'iu') }));
const MONTH = `(?:${MONTH_WORDS.map((word) => word.pattern).join('|')})`;
const MONTH_EN = `(?:${MONTH_NAMES.en.flat().sort((a, b) => b.length - a.length).map((name) => `${name}(?!\\p{L})`).join('|')})`;

function monthOf(word: string): number {
  return MONTH_REGEXES.find(({ regex }) => regex.test(word))?.index ?? 0;
}

const YEAR_WORD = String.raw`(?:\s?(?:г\.|года|год|ж\.|жылғы|жылы|жыл)(?!\p{L}))?`;
const NOT_AFTER_NUMBER = String.raw`(?<!\p{N})(?<!\p{N}[./-])`;
const NOT_BEFORE_NUMBER = String.raw`(?!\p{N})(?![./-]\p{N})`;
const SEPARATOR = String.raw`(?:[ \t]?[./\-,]{1,2}[ \t]?|[ \t])`;

/** What OCR reads for 〇 in a year written in Chinese numerals (二O二四年): zero-like letters, 零. */
const ZERO_LOOKALIKES = 'OoО0○Ｏ';

/** I … XII, in Latin capitals or their Cyrillic lookalikes (Х, І), never lower case («v» is a word). */
const ROMAN_MONTH = '(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|ХІІ|ХІ|Х|ІХ|VІІІ|VІІ|VІ|ІV|ІІІ|ІІ|І)(?![\\p{L}\\p{N}])';
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };
function romanMonth(numeral: string): number {
  const digits = [...numeral.replace(/Х/gu, 'X').replace(/І/gu, 'I')].map((c) => ROMAN_VALUES[c]!);
  return digits.reduce((sum, value, i) => sum + (value < (digits[i + 1] ?? 0) ? -value : value), 0);
}

type Reading = { year: number; month: number; day: number; twoDigitYear?: boolean };
interface Form {
  regex: RegExp;
  read: (m: RegExpExecArray) => Reading | null;
}

const form = (source: string, read: Form['read'], flags = 'giu'): Form => ({ regex: new RegExp(source, flags), read });

const FORMS: Form[] = [
  // 12 ФЕВ/FEB 2027, 12 фев. 2027, 3-Mar-2021, 12февраля2027, 5 кантар 2021
  form(`${NOT_AFTER_NUMBER}(\\d{1,2})[ \\t]*[-./]?\\s*(${MONTH})\\.?(?:\\s*/\\s*(${MONTH})\\.?)?[ \\t]*[-./,]?\\s*(\\d{4})${NOT_BEFORE_NUMBER}${YEAR_WORD}`, (m) => {
    const month = monthOf(m[2]!);
    if (m[3] && monthOf(m[3]) !== month) return null;
    return { day: Number(m[1]), month, year: Number(m[4]) };
  }),
  // 11 5月/MAY2010: a Chinese passport's month with a space lost before the year
  form(`${NOT_AFTER_NUMBER}(\\d{1,2})\\s+(\\d{1,2})\\s*月\\s*/\\s*(${MONTH})\\.?\\s*(\\d{4})${NOT_BEFORE_NUMBER}`, (m) => {
    const month = Number(m[2]);
    return month === monthOf(m[3]!) ? { day: Number(m[1]), month, year: Number(m[4]) } : null;
  }),
  // 12 AKII/FEB 2027, 09 АҚП/ЕЕВ 2021: a passport's two-language month with one half garbled by OCR
  form(
    `${NOT_AFTER_NUMBER}(\\d{1,2})[ \\t]*(?:(${MONTH})\\.?[ \\t]*/[ \\t]*([^\\s/\\d]{2,5})|([^\\s/\\d]{2,5})[ \\t]*/[ \\t]*(${MONTH}))\\.?[ \\t]*[-./,]?\\s*(\\d{4})${NOT_BEFORE_NUMBER}${YEAR_WORD}`,
    // the other half is no month at all: two months that disagree say nothing
    (m) => (monthOf(m[3] ?? m[4]!) ? null : { day: Number(m[1]), month: monthOf(m[2] ?? m[5]!), year: Number(m[6]) }),
  ),
  // 2021 жылгы 12 мамыр: the year-first Kazakh date as a Russian-only OCR model spells it, «ж.» also as
  // OCR reads it (x., х.). Without the year's word the day stands on the year's line: a year ending one
  // field and a day opening the next line are two dates' parts («… FEB 2031 / 09 АҚП»).
  form(`${NOT_AFTER_NUMBER}(\\d{4})(?!\\p{N})(?:\\s*(?:${kazakhLoose('жылғы')}|${kazakhLoose('жылы')}|[жxх]\\.)\\s*|[ \\t]*)[«"]?(\\d{1,2})[»"]?\\s*(${MONTH})`, (m) => ({
    year: Number(m[1]),
    day: Number(m[2]),
    month: monthOf(m[3]!),
  })),
  // 12-02-2027, 12 02 2027, 12..02.2027, 12,02.2027
  form(`${NOT_AFTER_NUMBER}(\\d{1,2})${SEPARATOR}(\\d{1,2})${SEPARATOR}(\\d{4})${NOT_BEFORE_NUMBER}${YEAR_WORD}`, (m) => ({
    day: Number(m[1]),
    month: Number(m[2]),
    year: Number(m[3]),
  })),
  // 2025.02.10, 2024-01-29 glued to a word or a Chinese label: «ДЕЙСТВИТЕЛЕН ДО2025.02.10», «延长至2024-01-29»
  form(`${NOT_AFTER_NUMBER}(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})${NOT_BEFORE_NUMBER}`, (m) => ({
    year: Number(m[1]),
    month: Number(m[3]),
    day: Number(m[4]),
  })),
  // January 18,2020: month first, the space after the comma lost
  form(`(?<![\\p{L}])(${MONTH_EN})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})${NOT_BEFORE_NUMBER}`, (m) => ({
    month: monthOf(m[1]!),
    day: Number(m[2]),
    year: Number(m[3]),
  })),
  // 12.02.27, 12/02/27
  // (case-sensitive: «№ 15.02.21» and «No. 15.02.21» are numbers, «Expiration 29.11.25» is a date)
  form(
    `(?<![\\p{L}\\p{N}])(?<!(?:№|N[oº°]?\\.?)\\s*)(?<!\\p{N}[./-])(\\d{2})([./])(\\d{2})\\2(\\d{2})${NOT_BEFORE_NUMBER}${YEAR_WORD}`,
    (m) => ({ day: Number(m[1]), month: Number(m[3]), year: Number(m[4]), twoDigitYear: true }),
    'gu',
  ),
  // the 14th day of April, 2026; 1st of March, 2024: an order's or deed's date in legal English
  form(`(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:day\\s*of|of)\\s*(${MONTH_EN})\\.?,?\\s*(\\d{4})${NOT_BEFORE_NUMBER}`, (m) => ({
    day: Number(m[1]),
    month: monthOf(m[2]!),
    year: Number(m[3]),
  })),
  // 01.X.2026, 11.V.1969, 5 III 2026: the month in Roman numerals (OCR may read X as the Cyrillic Х, I as І)
  form(`${NOT_AFTER_NUMBER}(\\d{1,2})(?:\\.\\s?|\\s)(${ROMAN_MONTH})(?:\\.\\s?|\\s)(\\d{4})${NOT_BEFORE_NUMBER}${YEAR_WORD}`, (m) => ({
    day: Number(m[1]),
    month: romanMonth(m[2]!),
    year: Number(m[3]),
  }), 'gu'),
  // 二〇二〇年五月十二日
  form(`((?=(?:[^年]*[${CHINESE_DIGITS}零]){2})[${CHINESE_DIGITS}零${ZERO_LOOKALIKES}]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*[日号]`, (m) => ({
    year: Number([...m[1]!].map((c) => Math.max(0, CHINESE_DIGITS.indexOf(c))).join('')),
    month: chineseNumber(m[2]!),
    day: chineseNumber(m[3]!),
  })),
];

/** 一 … 三十一 */
function chineseNumber(text: string): number {
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) : 0);
  const ten = text.indexOf('十');
  if (ten < 0) return digit(text);
  return (ten === 0 ? 1 : digit(text[ten - 1])) * 10 + digit(text[ten + 1]);
}

function isoOf({ year, month, day }: Reading): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The century of a two-digit year: the one that puts it no more than 30 years after the latest
 * four-digit year on the page (a validity runs up to ten years, a refugee's documents span decades
 * before it), or after 2020 when the page prints none. A birth date that lands in the future is moved
 * back a century by its reader (dateRoles.ts), which knows it is one.
 */
export function centuryOf(twoDigits: number, reference: number): number {
  const year = Math.floor(reference / 100) * 100 + twoDigits;
  return year > reference + 30 ? year - 100 : year;
}

/**
 * findDates after mending separators OCR misreads inside a dotted date (20:01.2023, 12.09,2018), and the
 * hyphen some write between a Kazakh date's year and «жылғы» (2022-жылғы), and the dash joining a range
 * (2019.02.18-2029.02.18), which findDates takes for part of a longer number.
 */
function findMendedDates(text: string): DateMention[] {
  const mended = text
    .replace(/(?<![\p{N}.:,])(\p{N}{1,2})[:,](\p{N}{1,2}\.\p{N}{4})(?![\p{N}])/gu, '$1.$2')
    .replace(/(?<![\p{N}.:,])(\p{N}{1,2}\.\p{N}{1,2})[:,](\p{N}{4})(?![\p{N}])/gu, '$1.$2')
    .replace(/(?<![\p{N}])(\p{N}{4})-(?=жыл)/gu, '$1 ');
  return findDates(mended);
}

/**
 * The dash joining a range of two dates (2019.02.18-2029.02.18, 01.05.2023–01.05.2028) as a space, which
 * findDates and the forms would take for part of a longer number; a blank's underscores or spaces around a
 * filled-in day («_05_» марта, « 05 » марта) moved outside its quotes. Same length, so offsets hold.
 */
function mendSeparators(text: string): string {
  return text
    .replace(/(\p{N}[./]\p{N}{1,2}[./]\p{N}{1,4})[-–](?=\p{N}{1,4}[./]\p{N}{1,2}[./]\p{N})/gu, '$1 ')
    .replace(/([«"“„])([ \t_]*)(\p{N}{1,2})([ \t_]*)([»"”])/gu, (_, open: string, left: string, day: string, right: string, close: string) => `${' '.repeat(left.length)}${open}${day}${close}${' '.repeat(right.length)}`);
}

export function readDates(text: string): ReadDate[] {
  const mended = mendSeparators(mendDigits(text));
  const found: ReadDate[] = findMendedDates(mended);
  const reference = Math.max(2020, ...found.map((mention) => Number(mention.date.slice(0, 4))));
  const extra: ReadDate[] = [];
  for (const { regex, read } of FORMS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(mended); m; m = regex.exec(mended)) {
      const reading = read(m);
      if (!reading) continue;
      if (reading.twoDigitYear) reading.year = centuryOf(reading.year, reference);
      const date = isoOf(reading);
      if (date) extra.push({ date, start: m.index, end: m.index + m[0].trimEnd().length, ...(reading.twoDigitYear ? { twoDigitYear: true } : {}) });
    }
  }
  // findDates's readings stand; another form's reading only where findDates read nothing.
  extra.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const mention of extra) {
    if (found.some((other) => other.start < mention.end && mention.start < other.end)) continue;
    found.push(mention);
  }
  return found.sort((a, b) => a.start - b.start);
}

