/**
 * A title's words against a page's words: the same word, another case form of it (compared on stems),
 * or it within an OCR error or two. Shared by the phrase matching (lawTitles) and the test of where a
 * title may begin (lawTitleStarts), which must accept every word the matching would.
 */
import type { Law } from '../types';
import { stem } from '../../text';
import { abbreviationKey, baseLetters, editDistance, type Token } from './lawText';

export interface PhraseWord {
  text: string;
  stem: string;
  kind: 'word' | 'num' | 'abbr';
  optional: boolean;
  stop: boolean;
  /** edits against page words already compared (a page repeats its words; a register is reused) */
  memo: Map<string, number>;
}

/** A title, alias or abbreviation of a register act, as words to match (lawTitles compiles them). */
export interface Phrase {
  law: Law;
  words: PhraseWord[];
  /** names the kind of act itself (кодекс, Convention, УК): needs no quotes or «Закона» around it */
  selfEvident: boolean;
  abbreviation: boolean;
  /** a long title without its first word, as OCR leaves it when it reads two columns into one */
  truncated: boolean;
}

export function isAbbreviation(printed: string): boolean {
  const upper = [...printed].filter((c) => c !== c.toLowerCase()).length;
  return printed.length <= 6 && upper >= 2 && upper * 2 >= printed.length;
}

// eslint-disable-next-line no-restricted-syntax -- a bounded memo of a pure function (word → stem)
const stems = new Map<string, string>();
export const stemOf = (word: string) => {
  let s = stems.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stems.size > 20_000) stems.clear();
    stems.set(word, s);
  }
  return s;
};

/** Cyrillic letters read for the Latin ones they look like: OCR prints "On" as «Оп». */
const LOOKALIKE = new Map(Object.entries({ а: 'a', в: 'b', е: 'e', и: 'u', к: 'k', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't', у: 'y', х: 'x' }));
export const skeleton = (word: string) => [...baseLetters(word)].map((c) => LOOKALIKE.get(c) ?? c).join('');

/** Edits between a phrase word and a page word, or -1 when they are different words. */
export function wordEdits(w: PhraseWord, token: Token): number {
  const t = token.text;
  if (w.kind === 'num') return token.kind === 'num' && t === w.text ? 0 : -1;
  if (token.kind === 'num') return -1;
  if (w.kind === 'abbr') return abbreviationKey(t) === w.text && isAbbreviation(token.printed) ? 0 : -1;
  let edits = w.memo.get(t);
  if (edits === undefined) {
    edits = wordTextEdits(w, t);
    if (w.memo.size > 5000) w.memo.clear();
    w.memo.set(t, edits);
  }
  return edits;
}

// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function keyed by the phrase word's identity: it goes with the word
const bases = new WeakMap<PhraseWord, { text: string; stem: string }>();
function basesOf(w: PhraseWord): { text: string; stem: string } {
  let found = bases.get(w);
  if (!found) bases.set(w, (found = { text: baseLetters(w.text), stem: baseLetters(w.stem) }));
  return found;
}
const baseOf = (w: PhraseWord) => basesOf(w).text;
const stemBaseOf = (w: PhraseWord) => basesOf(w).stem;

export function wordTextEdits(w: PhraseWord, t: string): number {
  if (t === w.text) return 0;
  if (w.text.length <= 3) return skeleton(t) === skeleton(w.text) ? 0 : -1;
  const s = w.stem;
  const ts = stemOf(t);
  if (ts === s) return 0;
  // A stem in one language's rules is a prefix of the other's inflected form (конвенц, конвенцияның).
  if (s.length >= 5 && t.startsWith(s) && t.length - s.length <= 7) return 0;
  if (ts.length >= 5 && w.text.startsWith(ts) && w.text.length - ts.length <= 7) return 0;
  // a stemmer that cut too deep (босқындар → босқ) leaves the whole word to compare
  // (baseLetters keeps the length, so a length apart by more than the edits allowed is no match)
  const apart = Math.abs(w.text.length - t.length);
  if (w.text.length >= 5 && (t[0] === w.text[0] || t[1] === w.text[1]) && apart <= 1 && editDistance(baseOf(w), baseLetters(t), 1) <= 1) return 1;
  const allowance = s.length >= 8 ? 2 : s.length >= 5 ? 1 : 0;
  // OCR errors are a letter or two: a word that differs in both its first letters is another word.
  if (allowance === 0 || t.length < s.length - allowance || (t[0] !== s[0] && t[1] !== s[1])) return -1;
  const base = baseLetters(t);
  let best = apart <= allowance ? editDistance(baseOf(w), base, allowance) : allowance + 1;
  for (let k = s.length - allowance; k <= Math.min(t.length, s.length + allowance); k++) {
    best = Math.min(best, editDistance(stemBaseOf(w), base.slice(0, k), allowance));
  }
  return best <= allowance ? best : -1;
}
