import type { PersonPage } from '../../../../shared/ipc/contract';

export type TimelineEntry = PersonPage['timeline'][number];

/**
 * A person's documents in the order things happened (refusal → application → extension); documents
 * whose date is not known yet come last, so they are seen and dated rather than lost in the middle.
 */
export function orderTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => {
    if (a.date === b.date) return a.title.localeCompare(b.title);
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  });
}

/**
 * A YYYY-MM-DD day as the lawyer reads dates, without the time zone moving it a day. English is
 * written day first (en-GB): the letters are Kazakh, and 03/06 must not read as the 6th of March.
 */
export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
