/**
 * Pages for the matcher's tests: words laid out on lines with boxes as OCR gives them, and a seeded
 * generator that plants a name under random typography — letter spacing (even, or with a wider gap
 * between names), a line-end hyphen of any kind inside a word, a word split into touching runs,
 * zero-width characters, look-alike letters of the other script, random case, NFD — and records
 * which characters of which words are the name's. Test code only; nothing in the app imports it.
 */
import type { Word } from '../../../shared/domain/document';


export const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** Latin and Cyrillic letters that look alike, both ways, case by case. */
const PAIRS = 'aа cс eе oо pр xх yу AА BВ CС EЕ HН KК MМ OО PР TТ XХ YУ'.split(' ');
export const HOMOGLYPHS = new Map(PAIRS.flatMap(([latin, cyrillic]) => [[latin!, cyrillic!], [cyrillic!, latin!]]));

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const HYPHENS = ['-', '\u2010', '\u2011', '\u2012', '\u00AD'];
const HAN_DOTS = ['·', '・', '•', '‧', '.', '－', '-', ''];
const HAN_CONTEXT = ['其母', '父亲', '仍在', '新疆'];
/** Characters a match that runs on into the next word takes with it (a line-end hyphen, invisible ones). */
const RUNS_ON = /[\p{Cf}\u00AD\-\u2010\u2011\u2012\uFE63\uFF0D]/u;

/** Planted characters per word index: [start, end) UTF-16 offsets. */
export type Planted = Map<number, [number, number]>;

/** A piece of a planted word: a letter (grapheme) or a zero-width character. */
interface Piece {
  text: string;
  letter: boolean;
}

const HEIGHT = 24;
const CHAR = 12;
const WORD_GAP = 12;
const LINE = 40;
const WIDTH = 1400;

export class Layout {
  private readonly list: Word[] = [];
  /** per word, the [start, end) of name letters in it */
  private readonly letters = new Map<number, [number, number]>();
  private x = 10;
  private y = 10;
  private lineStart = true;
  private nextGap = WORD_GAP;

  /** Space-separated words; a "\n" token starts a new line. */
  words(text: string): this {
    for (const token of text.split(/ +/)) {
      if (token === '\n') this.newline();
      else if (token) this.put(token);
    }
    return this;
  }

  /** A word written with each letter its own word, `gap` pixels apart. */
  spaced(word: string, gap: number): this {
    graphemes(word).forEach((letter, i) => {
      if (i > 0) this.gap(gap);
      this.put(letter);
    });
    return this;
  }

  /** The gap before the next word. */
  gap(px: number): this {
    this.nextGap = px;
    return this;
  }

  newline(): this {
    this.y += LINE;
    this.lineStart = true;
    return this;
  }

  filler(text: string, rng: () => number): void {
    if (this.x > WIDTH || rng() < 0.08) this.newline();
    this.put(text);
  }

  done(): Word[] {
    return this.list;
  }

  /** Plants a name under random typography; returns the characters a match must cover. */
  plant(name: string, rng: () => number): Planted {
    const first = this.list.length;
    if (this.x > WIDTH - 40 * CHAR) this.newline();
    if (/\p{Script=Han}/u.test(name)) this.plantHan(name, rng);
    else this.plantWords(name, rng);
    return this.expected(first);
  }

  private plantWords(name: string, rng: () => number): void {
    const mode = pick(rng, ['word', 'spaced', 'hyphen', 'touching'] as const);
    const letterGap = 2 + Math.floor(rng() * 9);
    const nameGap = rng() < 0.4 ? letterGap : letterGap + 8 + Math.floor(rng() * 8);
    const words = name.split(' ');
    const hyphenated = mode === 'hyphen' ? pick(rng, words.filter((w) => w.length >= 4)) : null;
    words.forEach((word, w) => {
      const pieces = damage(word, rng, mode !== 'spaced');
      if (w > 0) {
        if (mode === 'spaced') this.gap(nameGap);
        else if (rng() < 0.2) this.newline();
      }
      if (mode === 'spaced') {
        pieces.forEach((piece, i) => {
          if (i > 0) this.gap(letterGap);
          this.putPieces([piece]);
        });
      } else if ((mode === 'hyphen' && word === hyphenated) || mode === 'touching') {
        const cut = pick(rng, cuts(pieces));
        this.putPieces(pieces.slice(0, cut), mode === 'hyphen' ? pick(rng, HYPHENS) : '');
        if (mode === 'hyphen') this.newline();
        else this.gap(Math.floor(rng() * 3) - 1);
        this.putPieces(pieces.slice(cut));
      } else this.putPieces(pieces);
    });
  }

