/**
 * Finding the patterns in a letter stream (redactionStream). Where a word may start and end is known
 * only as break strengths, so every stretch of letters that could be one word is a candidate: one per
 * word in ordinary text, more where breaks are soft (letter spacing, hyphens, touching boxes). A
 * pattern matches a chain of candidates that follow one another letter for letter; a Chinese name
 * matches Han letters in a row, whatever stands between them (OCR reads its middle dot as anything).
 *
 * Two rules keep the search from taking another person for a protected one:
 * - a protected name followed by a patronymic word (Daulet kyzy, Дәулет-қызы, D a u l e t k y z y),
 *   or by a Russian surname suffix across a soft break (D a u l e t o v a), is that other person's
 *   patronymic or surname, not the name — nor is any match of the name ending inside it;
 * - a protected spelling that lies wholly inside a match of a person who is not protected gives way
 *   (her father's name inside her name, see RedactionPattern.person).
 */
import { fold } from '../text';
import { genitiveStems, isDerivationSuffix, isPatronymicWord, LONGEST_ENDING } from './nameForms';
import type { MatchRules, RedactionPattern } from './redactionPattern';
import { PatternWords } from './redactionDictionary';
import { HARD, NONE, SOFT, type LetterStream } from './redactionStream';

type Element = { han: true; char: string } | { han: false; id: number };

interface CompiledPattern {
  source: string;
  person: boolean;
  elements: Element[];
  /** a Chinese name (Han characters only): its characters */
  han: string[] | null;
}

interface Compiled {
  words: PatternWords;
  patterns: CompiledPattern[];
}

/** A match: letters [from, to) of the stream. */
export interface LetterMatch {
  source: string;
  from: number;
  to: number;
}

/** A Chinese name this long may have one character misread by OCR and still be found. */
const HAN_FUZZY_MIN = 5;
/** Letters a candidate may have beyond the longest pattern word: the longest listed ending and one letter of OCR damage. */
const ENDING_ROOM = LONGEST_ENDING + 1;

// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function keyed by the pattern list's identity: it goes with the list
const compiledLists = new WeakMap<readonly RedactionPattern[], Compiled>();

/**
 * The patterns as chains of words and Han characters. A patronymic written apart (Мұхамет қызы) is
 * one word with the name before it, as it is when written together; candidates join it the same way.
 */
function compile(patterns: readonly RedactionPattern[]): Compiled {
  const cached = compiledLists.get(patterns);
  if (cached) return cached;
  const words = new PatternWords();
  const compiled: Compiled = { words, patterns: [] };
  for (const pattern of patterns) {
    const parts: Array<{ han: boolean; fold: string }> = [];
    for (const unit of pattern.units) {
      const last = parts.at(-1);
      if (!unit.han && last && !last.han && isPatronymicWord(unit.fold)) last.fold += unit.fold;
      else parts.push({ han: unit.han, fold: unit.fold });
    }
    if (parts.length === 0) continue;
    const elements: Element[] = parts.map((part) => (part.han ? { han: true, char: part.fold } : { han: false, id: words.add(part.fold) }));
    const han = parts.every((part) => part.han) ? parts.map((part) => part.fold) : null;
    compiled.patterns.push({ source: pattern.source, person: pattern.person === true, elements, han });
  }
  compiledLists.set(patterns, compiled);
  return compiled;
}

/** The stretches of letters that may be one word, by where they start. */
interface Candidates {
  start: number[];
  end: number[];
  text: string[];
  startsAt: Array<number[] | undefined>;
}

const LATIN_LETTER = /[a-z]/;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/;

