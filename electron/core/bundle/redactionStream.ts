/**
 * A page's words as one stream of letters, with the strength of the break before each letter. Names
 * survive typography that cuts them into pieces: letter spacing (each letter its own word), a
 * hyphen at a line end, a soft hyphen or a zero-width character inside, OCR words that split a
 * name with touching boxes. Matching cannot trust the page's words, so it looks at letters and asks
 * of each break only whether a word may continue across it.
 *
 * - NONE: letters written together in one word; a name cannot start or end here.
 * - SOFT: may be inside a word or between two: letter spacing, a hyphen (at a line end or inside a
 *   word), a soft hyphen, a zero-width character, touching boxes on one line, a digit after a letter
 *   (OCR's 1 for l), a capital after a small letter (a text layer that lost its spaces), Han to Han.
 * - HARD: a real word boundary (space, punctuation, a new line without a hyphen). A new line with
 *   nothing else there is also marked in `lineBefore`: a word a narrow table cell wraps without a
 *   hyphen is looked for across it as well as in its pieces (redactionSearch, candidates).
 */
import type { Word } from '../../../shared/domain/document';
import { fold } from '../text';
import { HARD, lettersOf, NONE, SOFT, type Edge, type TextLetters } from './redactionLetters';

export { HARD, NONE, SOFT };

export interface LetterStream {
  size: number;
  /** the folded letters, one after the other; letter i is folded.slice(at[i], at[i + 1]) */
  folded: string;
  at: number[];
  /** the letters as written (case and script kept), so that a word mixing look-alike scripts can be repaired */
  original: string;
  originalAt: number[];
  /** where each letter is: its word, and [start, end) UTF-16 offsets in that word's text */
  word: number[];
  start: number[];
  end: number[];
  /** where a match that runs on into a later word ends in this letter's word: past a line-end hyphen */
  reach: number[];
  /** the break before each letter; breakBefore[size] is HARD */
  breakBefore: Uint8Array;
  /** 1 where the (hard) break before a letter is a line end and nothing else: a word may wrap there without a hyphen */
  lineBefore: Uint8Array;
  han: Uint8Array;
}

/**
 * OCR boxes of two runs of one word touch or overlap; a real space is wider (about a third of the
 * box height in body text). Not tuned on a corpus: a judgment with room on the safe side, since a
 * gap wrongly read as touching only adds candidates (at worst an extra box), never loses a match.
 */
const TOUCHING = 0.15;
/**
 * In a letter-spaced run, a gap this much wider (of the box height) than the letter gap is a word
 * gap: a space is about a quarter to a third of the height, added to the letter spacing. A judgment
 * again; a word gap missed leaves the run SOFT, which finds more, not less.
 */
const WORD_GAP_EXTRA = 0.15;
/** A gap wider than this (of the box height) never joins letters, however wide the letter spacing (columns, tabs). */
const MAX_LETTER_GAP = 1.5;

const height = (word: Word) => word.bbox[3] - word.bbox[1];
const gapBetween = (a: Word, b: Word) => b.bbox[0] - a.bbox[2];

/** Two words on one line: either's middle lies within the other's height (single letters differ in height). */
function sameLine(a: Word, b: Word): boolean {
  const middleB = (b.bbox[1] + b.bbox[3]) / 2;
  const middleA = (a.bbox[1] + a.bbox[3]) / 2;
  return (middleB >= a.bbox[1] && middleB <= a.bbox[3]) || (middleA >= b.bbox[1] && middleA <= b.bbox[3]);
}

/**
 * Breaks between neighbouring one- or two-letter words on a line (letter spacing as OCR reads it):
 * keyed by the first word's index. The letter gap is the run's lower-quartile gap; a gap clearly
 * wider is between words. A run whose gaps are all alike is SOFT throughout (prefer an extra box to a
 * missed name).
 */
function spacedRunBreaks(words: readonly Word[], letters: readonly TextLetters[]): Map<number, number> {
  const breaks = new Map<number, number>();
  const short = (i: number) => {
    const l = letters[i]!;
    const n = l.folds.length;
    return n >= 1 && n <= 2 && (l.lead === 'none' || l.lead === 'glue') && (l.trail === 'none' || l.trail === 'glue') && !l.breaks.slice(1).includes(HARD);
  };
  for (let first = 0; first < words.length; ) {
    let last = first;
    if (short(first)) {
      while (last + 1 < words.length && short(last + 1) && sameLine(words[last]!, words[last + 1]!) && words[last + 1]!.bbox[0] >= words[last]!.bbox[0]) last++;
    }
    if (last - first >= 2) {
      const gaps: number[] = [];
      let h = 0;
      for (let i = first; i < last; i++) gaps.push(gapBetween(words[i]!, words[i + 1]!));
      for (let i = first; i <= last; i++) h = Math.max(h, height(words[i]!));
      const letterGap = Math.max(0, [...gaps].sort((a, b) => a - b)[Math.floor((gaps.length - 1) / 4)]!);
      const wordGap = letterGap + Math.max(WORD_GAP_EXTRA * h, 0.5 * letterGap);
      gaps.forEach((gap, k) => breaks.set(first + k, gap > wordGap || gap > MAX_LETTER_GAP * h ? HARD : SOFT));
    }
    first = last + 1;
  }
  return breaks;
}

/** The break between the last letter of words[a] and the first of words[b], with only letterless words between. */
/** What stands between the last letter of words[a] and the first of words[b]: their edges and the letterless words between. */
function edgesBetween(letters: readonly TextLetters[], a: number, b: number): Edge[] {
  const edges: Edge[] = [letters[a]!.trail, letters[b]!.lead];
  for (let i = a + 1; i < b; i++) edges.push(letters[i]!.lead);
  return edges;
}

