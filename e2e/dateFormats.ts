/**
 * Issue 14 item 2, "one date format per interface language": the days a screen shows, found in its
 * visible strings, and those written in another form than the one the lawyer's language (or the ISO
 * setting) writes: `8 Apr 2021` in English, `08.04.2021` in Russian and Kazakh, `2021-04-08` with the
 * ISO setting. Any slashed day (04/08/2021) and any month-first day (Apr 8, 2021) is wrong everywhere:
 * one office reads it as April, another as August.
 */
export type DayStyle = 'en' | 'ru' | 'kk' | 'iso';

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const RU_KK_MONTHS =
  'январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан';

/** Each form a day may be written in, and the styles it is right in. */
const FORMS: { name: string; pattern: RegExp; rightIn: readonly DayStyle[] }[] = [
  { name: 'ISO', pattern: /(?<![\d.-])\d{4}-\d{2}-\d{2}(?![\d-])/g, rightIn: ['iso'] },
  { name: 'dotted', pattern: /(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])/g, rightIn: ['ru', 'kk'] },
  { name: 'day month year', pattern: new RegExp(`(?<!\\d)\\d{1,2} (?:${MONTHS})[a-z]*\\.? \\d{4}(?!\\d)`, 'g'), rightIn: ['en'] },
  { name: 'slashed', pattern: /(?<![\d/])\d{1,2}\/\d{1,2}\/\d{2,4}(?![\d/])/g, rightIn: [] },
  { name: 'month first', pattern: new RegExp(`(?:${MONTHS})[a-z]*\\.? \\d{1,2}, \\d{4}`, 'g'), rightIn: [] },
  { name: 'month in words', pattern: new RegExp(`(?<!\\d)\\d{1,2} (?:${RU_KK_MONTHS})\\p{L}*\\.? \\d{4}`, 'giu'), rightIn: [] },
];

/** Every day written in `text`, with the form it is written in. */
export function daysIn(text: string): { day: string; form: string; rightIn: readonly DayStyle[] }[] {
  const found: { day: string; form: string; rightIn: readonly DayStyle[] }[] = [];
  for (const form of FORMS) for (const match of text.matchAll(form.pattern)) found.push({ day: match[0], form: form.name, rightIn: form.rightIn });
  return found;
}

/**
 * The days of these screens written in another form than `style` writes them, as "screen: «string»"
 * lines. `data` are the lawyer's own texts (documents, titles): a day written inside them is shown as
 * written, in whatever form its author used.
 */
export function daysInOtherForms(screens: ReadonlyMap<string, ReadonlySet<string>>, style: DayStyle, data: readonly string[], allowed: readonly string[] = []): string[] {
  const asWritten = new Set(data.flatMap((text) => daysIn(text).map((found) => found.day)));
  const wrong: string[] = [];
  for (const [screen, strings] of screens) {
    for (const text of strings) {
      if (allowed.some((example) => text.includes(example))) continue;
      for (const found of daysIn(text)) {
        if (!found.rightIn.includes(style) && !asWritten.has(found.day)) wrong.push(`${screen}: «${text}» (${found.form})`);
      }
    }
  }
  return wrong;
}
