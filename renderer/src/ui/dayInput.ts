/**
 * A day typed by the lawyer, in the form their language writes it, and the same day shown back that way
 * (issue 14: one date format per interface language): Russian and Kazakh `08.04.2021`, English
 * `8 Apr 2021`; ISO `2021-04-08` is understood in every language. Nothing ambiguous is accepted: no
 * `04/08/2021`, which one office reads as April and another as August.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day `text` names as YYYY-MM-DD; null when it names none (or one that does not exist). */
export function parseDay(text: string): string | null {
  const typed = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(typed);
  if (m) {
    // a month's name or its beginning: Apr, April, Sept
    const word = m[2]!.toLowerCase();
    const month = MONTHS.findIndex((name) => name.startsWith(word));
    if (month >= 0) return iso(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}

/**
 * How days are written: an interface language's way, or ISO for every language (the setting "Dates:
 * 2021-04-08"). Components take it from useDayStyle().
 */
export type DayStyle = string;
export const ISO_DAYS = 'iso';

/** YYYY-MM-DD as the interface language (or ISO) writes a day; anything else as it is. */
export function formatDay(isoDay: string, style: DayStyle): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return isoDay;
  const [, year, month, day] = m;
  if (style === ISO_DAYS) return isoDay;
  if (style === 'en') return `${Number(day)} ${MONTH_NAMES[Number(month) - 1]} ${year}`;
  return `${day}.${month}.${year}`;
}

/** A moment (an ISO timestamp) as the day the interface language writes and the local time: 8 Apr 2021, 14:05. */
export function formatMoment(iso: string, style: DayStyle): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${formatDay(day, style)}, ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** How the field says a day is written, in the interface language. */
export function dayPattern(style: DayStyle): string {
  if (style === ISO_DAYS) return '2021-04-08';
  return style === 'en' ? '8 Apr 2021' : '08.04.2021';
}

/** A range of days as the language writes them ("1 Jan 2015 – 31 Dec 2015", "… – 31.12.2015"); null for no range. */
export function dayRange(from: string, to: string, style: DayStyle): string | null {
  if (!from && !to) return null;
  return [from, to].map((day) => (day ? formatDay(day, style) : '…')).join(' – ');
}