  private plantHan(name: string, rng: () => number): void {
    const dot = pick(rng, HAN_DOTS);
    const chars: Piece[] = [...name].map((c) => (c === '·' ? { text: dot, letter: false } : { text: c, letter: true })).filter((p) => p.text);
    const mode = pick(rng, ['word', 'split', 'spaced'] as const);
    if (mode === 'word') {
      const before = rng() < 0.5 ? pick(rng, HAN_CONTEXT) : '';
      const after = rng() < 0.5 ? pick(rng, HAN_CONTEXT) : '';
      this.putPieces([{ text: before, letter: false }, ...chars, { text: after, letter: false }]);
    } else if (mode === 'spaced') {
      chars.forEach((piece) => this.putPieces([piece]));
    } else {
      const cut = 1 + Math.floor(rng() * (chars.length - 1));
      this.putPieces(chars.slice(0, cut));
      this.putPieces(chars.slice(cut));
    }
  }

  private put(text: string): number {
    const x0 = this.lineStart ? 10 : this.x + this.nextGap;
    // A lone small letter's box is x-height high, as OCR gives it.
    const small = [...text].length === 1 && /^[aceimnorsuvwxzаеимнопрстуцчшыьэюяәқңөұүһі]$/.test(text);
    this.list.push({ text, bbox: [x0, this.y + (small ? 8 : 0), x0 + CHAR * Math.max(1, [...text].length), this.y + HEIGHT], conf: 90 });
    this.x = x0 + CHAR * Math.max(1, [...text].length);
    this.lineStart = false;
    this.nextGap = WORD_GAP;
    return this.list.length - 1;
  }

  private putPieces(pieces: readonly Piece[], trailer = ''): void {
    let text = '';
    let first = -1;
    let last = -1;
    for (const piece of pieces) {
      if (piece.letter) {
        if (first < 0) first = text.length;
        last = text.length + piece.text.length;
      }
      text += piece.text;
    }
    const index = this.put(text + trailer);
    if (first >= 0) this.letters.set(index, [first, last]);
  }

  /**
   * What a match must cover: the name's letters in each word; past them the hyphen or invisible
   * characters at the end of a word the name runs on from; and letterless words in between whole.
   */
  private expected(first: number): Planted {
    const planted: Planted = new Map();
    const indices = [...this.letters.keys()].filter((i) => i >= first).sort((a, b) => a - b);
    indices.forEach((index, k) => {
      const [start, last] = this.letters.get(index)!;
      let end = last;
      const text = this.list[index]!.text;
      if (k < indices.length - 1) while (end < text.length && RUNS_ON.test(text[end]!)) end++;
      planted.set(index, [start, end]);
      for (let between = index + 1; k < indices.length - 1 && between < indices[k + 1]!; between++) planted.set(between, [0, this.list[between]!.text.length]);
    });
    return new Map([...planted].sort(([a], [b]) => a - b));
  }
}

function graphemes(text: string): string[] {
  return text.match(/\P{M}\p{M}*/gu) ?? [];
}

/** Positions between two letters where a word may be cut (at least one letter on each side). */
function cuts(pieces: readonly Piece[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < pieces.length; i++) if (pieces[i - 1]!.letter && pieces[i]!.letter) out.push(i);
  return out;
}

/** Random case, look-alike letters (at most a third, so the word's own script stays the larger), NFD, zero-width characters. */
function damage(word: string, rng: () => number, invisible: boolean): Piece[] {
  const style = pick(rng, ['lower', 'upper', 'title', 'random', 'as-is'] as const);
  let letters = graphemes(word).map((g, i) => {
    if (style === 'lower') return g.toLowerCase();
    if (style === 'upper') return g.toUpperCase();
    if (style === 'title') return i === 0 ? g.toUpperCase() : g.toLowerCase();
    if (style === 'random') return rng() < 0.5 ? g.toUpperCase() : g.toLowerCase();
    return g;
  });
  if (rng() < 0.4) {
    const swappable = letters.map((g, i) => (HOMOGLYPHS.has(g) ? i : -1)).filter((i) => i >= 0);
    const swaps = Math.min(swappable.length, Math.floor(rng() * (1 + Math.floor(letters.length / 3))));
    for (let k = 0; k < swaps; k++) {
      const i = swappable.splice(Math.floor(rng() * swappable.length), 1)[0]!;
      letters[i] = HOMOGLYPHS.get(letters[i]!)!;
    }
  }
  if (rng() < 0.4) letters = letters.map((g) => g.normalize('NFD'));
  const pieces: Piece[] = letters.map((text) => ({ text, letter: true }));
  if (invisible && rng() < 0.35) {
    for (let k = 1 + Math.floor(rng() * 2); k > 0; k--) {
      const at = 1 + Math.floor(rng() * (pieces.length - 1));
      pieces.splice(at, 0, { text: pick(rng, ZERO_WIDTH), letter: false });
    }
  }
  return pieces;
}