function candidates(stream: LetterStream, maxLetters: number): Candidates {
  const { size, breakBefore, han } = stream;
  const found: Candidates = { start: [], end: [], text: [], startsAt: new Array(size + 1) };
  const add = (s: number, e: number, text: string) => {
    const c = found.start.length;
    found.start.push(s);
    found.end.push(e);
    found.text.push(text);
    (found.startsAt[s] ??= []).push(c);
  };
  for (let s = 0; s < size; s++) {
    if (han[s] || (s > 0 && breakBefore[s] === NONE && !han[s - 1])) continue;
    for (let e = s + 1; e <= size && e - s <= maxLetters; e++) {
      const last = e === size || han[e] === 1 || breakBefore[e] === HARD;
      if (!last && breakBefore[e] === NONE) continue;
      let text = stream.folded.slice(stream.at[s], stream.at[e]);
      // The stream repaired look-alike letters run by run (repairMixedRuns); where a run could not be
      // repaired whole (it also holds letters with no look-alike), this piece of it may still be.
      if (LATIN_LETTER.test(text) && CYRILLIC_LETTER.test(text)) text = fold(stream.original.slice(stream.originalAt[s], stream.originalAt[e]));
      add(s, e, text);
      if (last) break;
    }
  }
  // A patronymic written apart joins the name before it: Мұхамет қызы is Мұхаметқызы.
  const plain = found.start.length;
  for (let c = 0; c < plain; c++) {
    const e = found.end[c]!;
    if (e >= size || breakBefore[e] !== HARD || han[e]) continue;
    for (const d of found.startsAt[e] ?? []) {
      if (d < plain && isPatronymicWord(found.text[d]!)) add(found.start[c]!, found.end[d]!, found.text[c]! + found.text[d]!);
    }
  }
  // A word cut at a line end without a hyphen (a narrow table cell: Toleubekky / zy) runs on into the
  // next line, over as many lines as it takes: the pieces joined are candidates besides the pieces.
  for (let c = 0; c < found.start.length; c++) {
    const e = found.end[c]!;
    if (e >= size || !stream.lineBefore[e] || han[e]) continue;
    for (const d of found.startsAt[e] ?? []) {
      if (d < plain && found.end[d]! - found.start[c]! <= maxLetters) add(found.start[c]!, found.end[d]!, found.text[c]! + found.text[d]!);
    }
  }
  return found;
}

/** Whether a candidate starting at `pos` makes the name before it another person's patronymic or surname. */
function anotherNameFrom(stream: LetterStream, found: Candidates, pos: number, d: number): boolean {
  const text = found.text[d]!;
  return isPatronymicWord(text) || (stream.breakBefore[pos] === SOFT && isDerivationSuffix(text));
}

/**
 * Where the patronymic or surname built on a name that starts at `from` ends (or -1): Daulet followed
 * by kyzy. No match of that name starting there may end inside it — in evenly spaced letters
 * (D a u l e t k y z y) "Dauletky" is one letter and one ending away from Daulet, and is still her
 * patronymic.
 */
function builtNameEnd(stream: LetterStream, found: Candidates, ids: ReadonlyArray<readonly number[]>, from: number, id: number): number {
  let end = -1;
  for (const c of found.startsAt[from] ?? []) {
    const pos = found.end[c]!;
    if (!ids[c]!.includes(id) || pos >= stream.size || stream.han[pos]) continue;
    for (const d of found.startsAt[pos] ?? []) if (anotherNameFrom(stream, found, pos, d)) end = Math.max(end, found.end[d]!);
  }
  return end;
}

const hanLetter = (stream: LetterStream, i: number) => stream.folded.slice(stream.at[i], stream.at[i + 1]);

