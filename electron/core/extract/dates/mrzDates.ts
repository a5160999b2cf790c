/**
 * Dates in a machine-readable zone (ICAO 9303): the holder's birth and the document's expiry, written
 * YYMMDD each with its check digit and the sex between them (`7903144M1804227` in a passport's second
 * line, an ID card's second line, a visa's). OCR of a passport copy often garbles the printed dates
 * («2345)/APR 2008») and keeps the zone, whose check digits say whether it was read right: a date is
 * taken only when both check digits hold. The expiry is the document's validity end.
 */
import type { DateFinding, PageInput } from '../types';

const WEIGHTS = [7, 3, 1];

function charValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  return 0; // '<'
}

/** ICAO 9303's check digit of a field. */
export function checkDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field[i]!) * WEIGHTS[i % 3]!;
  return sum % 10;
}

/** YYMMDD as a day that exists; a birth is never in the future, an expiry at most 50 years ahead. */
function day(yymmdd: string, kind: 'birth' | 'expiry', today: Date): string | null {
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const date = Number(yymmdd.slice(4, 6));
  const now = today.getUTCFullYear();
  let year = 2000 + yy;
  if (kind === 'birth' && year > now) year -= 100;
  if (kind === 'expiry' && year > now + 50) year -= 100;
  const parsed = new Date(Date.UTC(year, month - 1, date));
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== date) return null;
  return parsed.toISOString().slice(0, 10);
}

const ZONE_LINE = /^[A-Z0-9<]{28,}$/;
const BIRTH_SEX_EXPIRY = /(\d{6})(\d)([MFX<])(\d{6})(\d)/g;

export function mrzDates(page: PageInput, today = new Date()): DateFinding[] {
  const found: DateFinding[] = [];
  for (const line of page.text.matchAll(/[^\n]+/g)) {
    let compact = '';
    const offsets: number[] = [];
    for (let i = 0; i < line[0].length; i++) {
      if (/\s/.test(line[0][i]!)) continue;
      compact += line[0][i];
      offsets.push(line.index + i);
    }
    if (!ZONE_LINE.test(compact)) continue;
    for (const m of compact.matchAll(BIRTH_SEX_EXPIRY)) {
      const [, birth, birthCheck, , expiry, expiryCheck] = m;
      if (checkDigit(birth!) !== Number(birthCheck) || checkDigit(expiry!) !== Number(expiryCheck)) continue;
      const born = day(birth!, 'birth', today);
      const ends = day(expiry!, 'expiry', today);
      if (!born || !ends || ends <= born) continue;
      const span = (from: number, to: number) => {
        const start = offsets[from]!;
        const end = offsets[to - 1]! + 1;
        return { page: page.page, start, end, surface: page.text.slice(start, end).replace(/\s+/g, ' ') };
      };
      const at = m.index;
      found.push({ ...span(at, at + 6), date: born, kind: 'other', role: 'birth_date', confidence: 0.9 });
      found.push({ ...span(at + 8, at + 14), date: ends, kind: 'valid-until', role: 'mrz_expiry', confidence: 0.9 });
    }
  }
  return found;
}
