/**
 * Finding what must be redacted: every spelling of a protected person, and every redaction term, in a
 * page's words or in a text Dalel prints itself. Matching is deliberately generous — a missed name is a
 * leak, an extra black box is only an extra black box — but not so generous that a client's
 * patronymic (Dauletkyzy) is taken for the protected father's given name (Daulet).
 *
 * Patterns are cut into units: runs of letters and digits (folded as search folds them, with the
 * cross-script key beside), and single Han characters. Pages are not: typography cuts names into
 * pieces that are not words (letter spacing, line-end hyphens, zero-width characters, OCR runs), so
 * a page is read as a stream of letters with break strengths (redactionStream) and searched there
 * (redactionSearch), with case endings from closed lists (nameForms).
 */
import type { Word } from '../../../shared/domain/document';
import { fold, translitKey } from '../text';
import { isPatronymicWord } from './nameForms';
import { sameWord, wordForms } from './redactionDictionary';
import type { MatchRules, RedactionPattern, TextUnit } from './redactionPattern';
import { matchStream, type LetterMatch } from './redactionSearch';
import { textStream, wordStream, type LetterStream } from './redactionStream';

export type { MatchRules, RedactionPattern, TextUnit } from './redactionPattern';

const UNIT = /(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{Nd}\u00AD])+)/gu;
const HAN_NAME_SEPARATORS = /[·・•‧.．\-\s]+/u;

export function textUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  for (const match of text.matchAll(UNIT)) {
    const surface = match[0];
    const start = match.index;
    if (match[1]) {
      units.push({ fold: surface, key: surface, han: true, start, end: start + surface.length });
      continue;
    }
    const folded = fold(surface);
    if (!folded) continue;
    units.push({ fold: folded, key: translitKey(folded), han: false, start, end: start + surface.length });
  }
  return units;
}

/** Whether a unit of the page may be this unit of a spelling (without case endings). */
export function unitMatches(pattern: TextUnit, page: TextUnit): boolean {
  if (pattern.han || page.han) return pattern.han === page.han && pattern.fold === page.fold;
  return sameWord(wordForms(pattern.fold), wordForms(page.fold));
}

/**
 * The units of a spelling. A Chinese name's separators are dropped (OCR reads the middle dot as a full
 * stop, a hyphen or nothing), so its characters are one contiguous run.
 */
export function patternUnits(spelling: string): TextUnit[] {
  const clean = spelling.normalize('NFC').trim();
  if (!clean) return [];
  return textUnits(/\p{Script=Han}/u.test(clean) ? clean.replace(HAN_NAME_SEPARATORS, '') : clean);
}

/**
 * Every spelling of a person: the name, the variants, and each part of a Latin or Cyrillic name alone
 * — a relative's given name alone ("his mother Kulash") names them too, and parts alone also cover any
 * order (Мухаметкызы Куляш). Initials alone are not parts: N. would redact every N. A Chinese
 * transcription (加娜尔·托列乌别克) gives its first part alone too, the person's own given name, which a
 * notice repeats alone after naming her once ("加娜尔于2020年…"); never its second part, usually the
 * father's given name (阿茹将·努尔兰 is Nurlan's daughter), which alone would black out the father
 * wherever he is named. A one-character part is not looked for alone: it is in half the words of a page.
 */
export function personSpellings(person: { name: string; variants: readonly string[] }): string[] {
  const spellings = new Set<string>();
  for (const spelling of [person.name, ...person.variants]) {
    spellings.add(spelling);
    if (/\p{Script=Han}/u.test(spelling)) {
      const [given, ...rest] = spelling.normalize('NFC').trim().split(HAN_NAME_SEPARATORS);
      if (rest.length > 0 && given && /^\p{Script=Han}{2,}$/u.test(given)) spellings.add(given);
      continue;
    }
    // A patronymic written apart (Мұхамет қызы) is one part: қызы alone would name every daughter.
    const ranges: Array<[number, number]> = [];
    for (const unit of textUnits(spelling)) {
      const last = ranges.at(-1);
      if (last && isPatronymicWord(unit.fold)) last[1] = unit.end;
      else ranges.push([unit.start, unit.end]);
    }
    const parts = ranges.map(([start, end]) => spelling.slice(start, end));
    if (parts.length < 2) continue;
    for (const part of parts) if ([...part].length >= 3) spellings.add(part);
  }
  return [...spellings];
}

export function patternsFor(source: string, spellings: readonly string[], person = false): RedactionPattern[] {
  const seen = new Set<string>();
  const patterns: RedactionPattern[] = [];
  for (const spelling of spellings) {
    const units = patternUnits(spelling);
    if (units.length === 0) continue;
    const signature = units.map((unit) => unit.fold).join(' ');
    if (seen.has(signature)) continue;
    seen.add(signature);
    patterns.push(person ? { source, units, person } : { source, units });
  }
  return patterns;
}