function breakBetweenWords(words: readonly Word[], letters: readonly TextLetters[], runs: Map<number, number>, a: number, b: number): number {
  const edges = edgesBetween(letters, a, b);
  if (edges.includes('other')) return HARD;
  const wa = words[a]!;
  const wb = words[b]!;
  const h = Math.max(height(wa), height(wb));
  // Without geometry (empty boxes) no break can be read as soft.
  if (!(h > 0)) return HARD;
  const line = sameLine(wa, wb);
  let touching = line;
  for (let i = a; i < b && touching; i++) touching = gapBetween(words[i]!, words[i + 1]!) <= TOUCHING * h;
  if (edges.includes('hyphen')) return !line || touching ? SOFT : HARD;
  if (!line) return HARD;
  if (touching) return SOFT;
  return b === a + 1 ? (runs.get(a) ?? HARD) : HARD;
}

/**
 * Whether words[b] starts the line after words[a], with nothing but letterless glue between: a word
 * cut there without a hyphen (a narrow table cell, text set to break anywhere) runs on across it.
 */
function wrapsBetween(words: readonly Word[], letters: readonly TextLetters[], a: number, b: number): boolean {
  if (edgesBetween(letters, a, b).some((edge) => edge !== 'none' && edge !== 'glue')) return false;
  const wa = words[a]!;
  const wb = words[b]!;
  if (!(height(wa) > 0 && height(wb) > 0) || sameLine(wa, wb)) return false;
  return (wb.bbox[1] + wb.bbox[3]) / 2 > wa.bbox[3];
}

function emptyStream(): LetterStream {
  return {
    size: 0,
    folded: '',
    at: [0],
    original: '',
    originalAt: [0],
    word: [],
    start: [],
    end: [],
    reach: [],
    breakBefore: new Uint8Array([HARD]),
    lineBefore: new Uint8Array(1),
    han: new Uint8Array(0),
  };
}

/** The letters of a page's words, in the words' order, with the breaks inside words and between them. */
export function wordStream(words: readonly Word[]): LetterStream {
  const letters = words.map((word) => lettersOf(word.text));
  const runs = spacedRunBreaks(words, letters);
  const size = letters.reduce((sum, l) => sum + l.folds.length, 0);
  if (size === 0) return emptyStream();
  const stream: LetterStream = { ...emptyStream(), size, at: [], originalAt: [], breakBefore: new Uint8Array(size + 1), lineBefore: new Uint8Array(size + 1), han: new Uint8Array(size) };
  const folded: string[] = [];
  const original: string[] = [];
  let foldedLength = 0;
  let originalLength = 0;
  let previousWord = -1;
  let i = 0;
  letters.forEach((l, w) => {
    const n = l.folds.length;
    if (n === 0) return;
    for (let k = 0; k < n; k++, i++) {
      stream.breakBefore[i] = k > 0 ? l.breaks[k]! : previousWord < 0 ? HARD : breakBetweenWords(words, letters, runs, previousWord, w);
      const wraps = k > 0 ? l.newLines[k]! : previousWord >= 0 && wrapsBetween(words, letters, previousWord, w);
      stream.lineBefore[i] = wraps && stream.breakBefore[i] === HARD ? 1 : 0;
      stream.han[i] = l.han[k] ? 1 : 0;
      stream.at.push(foldedLength);
      stream.originalAt.push(originalLength);
      folded.push(l.folds[k]!);
      original.push(l.originals[k]!);
      foldedLength += l.folds[k]!.length;
      originalLength += l.originals[k]!.length;
      stream.word.push(w);
      stream.start.push(l.starts[k]!);
      stream.end.push(l.ends[k]!);
      stream.reach.push(k === n - 1 ? l.reach : l.ends[k]!);
    }
    previousWord = w;
  });
  stream.at.push(foldedLength);
  stream.originalAt.push(originalLength);
  stream.breakBefore[size] = HARD;
  repairMixedRuns(stream, folded, original);
  stream.folded = folded.join('');
  stream.original = original.join('');
  return stream;
}

const LATIN_LETTER = /[a-z]/;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/;

/**
 * Look-alike letters of the other script (Kulаsh with a Cyrillic а, Даулетова with a Latin B for В)
 * are put back as fold puts them back in a word: by the majority script of the letters. Here the
 * word is every run of letters without a hard break, since its pieces (Даулет | оВа after a
 * zero-width space) are too short to tell their script alone.
 */
function repairMixedRuns(stream: LetterStream, folded: string[], original: readonly string[]): void {
  for (let first = 0; first < stream.size; ) {
    let last = first;
    if (!stream.han[first]) while (last + 1 < stream.size && stream.breakBefore[last + 1] !== HARD && !stream.han[last + 1]) last++;
    const letters = folded.slice(first, last + 1);
    const run = letters.join('');
    if (LATIN_LETTER.test(run) && CYRILLIC_LETTER.test(run)) {
      const repaired = fold(original.slice(first, last + 1).join(''));
      // Only when the repair kept every letter's length, so that each letter keeps its place.
      if (repaired.length === run.length) {
        let at = 0;
        letters.forEach((letter, k) => {
          folded[first + k] = repaired.slice(at, at + letter.length);
          at += letter.length;
        });
      }
    }
    first = last + 1;
  }
}

/** The letters of one text Dalel prints (a title, a file name): word 0 of the stream. */
export function textStream(text: string): LetterStream {
  return wordStream([{ text, bbox: [0, 0, 0, 0], conf: 100 }]);
}
