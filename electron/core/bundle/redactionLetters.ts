/**
 * One text cut into letters, with the break strength between each two (see redactionStream): what
 * the characters between letters say on their own, without the page's geometry. A letter is a
 * base character with its combining marks, folded as search folds it; the characters around the
 * letters (a trailing hyphen, punctuation) are summed up for the page to join words across them.
 */
import { fold } from '../text';

/** Letters written together in one word: a name cannot start or end here. */
export const NONE = 0;
/** May be inside a word or between two (letter spacing, hyphens, zero-width characters, touching boxes). */
export const SOFT = 1;
/** A real word boundary. */
export const HARD = 2;

/** What stands before a text's first letter or after its last one. */
export type Edge = 'none' | 'glue' | 'hyphen' | 'other';

/** One text cut into letters, with the breaks inside it. */
export interface TextLetters {
  folds: string[];
  originals: string[];
  starts: number[];
  ends: number[];
  han: boolean[];
  /** breaks[i]: the break before letter i (breaks[0] is unused) */
  breaks: number[];
  /** newLines[i]: only white space, a line end among it, stands before letter i (a word may wrap there) */
  newLines: boolean[];
  lead: Edge;
  trail: Edge;
  /** the end of the hyphen or invisible characters after the last letter (its end when there are none) */
  reach: number;
}

const LETTER = /[\p{L}\p{Nd}]/u;
/** Apostrophes Unicode counts as letters (ʼ ʻ): the possessive after them is not part of the name. */
const APOSTROPHE_LETTER = /[\u02BB\u02BC]/;
const MARK = /\p{M}/u;
/** Variation selectors and the grapheme joiner change nothing a reader sees. */
const INVISIBLE_MARK = /[\uFE00-\uFE0F\u034F\u180B-\u180D]/;
/** Zero-width and format characters (U+200B–U+200D, U+2060, U+FEFF, bidi marks), but not the soft hyphen. */
const GLUE = /(?!\u00AD)\p{Cf}/u;
const HYPHEN = /[-\u2010\u2011\u2012\u00AD\uFE63\uFF0D]/;
const SPACE = /\s/u;
const HAN = /\p{Script=Han}/u;
const ASCII_ALNUM = /^[A-Za-z0-9]$/;
const DIGIT = /\p{Nd}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

function foldLetter(grapheme: string): string {
  if (ASCII_ALNUM.test(grapheme)) return grapheme.toLowerCase();
  return fold(grapheme).replace(/\s+/gu, '');
}

/** The break two letters written next to each other (nothing between them) have. */
function touchingBreak(previous: string, next: string, previousHan: boolean, nextHan: boolean): number {
  if (previousHan || nextHan) return previousHan && nextHan ? SOFT : HARD;
  if (DIGIT.test(previous) !== DIGIT.test(next)) return SOFT;
  if (LOWER.test(previous) && UPPER.test(next)) return SOFT;
  return NONE;
}

/** What the characters between two letters (or around all of them) are. */
function separatorKind(text: string): 'empty' | 'glue' | 'hyphen' | 'space' | 'other' {
  if (text === '') return 'empty';
  let hyphen = false;
  let space = false;
  let spaceBeforeHyphen = false;
  for (const c of text) {
    if (GLUE.test(c) || MARK.test(c)) continue;
    if (HYPHEN.test(c)) {
      hyphen = true;
      if (space) spaceBeforeHyphen = true;
    } else if (SPACE.test(c)) space = true;
    else return 'other';
  }
  // "Mukha-metkyzy", "Mukha-\nmetkyzy" and "Mukha- metkyzy" (a text layer that joined lines with a
  // space) run on; "Kulash - Mukhametkyzy" is a dash between words.
  if (hyphen) return spaceBeforeHyphen ? 'other' : 'hyphen';
  return space ? 'space' : 'glue';
}

function edgeOf(text: string): Edge {
  const kind = separatorKind(text);
  if (kind === 'empty') return 'none';
  return kind === 'space' ? 'other' : kind;
}

/**
 * Letter spacing written with spaces ("K u l a s h  M u k h a m e t k y z y", in a title or a text
 * layer's word): in a run of three or more single letters, the narrowest gap is the one between
 * letters (SOFT) and wider ones are between words (HARD). A run with no wider gap stays SOFT
 * throughout, which finds every name in it and may box a little more.
 */
function spacedTextBreaks(letters: TextLetters, gaps: string[]): void {
  const n = letters.folds.length;
  const single = (i: number) => (i === 0 || gaps[i] !== '') && (i === n - 1 || gaps[i + 1] !== '');
  const spaced = (i: number) => separatorKind(gaps[i]!) === 'space' && !gaps[i]!.includes('\n');
  for (let first = 0; first < n; ) {
    let last = first;
    if (single(first)) while (last + 1 < n && single(last + 1) && spaced(last + 1)) last++;
    if (last - first >= 2) {
      const widths = [];
      for (let i = first + 1; i <= last; i++) widths.push(gaps[i]!.length);
      const narrowest = Math.min(...widths);
      for (let i = first + 1; i <= last; i++) letters.breaks[i] = gaps[i]!.length <= narrowest ? SOFT : HARD;
    }
    first = last + 1;
  }
}

