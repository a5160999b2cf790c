import { readDates } from '../dates/readDates';
import type { PageInput, Span } from '../types';

/**
 * Deadlines a letter sets by its words, not by a form field: a hearing (the date and time someone must
 * appear: a court sitting, a summons, an interview at the migration service) and an appeal window ("may
 * be appealed within one month", "в течение десяти рабочих дней", "бір ай ішінде шағымдануға болады"),
 * counted from the document's date. A missed hearing or appeal window loses a case as surely as a lapsed
 * certificate, so they are offered as deadlines for the lawyer to confirm (issue 13).
 *
 * Cues are kinds of phrase in Russian, Kazakh, English and Chinese, never a template's wording: a hearing
 * needs a hearing word and a date in one sentence; an appeal window needs an appeal word and a period in
 * one sentence. Dates the sentence cites in the past of the document (the decision appealed, a law's
 * date) are not hearings.
 */
export interface ProceduralDeadline extends Span {
  event: 'hearing' | 'appeal';
  /** YYYY-MM-DD */
  due: string;
  /** HH:MM, for a hearing that gives one */
  time: string | null;
  /** the period of an appeal window, as counted ("1 month", "10 working days") */
  window: string | null;
  /** the date an appeal window was counted from (the document's date) */
  from: string | null;
}

const HEARING_CUE = new RegExp(
  [
    // Russian
    'судебн\\p{L}*\\s+заседани\\p{L}*',
    'слушани\\p{L}*',
    'рассмотрени\\p{L}*\\s+(?:дела|жалобы|заявления)',
    'вызываетесь',
    'явиться',
    'явки',
    'собеседовани\\p{L}*',
    // Kazakh
    'сот\\s+отырыс\\p{L}*',
    'отырыс\\p{L}*',
    'шақырылас\\p{L}*',
    'келуіңіз\\p{L}*',
    'әңгімелесу\\p{L}*',
    // English
    'hearing',
    'summon(?:s|ed)',
    'appear(?:ance)?',
    'interview',
    // Chinese
    '开庭',
    '传唤',
    '到案',
    '听证',
  ].join('|'),
  'iu',
);

const APPEAL_CUE = /обжалова\p{L}*|обжалу\p{L}*|жалоб\p{L}*|шағым\p{L}*|appeal\p{L}*|上诉|复议/iu;

/** Number words up to thirty, as periods are written out in letters. */
const NUMBER_WORDS: Record<string, number> = {
  один: 1, одного: 1, одной: 1, одну: 1, two: 2, двух: 2, два: 2, три: 3, трех: 3, трёх: 3, пяти: 5, пять: 5,
  десяти: 10, десять: 10, пятнадцати: 15, пятнадцать: 15, двадцати: 20, тридцати: 30, тридцать: 30,
  бір: 1, екі: 2, үш: 3, бес: 5, он: 10, 'он бес': 15, жиырма: 20, отыз: 30,
  one: 1, a: 1, an: 1, three: 3, five: 5, ten: 10, fifteen: 15, twenty: 20, thirty: 30,
};
const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;

/** A period: "в течение 10 рабочих дней", "в месячный срок", "бір ай ішінде", "within one month", "30日内". */
const PERIODS: Array<{ regex: RegExp; read: (m: RegExpExecArray) => { count: number; unit: 'day' | 'working-day' | 'month' } | null }> = [
  {
    regex: new RegExp(`(?:в\\s+течени[ея]|within|not\\s+later\\s+than|не\\s+позднее)\\s+${NUMBER}?\\s*(?:\\(\\p{L}+\\)\\s*)?(календарн\\p{L}*|рабоч\\p{L}*|working|business|calendar)?\\s*(дн\\p{L}*|дней|день|месяц\\p{L}*|days?|months?)`, 'iu'),
    read: (m) => period(m[1] ?? '1', m[2], m[3]!),
  },
  {
    regex: /(месячный|десятидневный|пятнадцатидневный|тридцатидневный)\s+срок/iu,
    read: (m) => ({ месячный: { count: 1, unit: 'month' as const }, десятидневный: { count: 10, unit: 'day' as const }, пятнадцатидневный: { count: 15, unit: 'day' as const }, тридцатидневный: { count: 30, unit: 'day' as const } })[m[1]!.toLowerCase() as 'месячный'] ?? null,
  },
  {
    regex: new RegExp(`${NUMBER}\\s*(жұмыс|күнтізбелік)?\\s*(күн|ай)\\p{L}*\\s+ішінде`, 'iu'),
    read: (m) => period(m[1]!, m[2] === 'жұмыс' ? 'working' : undefined, m[3] === 'ай' ? 'month' : 'day'),
  },
  {
    regex: /(\d{1,3})\s*(日|个月|個月)内/u,
    read: (m) => ({ count: Number(m[1]), unit: m[2] === '日' ? 'day' : 'month' }),
  },
];

