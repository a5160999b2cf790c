/**
 * A page's text as the citation finder reads it: one normalised string with a map back to the page's
 * own offsets, and its tokens.
 *
 * Normalised: lower case, ё → е, every run of white space (line breaks included) one space, none
 * between two Chinese characters (OCR spaces them), all quotes «» “” „ ' ’ one ", hyphens one -, dashes
 * one –, and look-alike letters of the other script put back into a word's own script (fold's repair:
 * OCR writes cтатьи with a Latin c). Each normalised character stands for one character of the page,
 * so a span found here maps straight back.
 */
import { fold } from '../../text';

export interface PageText {
  source: string;
  /** the normalised text */
  text: string;
  /** page offset of each normalised UTF-16 unit */
  at: number[];
  tokens: Token[];
}

export type TokenKind = 'word' | 'num' | 'mixed' | 'punct' | 'han';

export interface Token {
  kind: TokenKind;
  /** normalised text */
  text: string;
  /** [start, end) in the normalised text */
  start: number;
  end: number;
  /** white space right before it */
  space: boolean;
  /** as printed, for the letter case of abbreviations */
  printed: string;
}

const QUOTES = new Set('«»“”„‟"\'‘’‚‹›`');
const HYPHENS = new Set('\u2010\u2011\u2012\u00AD');
const DASHES = new Set('\u2013\u2014\u2015\u2212');
const SPACE = /\s/u;
const HAN = /\p{Script=Han}/u;
const ALNUM = new RegExp('[[\\p{L}\\p{M}\\p{Nd}]--\\p{Script=Han}]+', 'gv');
const DIGITS = /^\d+$/;
const LETTERS = /^[\p{L}\p{M}]+$/u;

/** No white space between ! and ~ (most of a page): the test that skips the regular expression. */
const maySpace = (code: number) => code <= 0x20 || code >= 0x7f;
/** No Han character below U+2E80 (CJK Radicals Supplement). */
const mayHan = (code: number) => code >= 0x2e80;

export function readPage(source: string): PageText {
  // One UTF-16 unit per entry, joined at the end: asking a string being appended to for its last
  // characters makes V8 flatten it each time.
  const units: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const code = source.charCodeAt(i);
    if (c === '\u00AD') continue;
    if (maySpace(code) && SPACE.test(c)) {
      if (units.length > 0 && units.at(-1) !== ' ') {
        units.push(' ');
        at.push(i);
      }
      continue;
    }
    // OCR puts spaces between Chinese characters; a Chinese title is one run.
    if (mayHan(code) && HAN.test(c) && units.at(-1) === ' ' && HAN.test(units.at(-2) ?? '')) {
      units.pop();
      at.pop();
    }
    let out: string;
    if (QUOTES.has(c)) out = '"';
    else if (HYPHENS.has(c)) out = '-';
    else if (DASHES.has(c)) out = '–';
    else {
      const lower = c.toLowerCase();
      out = lower.length === 1 ? lower : c;
      if (out === 'ё') out = 'е';
    }
    units.push(out);
    at.push(i);
  }
  let text = units.join('');
  at.push(source.length);
  // Mixed-script repair, only where it keeps the length (it always does for the look-alikes).
  text = text.replace(ALNUM, (run) => {
    const folded = fold(run);
    return folded.length === run.length ? folded : run;
  });
  return { source, text, at, tokens: tokenize(text, source, at) };
}

function tokenize(text: string, source: string, at: number[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  ALNUM.lastIndex = 0;
  const runs = [...text.matchAll(ALNUM)];
  let r = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    const space = i > 0 && text[i - 1] === ' ';
    const run = runs[r];
    if (run && run.index === i) {
      const word = run[0];
      const kind: TokenKind = DIGITS.test(word) ? 'num' : LETTERS.test(word) ? 'word' : 'mixed';
      tokens.push({ kind, text: word, start: i, end: i + word.length, space, printed: source.slice(at[i], at[i + word.length - 1]! + 1) });
      i += word.length;
      r++;
      continue;
    }
    const width = c.length === 1 && /[\uD800-\uDBFF]/.test(c) ? 2 : 1;
    const piece = text.slice(i, i + width);
    tokens.push({ kind: HAN.test(piece) ? 'han' : 'punct', text: piece, start: i, end: i + width, space, printed: piece });
    i += width;
  }
  return tokens;
}

/** The page's span for a normalised [start, end), and its surface with white space collapsed. */
export function pageSpan(page: PageText, start: number, end: number): { start: number; end: number; surface: string } {
  const from = page.at[start]!;
  const to = page.at[end - 1]! + 1;
  const surface = page.source
    .slice(from, to)
    .replace(/\s+/gu, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
  return { start: from, end: to, surface };
}

/** Kazakh letters written with their Russian base letter, for comparing abbreviations and small words. */
const KAZAKH_BASE = new Map(Object.entries({ ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' }));
/** Latin letters an uppercase abbreviation shares with Cyrillic (OCR reads УК РК as YK PK). */
const LATIN_AS_CYRILLIC = new Map(Object.entries({ a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у' }));

export function baseLetters(word: string): string {
  let out = '';
  for (const c of word) out += KAZAKH_BASE.get(c) ?? c;
  return out;
}

/** The key of an abbreviation however it was printed: Kazakh letters on their base, Latin look-alikes Cyrillic. */
export function abbreviationKey(word: string): string {
  const lower = baseLetters(word.toLowerCase());
  let out = '';
  for (const c of lower) out += LATIN_AS_CYRILLIC.get(c) ?? c;
  return out;
}

/** Levenshtein distance, given up past `limit` (returns limit + 1). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}

// Narrowed to a kind rather than to Token, so that a false answer leaves a Token a Token.
export const isWord = (token: Token | undefined): token is Token & { kind: 'word' | 'mixed' } =>
  token !== undefined && (token.kind === 'word' || token.kind === 'mixed');
export const isNum = (token: Token | undefined): token is Token & { kind: 'num' } => token !== undefined && token.kind === 'num';
export const isPunct = (token: Token | undefined, chars?: string): token is Token & { kind: 'punct' } =>
  token !== undefined && token.kind === 'punct' && (chars === undefined || chars.includes(token.text));

/**
 * «мигра-\nции», "Art-\nicles": the word tokens[j] begins and a line's end hyphenated, read as one — the
 * head, a hyphen right after it, then the tail after white space (a compound's hyphen, «процедурно-
 * процессуального», has none after it). Null when tokens[j] is no such head.
 */
export function hyphenatedWord(tokens: readonly Token[], j: number): Token | null {
  const head = tokens[j];
  const hyphen = tokens[j + 1];
  const tail = tokens[j + 2];
  if (!isWord(head) || !isPunct(hyphen, '-') || hyphen.space || !isWord(tail) || !tail.space) return null;
  return { ...head, text: head.text + tail.text, end: tail.end };
}
