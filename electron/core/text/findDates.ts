/**
 * Date mentions in page text, as ISO dates with their [start, end) span, so that 02.04.2021,
 * 2 April 2021, «02» апреля 2021 г., 2021 жылғы 2 сәуір and 2021年4月2日 meet.
 *
 * Numeric dates are day first (Kazakhstan's casework): 02.04.2021 is 2 April, and 04.13.2021 is no date
 * at all rather than a US month-first one. A date must exist (no 31.02) and fall in 1900–2100.
 */

export interface DateMention {
  /** YYYY-MM-DD */
  date: string;
  start: number;
  end: number;
}

const D = '[0-9\\uFF10-\\uFF19]';
/** Not inside a longer number or identifier (17/02.04.2021, 12345.04.2021). */
const NUMERIC_START = `(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}][-./])`;
const NUMERIC_END = `(?!\\p{N}|[-./]\\p{N})`;
const WORD_END = '(?!\\p{L})';
/** "г." / "года" / "ж." / "жылы" after the year belong to the mention. */
const YEAR_WORD = `(?:\\s?(?:г\\.|года|год|ж\\.|жылғы|жылы|жыл)${WORD_END})?`;
const OPEN_QUOTE = '[«"“„]?';
const CLOSE_QUOTE = '[»"”]?';

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_EN = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const MONTHS_RU = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const MONTH_RU = '(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[яй]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])';
const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
/** With any case ending: наурыздағы, шілдедегі, тамызда. */
const MONTH_KK = `(${MONTHS_KK.join('|')})\\p{L}*`;
const ORDINAL = '(?:st|nd|rd|th)?';

type Parts = { year: string; month: number; day: string };
type Pattern = { regex: RegExp; parts: (m: RegExpExecArray) => Parts };

const monthIndex = (names: readonly string[], word: string) => {
  const lower = word.toLowerCase();
  // Russian: март/марта and май/мая share a prefix with nothing else; the longest prefix wins.
  let best = -1;
  names.forEach((name, i) => {
    if (lower.startsWith(name) && (best < 0 || name.length > names[best]!.length)) best = i;
  });
  return best + 1;
};

const pattern = (source: string, parts: Pattern['parts']): Pattern => ({ regex: new RegExp(source, 'giu'), parts });

const PATTERNS: Pattern[] = [
  // 02.04.2021, 2.4.2021, 02/04/2021, 02.04.2021 ж.
  pattern(`${NUMERIC_START}(${D}{1,2})([./])(${D}{1,2})\\2(${D}{4})${NUMERIC_END}${YEAR_WORD}`, (m) => ({
    day: m[1]!, month: Number(ascii(m[3]!)), year: m[4]!,
  })),
  // 2021-04-02, 2021.04.02
  pattern(`${NUMERIC_START}(${D}{4})([-./])(${D}{1,2})\\2(${D}{1,2})${NUMERIC_END}`, (m) => ({
    year: m[1]!, month: Number(ascii(m[3]!)), day: m[4]!,
  })),
  // 2 April 2021, 2nd April 2021, 2 April, 2021, 2nd of April 2021
  pattern(`${NUMERIC_START}(${D}{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH_EN}\\.?${WORD_END},?\\s+(${D}{4})${NUMERIC_END}`, (m) => ({
    day: m[1]!, month: monthIndex(MONTHS_EN, m[2]!), year: m[3]!,
  })),
  // April 2, 2021
  pattern(`(?<!\\p{L})${MONTH_EN}\\.?\\s+(${D}{1,2})${ORDINAL},?\\s+(${D}{4})${NUMERIC_END}`, (m) => ({
    month: monthIndex(MONTHS_EN, m[1]!), day: m[2]!, year: m[3]!,
  })),
  // «02» апреля 2021 г., 2 апреля 2021 года
  pattern(`${OPEN_QUOTE}${NUMERIC_START}(${D}{1,2})${CLOSE_QUOTE}\\s*${MONTH_RU}${WORD_END}\\s+(${D}{4})${NUMERIC_END}${YEAR_WORD}`, (m) => ({
    day: m[1]!, month: monthIndex(MONTHS_RU, m[2]!), year: m[3]!,
  })),
  // 2021 жылғы 2 сәуір, 2021 жылғы «2» сәуірдегі, 2021 ж. 2 сәуір; without the year's word, on one line (a year ending a field and a
  // day opening the next line are parts of two dates)
  pattern(`${NUMERIC_START}(${D}{4})(?:\\s*(?:жылғы|жылы|ж\\.)\\s*|[ \\t]+)${OPEN_QUOTE}(${D}{1,2})${CLOSE_QUOTE}\\s*${MONTH_KK}`, (m) => ({
    year: m[1]!, day: m[2]!, month: monthIndex(MONTHS_KK, m[3]!),
  })),
  // 2 сәуір 2021 ж.
  pattern(`${OPEN_QUOTE}${NUMERIC_START}(${D}{1,2})${CLOSE_QUOTE}\\s*${MONTH_KK}\\s+(${D}{4})${NUMERIC_END}${YEAR_WORD}`, (m) => ({
    day: m[1]!, month: monthIndex(MONTHS_KK, m[2]!), year: m[3]!,
  })),
  // Chinese passports: 14 3月/MAR 1979 (both month spellings must agree)
  pattern(`${NUMERIC_START}(${D}{1,2})\\s+(${D}{1,2})\\s*月\\s*/\\s*${MONTH_EN}${WORD_END}\\s+(${D}{4})${NUMERIC_END}`, (m) => {
    const month = Number(ascii(m[2]!));
    return { day: m[1]!, month: month === monthIndex(MONTHS_EN, m[3]!) ? month : 0, year: m[4]! };
  }),
  // 2021年4月2日, and as OCR writes it: 2021 年 4 月 2 日
  pattern(`(?<!\\p{N})(${D}{4})\\s*年\\s*(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*[日号]`, (m) => ({
    year: m[1]!, month: Number(ascii(m[2]!)), day: m[3]!,
  })),
];

/** Full-width digits as ASCII. */
function ascii(digits: string): string {
  return digits.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

function isoDate({ year, month, day }: Parts): string | null {
  const y = Number(ascii(year));
  const d = Number(ascii(day));
  if (y < 1900 || y > 2100 || month < 1 || month > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { regex, parts } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const date = isoDate(parts(m));
      if (date) found.push({ date, start: m.index, end: m.index + m[0].length });
    }
  }
  // Where two readings overlap, the earlier and then the longer one stands.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: DateMention[] = [];
  for (const mention of found) {
    const last = mentions.at(-1);
    if (!last || mention.start >= last.end) mentions.push(mention);
  }
  return mentions;
}