function period(countText: string, kind: string | undefined, unitText: string): { count: number; unit: 'day' | 'working-day' | 'month' } | null {
  const count = /^\d+$/.test(countText) ? Number(countText) : NUMBER_WORDS[countText.toLowerCase()];
  if (!count || count > 366) return null;
  const month = /^(месяц|month|ай)/iu.test(unitText);
  if (month) return count <= 12 ? { count, unit: 'month' } : null;
  return { count, unit: kind && /^(рабоч|working|business)/iu.test(kind) ? 'working-day' : 'day' };
}

/** The date a period ends, counted from `from`: months by the calendar, working days skipping weekends. */
export function addPeriod(from: string, count: number, unit: 'day' | 'working-day' | 'month'): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  if (unit === 'month') {
    // 31 January + 1 month is the last day of February, not 3 March.
    const last = new Date(Date.UTC(year, month - 1 + count + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month - 1 + count, Math.min(day, last))).toISOString().slice(0, 10);
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (unit === 'day') {
    date.setUTCDate(date.getUTCDate() + count);
    return date.toISOString().slice(0, 10);
  }
  for (let left = count; left > 0; ) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/** A form's time label, in Russian, Kazakh, English and Chinese. */
const TIME_LABEL = /^\s*(?:время|уақыты|уақыт|сағаты|time|时间)(?!\p{L})/iu;

const TIME = /(?<![\d:.])([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d|[:.]\d)|(?<!\d)([01]?\d|2[0-3])\s*(?:ч(?:ас\p{L}*)?\.?|сағ\p{L}*)\s*(?:([0-5]\d)\s*(?:мин\p{L}*)?)?|([01]?\d|2[0-3])时(?:([0-5]\d)分)?/iu;

/**
 * Sentences of a page, with their offsets: split at . ! ? 。 before a capital or the end (not inside
 * 10.00 or 02.04.2021), at blank lines, and after a short line that ends without punctuation — a
 * heading or a label ("Дата: 02.04.2021"), whose date must not join the next sentence.
 */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  const boundary = /[.!?。](?=\s+\p{Lu}|\s*$)|\n\s*\n|(?<=^|\n)[^\n]{0,28}[^\n.,;:!?\-–—(«"\s]\s*\n/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end <= start) continue;
    // A label wrapped in a form's cell («Дата судебного / заседания / 19 января 2027 г.»): its line goes on
    // in lower case, or its value (a date) stands on the next line.
    const shortLine = !/^[.!?。\n]/u.test(match[0]);
    const lineEnd = text.indexOf('\n', end);
    const nextLine = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
    if (shortLine && (/^[ \t]*\p{Ll}/u.test(nextLine) || (!/\p{N}/u.test(match[0]) && opensWithDate(nextLine)))) continue;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** A line that begins with a date: a form's value under its label. */
function opensWithDate(line: string): boolean {
  const first = readDates(line)[0];
  return first !== undefined && /^[\s«"]*$/u.test(line.slice(0, first.start));
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

export function findProceduralDeadlines(pages: readonly PageInput[], documentDate: string | null): ProceduralDeadline[] {
  const found: ProceduralDeadline[] = [];
  for (const page of pages) {
    const dates = readDates(page.text);
    for (const sentence of sentences(page.text)) {
      const text = page.text.slice(sentence.start, sentence.end);
      const inSentence = dates.filter((date) => date.start >= sentence.start && date.end <= sentence.end);
      const hearing = HEARING_CUE.exec(text);
      if (hearing) {
        // The date nearest after the cue, else the nearest before; never one before the document's date.
        const cueAt = sentence.start + hearing.index;
        const candidates = inSentence
          // A hearing comes after the letter that announces it; the letter's own date is not one.
          .filter((date) => !documentDate || date.date > documentDate)
          .sort((a, b) => Number(a.start < cueAt) - Number(b.start < cueAt) || Math.abs(a.start - cueAt) - Math.abs(b.start - cueAt));
        const date = candidates[0];
        if (date) {
          // the time in the sentence, or on the next line under its own label («Время 10 ч. 30 мин.»)
          const nextLine = TIME_LABEL.test(page.text.slice(sentence.end, sentence.end + 20)) ? page.text.slice(sentence.end, sentence.end + 40) : '';
          const after = page.text.slice(date.end, Math.min(sentence.end, date.end + 40)) + (nextLine ? ` ${nextLine}` : '');
          const before = page.text.slice(Math.max(sentence.start, date.start - 25), date.start);
          const time = TIME.exec(after) ?? TIME.exec(before);
          found.push(hearingOf(page, date.date, time, Math.min(cueAt, date.start), Math.max(cueAt + hearing[0].length, date.end), time ? 0.85 : 0.75));
          continue;
        }
      }
      const appeal = APPEAL_CUE.exec(text);
      if (appeal && documentDate) {
        for (const { regex, read } of PERIODS) {
          const match = regex.exec(text);
          const length = match ? read(match) : null;
          if (!match || !length) continue;
          const start = sentence.start + Math.min(appeal.index, match.index);
          const end = sentence.start + Math.max(appeal.index + appeal[0].length, match.index + match[0].length);
          found.push({
            event: 'appeal',
            due: addPeriod(documentDate, length.count, length.unit),
            time: null,
            window: `${length.count} ${length.unit === 'month' ? (length.count === 1 ? 'month' : 'months') : length.unit === 'working-day' ? (length.count === 1 ? 'working day' : 'working days') : length.count === 1 ? 'day' : 'days'}`,
            from: documentDate,
            page: page.page,
            start,
            end,
            surface: collapse(page.text.slice(start, end)),
            // Counted from the document's date: the window may run from receipt, which the letter does not date.
            confidence: 0.7,
          });
          break;
        }
      }
    }
    found.push(...wrappedLabelHearings(page, dates, documentDate));
  }
  return dedupe(found);
}

/**
 * A form's hearing label wrapped under its value, as OCR reads a two-column form row by row: «Дата
 * судебного 19 января 2027 г.» over «заседания». The label's first part before the date and the short
 * line after it read as one; the time may stand on a row of its own below, under its label.
 */
function wrappedLabelHearings(page: PageInput, dates: ReturnType<typeof readDates>, documentDate: string | null): ProceduralDeadline[] {
  const { text } = page;
  const found: ProceduralDeadline[] = [];
  for (const date of dates) {
    if (documentDate && date.date <= documentDate) continue;
    const lineStart = text.lastIndexOf('\n', date.start - 1) + 1;
    const before = text.slice(lineStart, date.start).trim();
    if (!/\p{L}/u.test(before) || /\p{N}/u.test(before) || before.length > 40 || HEARING_CUE.test(before)) continue;
    // the date's line, and the few lines after it that are not blank
    const [sameLine = '', ...rest] = text.slice(date.end, date.end + 400).split('\n');
    const following = rest.map((line) => line.trim()).filter((line) => line !== '');
    const wrapped = following[0];
    if (!wrapped || wrapped.length > 30 || !/^[\p{L}\s.:]+$/u.test(wrapped) || !HEARING_CUE.test(`${before} ${wrapped}`)) continue;
    const timeLine = following.slice(1, 3).find((line) => TIME_LABEL.test(line));
    const time = TIME.exec(sameLine) ?? (timeLine ? TIME.exec(timeLine) : null);
    found.push(hearingOf(page, date.date, time, lineStart, date.end, time ? 0.8 : 0.7));
  }
  return found;
}

/** A hearing on `due`, at the time `time` read, found in the page's text from `start` to `end`. */
function hearingOf(page: PageInput, due: string, time: RegExpExecArray | null, start: number, end: number, confidence: number): ProceduralDeadline {
  return { event: 'hearing', due, time: time ? clock(time) : null, window: null, from: null, page: page.page, start, end, surface: collapse(page.text.slice(start, end)), confidence };
}

function clock(match: RegExpExecArray): string {
  const hour = match[1] ?? match[3] ?? match[5] ?? '0';
  const minute = match[2] ?? match[4] ?? match[6] ?? '00';
  return `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
}

/** One deadline per event and day (a letter repeats the hearing's date in two languages). */
function dedupe(found: ProceduralDeadline[]): ProceduralDeadline[] {
  const best = new Map<string, ProceduralDeadline>();
  for (const deadline of found) {
    const key = `${deadline.event}|${deadline.due}`;
    const held = best.get(key);
    if (!held || deadline.confidence > held.confidence || (deadline.time && !held.time)) best.set(key, deadline);
  }
  return [...best.values()];
}