function scanText(text: string): TextLetters {
  const letters: TextLetters = { folds: [], originals: [], starts: [], ends: [], han: [], breaks: [], newLines: [], lead: 'none', trail: 'none', reach: 0 };
  const gaps: string[] = [];
  let gapStart = 0;
  const chars = [...text];
  let offset = 0;
  for (let k = 0; k < chars.length; ) {
    const c = chars[k]!;
    const isLetter = LETTER.test(c) && !APOSTROPHE_LETTER.test(c);
    // OCR reads l as | inside a word (Ku|ash): between two letters it is one.
    const pipe = c === '|' && letters.ends.at(-1) === offset && LETTER.test(chars[k + 1] ?? '');
    if (!isLetter && !pipe) {
      offset += c.length;
      k++;
      continue;
    }
    const start = offset;
    let grapheme = c;
    offset += c.length;
    k++;
    while (k < chars.length && MARK.test(chars[k]!)) {
      if (!INVISIBLE_MARK.test(chars[k]!)) grapheme += chars[k]!;
      offset += chars[k]!.length;
      k++;
    }
    const folded = pipe ? 'l' : foldLetter(grapheme);
    if (!folded) continue;
    gaps.push(text.slice(gapStart, start));
    gapStart = offset;
    letters.folds.push(folded);
    letters.originals.push(pipe ? 'l' : grapheme);
    letters.starts.push(start);
    letters.ends.push(offset);
    letters.han.push(HAN.test(c));
  }
  const n = letters.folds.length;
  if (n === 0) {
    letters.lead = letters.trail = edgeOf(text);
    return letters;
  }
  letters.lead = edgeOf(gaps[0]!);
  const tail = text.slice(gapStart);
  letters.trail = edgeOf(tail);
  const invisibleTail = /^[\p{Cf}\u00AD\-\u2010\u2011\u2012\uFE63\uFF0D]*/u.exec(tail)![0];
  letters.reach = letters.ends[n - 1]! + (letters.trail === 'hyphen' || letters.trail === 'glue' ? invisibleTail.length : 0);
  letters.breaks.push(HARD);
  letters.newLines.push(false);
  for (let i = 1; i < n; i++) {
    const kind = separatorKind(gaps[i]!);
    letters.newLines.push(kind === 'space' && gaps[i]!.includes('\n'));
    if (kind === 'empty') letters.breaks.push(touchingBreak(letters.originals[i - 1]!, letters.originals[i]!, letters.han[i - 1]!, letters.han[i]!));
    else if (kind === 'glue' || kind === 'hyphen') letters.breaks.push(letters.han[i - 1] !== letters.han[i] ? HARD : SOFT);
    else letters.breaks.push(HARD);
  }
  const names = mrzNameStarts(text);
  if (names.size > 0) letters.starts.forEach((start, i) => i > 0 && names.has(start) && (letters.breaks[i] = HARD));
  spacedTextBreaks(letters, gaps);
  return letters;
}

/**
 * Where names start in a machine-readable zone's first lines (ICAO 9303, TD2 and TD3: passports, visas,
 * ID cards): the document's code and the issuing state's run into the surname with no separator
 * («P<KAZABILKASSYMOVA<<SALTANAT<<…»), so the name is a word from the line's 6th character on. A TD1
 * card's name line (30 characters, the name from the first) is not cut. Found probing: the surname of a
 * protected relative stayed readable in a redacted passport copy, and the leak check, reading the zone the
 * same way, passed it.
 */
function mrzNameStarts(text: string): Set<number> {
  const starts = new Set<number>();
  if (!text.includes('<<')) return starts;
  for (const match of text.matchAll(/[^\n]+/gu)) {
    const line = match[0].replace(/\s+/gu, '');
    // «P<», «V<», «I<» cannot open a TD1 name line (that would be a one-letter surname part); another
    // code can («PA…» may be a surname), so then the line must be too long to be one (OCR drops fillers)
    if (!/^[PVIAC][A-Z<][A-Z<]{3}[A-Z][A-Z<]*$/u.test(line) || !line.includes('<<', 5) || (line[1] !== '<' ? line.length < 34 : line.length < 12)) continue;
    let seen = 0;
    for (let i = 0; i < match[0].length; i++) {
      if (/\s/u.test(match[0][i]!)) continue;
      if (seen++ === 5) {
        starts.add(match.index + i);
        break;
      }
    }
  }
  return starts;
}

/** Word texts repeat from page to page (headers, the same names); each is cut into letters once. */
// eslint-disable-next-line no-restricted-syntax -- a bounded memo of a pure function (word text → letters), the same for every vault
const scanned = new Map<string, TextLetters>();
const SCAN_CACHE_LIMIT = 50_000;

export function lettersOf(text: string): TextLetters {
  let letters = scanned.get(text);
  if (letters) return letters;
  if (scanned.size >= SCAN_CACHE_LIMIT) scanned.clear();
  letters = scanText(text);
  scanned.set(text, letters);
  return letters;
}

