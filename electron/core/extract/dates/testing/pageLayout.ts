/**
 * A generated page as rows of placed cells, and the two ways the extractor may get it: text alone, with
 * columns kept apart by runs of spaces (a text layer, the corpus's truth text), or as OCR gives it — each
 * word with its box, and the text in tesseract's reading order, which joins a row's cells with one space
 * or, on a two-column form, reads one column's block after the other. OCR's slips (a letter for a digit,
 * a dropped space, a stray mark) go into the cells before either rendering. Test support only.
 */
import type { Word } from '../../../../../shared/domain/document';
import type { PageInput } from '../../types';
import type { Random } from './random';

export interface PlacedCell {
  text: string;
  /** the character column the cell starts at */
  column: number;
}

/** A row of cells; an empty row is a blank line. */
export type LayoutRow = PlacedCell[];

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const width = (text: string) => [...text].reduce((sum, char) => sum + (CJK.test(char) ? 2 : 1), 0);

/** Cells one after another from column 0, at least `gap` columns apart. */
export function row(...texts: string[]): LayoutRow {
  return spaced(4, ...texts);
}

export function spaced(gap: number, ...texts: string[]): LayoutRow {
  let column = 0;
  return texts.map((text) => {
    const cell = { text, column };
    column += width(text) + gap;
    return cell;
  });
}

/** Cells at fixed columns (a table, a two-column form): each is pushed right if the one before runs into it. */
export function columns(positions: readonly number[], ...texts: string[]): LayoutRow {
  let end = 0;
  return texts.map((text, i) => {
    const column = Math.max(positions[i] ?? 0, end === 0 ? 0 : end + 3);
    end = column + width(text);
    return { text, column };
  });
}

/** A text layer: each row's cells padded out to their columns. */
export function renderText(rows: readonly LayoutRow[]): string {
  return rows
    .map((cells) => {
      let line = '';
      for (const cell of cells) {
        const padding = cell.column - width(line);
        line += line === '' && padding <= 0 ? '' : ' '.repeat(Math.max(line === '' ? padding : 2, padding));
        line += cell.text;
      }
      return line;
    })
    .join('\n');
}

const CHAR_WIDTH = 11;
const LINE_PITCH = 34;
const WORD_HEIGHT = 22;
const MARGIN = 120;

/** Words of a cell as tesseract splits them: on spaces, and a CJK run apart from the Latin or digits beside it. */
function cellWords(cell: PlacedCell, rowIndex: number): Word[] {
  const words: Word[] = [];
  let column = cell.column;
  for (const piece of cell.text.split(/( +)/u)) {
    if (piece.trim() === '') {
      column += piece.length;
      continue;
    }
    const x0 = MARGIN + column * CHAR_WIDTH;
    const y0 = MARGIN + rowIndex * LINE_PITCH;
    words.push({ text: piece, bbox: [x0, y0, x0 + width(piece) * CHAR_WIDTH, y0 + WORD_HEIGHT], conf: 90 });
    column += width(piece);
  }
  return words;
}

/**
 * OCR's reading of the page: words with boxes, text in reading order. With `blocks`, cells from
 * `splitColumn` on are read as a second block after the first, as tesseract does with a form's columns.
 */
export function renderOcr(rows: readonly LayoutRow[], options: { blocks: boolean; splitColumn: number }): { text: string; words: Word[] } {
  const placed = rows.map((cells, rowIndex) => cells.map((cell) => ({ cell, words: cellWords(cell, rowIndex) })));
  const lines: string[] = [];
  const words: Word[] = [];
  const read = (pick: (column: number) => boolean) => {
    for (const cells of placed) {
      const chosen = cells.filter(({ cell }) => pick(cell.column));
      if (chosen.length === 0) {
        if (lines.at(-1) !== '') lines.push('');
        continue;
      }
      const lineWords = chosen.flatMap(({ words: w }) => w);
      let line = '';
      for (const word of lineWords) line += line === '' || (CJK.test(line.at(-1)!) && CJK.test(word.text[0]!)) ? word.text : ` ${word.text}`;
      lines.push(line);
      words.push(...lineWords);
    }
  };
  if (options.blocks) {
    read((column) => column < options.splitColumn);
    lines.push('');
    read((column) => column >= options.splitColumn);
  } else {
    read(() => true);
  }
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), words };
}