function search(stream: LetterStream, found: Candidates, compiled: Compiled, guardNames: boolean): Array<LetterMatch & { person: boolean }> {
  const cut = (c: number) => stream.breakBefore[found.start[c]!] === SOFT || stream.breakBefore[found.end[c]!] === SOFT;
  const ids = found.text.map((text, c) => compiled.words.lookup(text, cut(c)));
  const byId = new Map<number, number[]>();
  ids.forEach((list, c) => {
    for (const id of list) {
      const at = byId.get(id);
      if (at) at.push(c);
      else byId.set(id, [c]);
    }
  });
  let hanAt: Map<string, number[]> | null = null;
  const hanPositions = () => {
    if (hanAt) return hanAt;
    hanAt = new Map();
    for (let i = 0; i < stream.size; i++) {
      if (!stream.han[i]) continue;
      const char = hanLetter(stream, i);
      const at = hanAt.get(char);
      if (at) at.push(i);
      else hanAt.set(char, [i]);
    }
    return hanAt;
  };
  const out: Array<LetterMatch & { person: boolean }> = [];
  const seen = new Set<string>();
  const record = (pattern: CompiledPattern, from: number, to: number) => {
    const id = `${pattern.source}:${from}:${to}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ source: pattern.source, person: pattern.person, from, to });
  };

  const built = new Map<string, number>();
  const insideAnotherName = (id: number, start: number, end: number) => {
    const key = `${id}:${start}`;
    let until = built.get(key);
    if (until === undefined) built.set(key, (until = builtNameEnd(stream, found, ids, start, id)));
    return end <= until;
  };

  /** Whether letters [start, end) are pattern word `id` in the genitive (Жанардың, Zhanardyn, جانارنىڭ). */
  const genitiveOf = (id: number, start: number, end: number) =>
    genitiveStems(stream.folded.slice(stream.at[start], stream.at[end])).some((stem) => compiled.words.lookup(stem, false).includes(id));

  /** Element j of the pattern from letter `pos`; the last word element started at `wordStart`. */
  const extend = (pattern: CompiledPattern, j: number, from: number, pos: number, wordStart: number): void => {
    if (j === pattern.elements.length) {
      const last = pattern.elements.at(-1)!;
      if (guardNames && pattern.person && !last.han && insideAnotherName(last.id, wordStart, pos) && !genitiveOf(last.id, wordStart, pos)) return;
      record(pattern, from, pos);
      return;
    }
    const element = pattern.elements[j]!;
    if (element.han) {
      if (pos < stream.size && stream.han[pos] && hanLetter(stream, pos) === element.char) extend(pattern, j + 1, from, pos + 1, wordStart);
      return;
    }
    for (const c of found.startsAt[pos] ?? []) if (ids[c]!.includes(element.id)) extend(pattern, j + 1, from, found.end[c]!, pos);
  };

  for (const pattern of compiled.patterns) {
    const first = pattern.elements[0]!;
    if (pattern.han) {
      const chars = pattern.han;
      const length = chars.length;
      const misreadsAllowed = length >= HAN_FUZZY_MIN ? 1 : 0;
      for (const from of hanPositions().get(chars[0]!) ?? []) {
        let misreads = 0;
        let k = 1;
        let at = from + 1;
        for (; k < length && at < stream.size; k++, at++) {
          // OCR reads a name's middle dot as a digit or a letter as often as as nothing (加娜尔0托列乌别克):
          // one letter alone between two Han characters is that dot.
          if (!stream.han[at] && stream.han[at - 1] && at + 1 < stream.size && stream.han[at + 1]) at++;
          if (!stream.han[at]) break;
          if (hanLetter(stream, at) === chars[k]) continue;
          // Only another Han character may stand for a misread one, and never the last.
          if (k === length - 1 || ++misreads > misreadsAllowed) break;
        }
        if (k === length) record(pattern, from, at);
      }
    } else if (first.han) {
      for (const from of hanPositions().get(first.char) ?? []) extend(pattern, 1, from, from + 1, from);
    } else {
      for (const c of byId.get(first.id) ?? []) extend(pattern, 1, found.start[c]!, found.end[c]!, found.start[c]!);
    }
  }
  return out;
}

/** Every match of the rules in a stream; overlapping matches of one source are merged into one. */
export function matchStream(stream: LetterStream, rules: MatchRules): LetterMatch[] {
  if (stream.size === 0 || rules.patterns.length === 0) return [];
  const compiled = compile(rules.patterns);
  const claims = rules.claims?.length && compiled.patterns.some((p) => p.person) ? compile(rules.claims) : null;
  const longest = Math.max(compiled.words.longest, claims?.words.longest ?? 0);
  const found = candidates(stream, longest + ENDING_ROOM);
  let matches = search(stream, found, compiled, true);
  if (claims) {
    const claimed = new Uint8Array(stream.size);
    for (const claim of search(stream, found, claims, false)) claimed.fill(1, claim.from, claim.to);
    matches = matches.filter((match) => !match.person || claimed.subarray(match.from, match.to).includes(0));
  }
  matches.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.from - b.from));
  const merged: LetterMatch[] = [];
  for (const { source, from, to } of matches) {
    const last = merged.at(-1);
    if (last && last.source === source && from < last.to) last.to = Math.max(last.to, to);
    else merged.push({ source, from, to });
  }
  return merged.sort((a, b) => a.from - b.from || a.to - b.to || (a.source < b.source ? -1 : 1));
}
