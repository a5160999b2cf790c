/**
 * The name in a machine-readable zone (ICAO 9303): SURNAME<<GIVEN<NAMES on a passport's first line
 * after P, a type letter and the issuing state (P<CHNASIKAER<<NUERLAN<<<), or on the third line of an
 * ID card. OCR puts stray spaces into such lines; they are skipped.
 */

export interface MrzName {
  start: number;
  end: number;
  surname: string[];
  given: string[];
}

const LINE = /[^\n]+/g;
const MRZ_CHARS = /^[A-Z0-9<]{20,}$/;
const PASSPORT_FIRST_LINE = /^P[A-Z<][A-Z<]{3}/;
const NAMES_ONLY = /^[A-Z<]+$/;

export function findMrzNames(text: string): MrzName[] {
  const found: MrzName[] = [];
  for (const line of text.matchAll(LINE)) {
    let compact = '';
    const offsets: number[] = [];
    for (let i = 0; i < line[0].length; i++) {
      if (line[0][i] === ' ') continue;
      compact += line[0][i];
      offsets.push(line.index + i);
    }
    if (!MRZ_CHARS.test(compact) || !compact.includes('<<')) continue;
    let from: number;
    if (PASSPORT_FIRST_LINE.test(compact)) from = 5;
    else if (NAMES_ONLY.test(compact)) from = 0;
    else continue;
    const field = compact.slice(from).replace(/<+$/, '');
    const split = field.indexOf('<<');
    if (split <= 0) continue;
    const surname = field.slice(0, split).split('<').filter(Boolean);
    const given = field.slice(split + 2).split('<').filter(Boolean);
    if (surname.length === 0 || given.length === 0 || /\d/.test(field)) continue;
    found.push({ start: offsets[from]!, end: offsets[from + field.length - 1]! + 1, surname, given });
  }
  return found;
}