const LOOKALIKE: Record<string, string[]> = { '0': ['O', 'О', 'o'], '1': ['l', 'I'], '3': ['З'], '6': ['б'] };

/** OCR's slips in one cell: a letter for a digit, a space lost between words, a stray mark at a word's edge. */
export function withNoise(random: Random, text: string, rate: number): string {
  let out = text;
  if (random.chance(rate)) {
    // Never between two numbers: «12 02 2027» without its spaces is no date for anyone.
    const spaces = [...out.matchAll(/ /g)].map((m) => m.index).filter((i) => !(/\d/.test(out[i - 1] ?? '') && /\d/.test(out[i + 1] ?? '')));
    if (spaces.length > 0) {
      const i = random.pick(spaces);
      out = out.slice(0, i) + out.slice(i + 1);
    }
  }
  // A letter for a digit that a word's letters touch («доO1.08.2028») is a word's letter to any reader: not made.
  const digits = [...out.matchAll(/[0136]/g)].map((m) => m.index).filter((i) => !/\p{L}/u.test(out[i - 1] ?? '') && !/\p{L}/u.test(out[i + 1] ?? ''));
  if (random.chance(rate) && digits.length > 0) {
    const i = random.pick(digits);
    out = out.slice(0, i) + random.pick(LOOKALIKE[out[i]!]!) + out.slice(i + 1);
  }
  if (random.chance(rate / 2)) out = random.chance(0.5) ? `${random.pick(['.', ',', "'", '‘', '_'])}${out}` : `${out}${random.pick(['.', ',', ';', "'"])}`;
  // Letters misread inside a date: one half of a two-language month («AKII/FEB», «ФЕВ/EEB»), Kazakh
  // «ж.» as «x.», a Chinese numeral year's 〇 as a letter O.
  if (random.chance(rate)) out = out.replace(/(?<=\d\s?)(\p{Lu}{3})\/(\p{Lu}{3})/u, (whole, a: string, b: string) => (random.chance(0.5) ? `${garbled(a)}/${b}` : `${a}/${garbled(b)}`));
  if (random.chance(rate)) out = out.replace(/(?<=\d{4} )ж\./u, random.pick(['x.', 'х.']));
  if (random.chance(rate)) out = out.replace(/〇/gu, random.pick(['O', 'o', '0', 'О']));
  return out;
}

const MISREAD: Record<string, string> = { Қ: 'K', П: 'II', F: 'E', Ф: 'Ф', Е: 'E', В: 'B', Н: 'H', М: 'M', А: 'A', Я: 'R', Ш: 'III', Р: 'P', С: 'C', Т: 'T', Ы: 'bI', Ь: 'b', Л: 'JI', Д: 'A', Ю: 'IO', И: 'N', Й: 'N', Г: 'r', Ж: 'X', Ә: 'Э', Ү: 'Y', Ұ: 'Y', Ө: 'O' };

/** A month's abbreviation as a model for another script reads it: FEB → EEB, АҚП → AKII, ЯНВ → RHB. */
function garbled(month: string): string {
  const out = [...month].map((letter) => MISREAD[letter] ?? (letter === 'E' ? 'F' : letter === 'O' ? '0' : letter === 'A' ? 'Д' : letter)).join('');
  return out === month ? `${month.slice(0, -1)}I` : out;
}

export function noisy(random: Random, rows: readonly LayoutRow[], rate: number): LayoutRow[] {
  return rows.map((cells) => cells.map((cell) => ({ ...cell, text: withNoise(random, cell.text, rate) })));
}

/** The page as the extractor gets it, in one of the three renderings. */
export function pageOf(rows: readonly LayoutRow[], rendering: 'text' | 'ocr-lines' | 'ocr-blocks', splitColumn = 40): PageInput {
  if (rendering === 'text') return { page: 1, text: renderText(rows) };
  const { text, words } = renderOcr(rows, { blocks: rendering === 'ocr-blocks', splitColumn });
  return { page: 1, text, words };
}