export const REDACTED_TEXT = '[redacted]';

/** Where a match lies in one word: [start, end) UTF-16 offsets in the word's text. */
export interface WordSpan {
  word: number;
  start: number;
  end: number;
}

/** One match on a page: every word it touches, with the offsets of the matched characters in each. */
export interface SpanMatch {
  source: string;
  spans: WordSpan[];
}

/**
 * The words and offsets a match covers. A match that runs on into the next word takes the hyphen at
 * the line end with it, and the letterless words it crosses (a middle dot OCR read as a word) whole:
 * the black box over a name is one piece on its line.
 */
function spansOf(stream: LetterStream, texts: readonly string[], match: LetterMatch): WordSpan[] {
  const spans: WordSpan[] = [];
  const cover = (word: number, start: number, end: number) => {
    const last = spans.at(-1);
    if (last?.word === word) {
      last.start = Math.min(last.start, start);
      last.end = Math.max(last.end, end);
    } else spans.push({ word, start, end });
  };
  for (let i = match.from; i < match.to; i++) {
    const word = stream.word[i]!;
    cover(word, stream.start[i]!, stream.end[i]!);
    const next = i + 1 < match.to ? stream.word[i + 1]! : word;
    if (next === word) continue;
    cover(word, stream.start[i]!, stream.reach[i]!);
    for (let between = word + 1; between < next; between++) if (texts[between]) cover(between, 0, texts[between]!.length);
  }
  return spans;
}

/**
 * Every match on a page, with the characters it covers in each word it touches: the planner draws a
 * box around just these glyphs where a word also holds other text (父亲库拉西木哈买提, "(Kulash)").
 * Overlapping matches of one source are one match.
 */
export function findSpansInWords(words: readonly Word[], rules: MatchRules): SpanMatch[] {
  if (words.length === 0 || rules.patterns.length === 0) return [];
  const stream = wordStream(words);
  const texts = words.map((word) => word.text);
  return matchStream(stream, rules).map((match) => ({ source: match.source, spans: spansOf(stream, texts, match) }));
}

/** The words a pattern covers on a page, per match: word index ranges [first, last] (findSpansInWords' matches). */
export function findInWords(words: readonly Word[], rules: MatchRules): Array<{ source: string; first: number; last: number }> {
  return findSpansInWords(words, rules).map(({ source, spans }) => ({ source, first: spans[0]!.word, last: spans.at(-1)!.word }));
}

/**
 * Every match in a plain text (a title, a file name, the text a PDF viewer extracts from a page):
 * [start, end) UTF-16 offsets. Letter spacing written with spaces and hyphens at line ends are read
 * as on a page.
 */
export function findInText(text: string, rules: MatchRules): Array<{ source: string; start: number; end: number }> {
  if (!text || rules.patterns.length === 0) return [];
  const stream = textStream(text);
  return matchStream(stream, rules).map((match) => ({ source: match.source, start: stream.start[match.from]!, end: stream.end[match.to - 1]! }));
}

/** A text Dalel prints (a title, a description, a file name) with every match replaced by "[redacted]". */
export function scrubText(text: string, rules: MatchRules): string {
  const ranges = findInText(text, rules).sort((a, b) => a.start - b.start);
  if (ranges.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const { start, end } of ranges) {
    if (end <= cursor) continue;
    out += text.slice(cursor, Math.max(cursor, start));
    if (start >= cursor) out += REDACTED_TEXT;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** Where a pattern meets a run of units: [first, last] unit indices, inclusive. */
export interface UnitMatch {
  source: string;
  first: number;
  last: number;
}

/**
 * Matches in units already cut from a text (kept for callers that hold units; findInText reads the
 * text itself and sees hyphens that units have lost). The units are laid out again with the width of
 * the gaps between them, so letter spacing still reads as letter spacing.
 */
export function findMatches(units: readonly TextUnit[], rules: MatchRules): UnitMatch[] {
  let text = '';
  const at: number[] = [];
  units.forEach((unit, i) => {
    const previous = units[i - 1];
    if (previous) text += previous.han && unit.han && previous.end === unit.start ? '' : ' '.repeat(Math.max(1, unit.start - previous.end));
    at.push(text.length);
    text += unit.fold;
  });
  const unitAt = (offset: number) => {
    let i = 0;
    while (i + 1 < at.length && at[i + 1]! <= offset) i++;
    return i;
  };
  return findInText(text, rules).map((match) => ({ source: match.source, first: unitAt(match.start), last: unitAt(match.end - 1) }));
}

