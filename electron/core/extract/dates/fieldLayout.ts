/**
 * Labels and values paired through the page's layout, as forms, cards and passports print them: the
 * label before the value in its cell, in the cell to its left on the same row, or above it (on the
 * line before, in a column header several table rows up, with a label's last word wrapped onto a line
 * of its own).
 *
 * The layout comes from the page's words when it has them (OCR and text-layer pages store each word's
 * box): rows are words whose vertical centres line up, cells are runs of words split by a gap wider than
 * the line is high. Tesseract writes a form's two columns as separate blocks, one after the other, so
 * the text alone would put «Valid until» far from «20.01.2023»; the boxes keep them side by side.
 * Without words (tests, text given by hand), rows are the text's lines and cells are split by runs of
 * two or more spaces or a tab, with a CJK character counted two columns wide.
 */
import { wordOffsets } from '../../../../shared/domain/document';
import type { PageInput } from '../types';
import type { LabelRole } from './dateVocabulary';
import { isLabelFragment, labelOfCell } from './dateLabels';

interface Token {
  start: number;
  end: number;
  text: string;
  /** where it stands across the row: the word's box, or display columns when rows come from the text */
  x0: number;
  x1: number;
}

export interface Cell {
  /** rank of the cell's row from the top of the page */
  row: number;
  /** position in its row, left to right */
  index: number;
  x0: number;
  x1: number;
  tokens: Token[];
  text: string;
}

export interface FieldLabel {
  role: LabelRole;
  /** where the label was: before the value in its cell, in the cell to its left, above it */
  how: 'same-cell' | 'left' | 'above';
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

const joinTokens = (tokens: readonly Token[]) =>
  tokens.reduce((out, token) => (!out ? token.text : CJK.test(out.at(-1)!) || CJK.test(token.text[0] ?? '') ? out + token.text : `${out} ${token.text}`), '');

/** Display width: CJK characters print two columns wide. */
const displayWidth = (text: string) => [...text].reduce((sum, char) => sum + (CJK.test(char) ? 2 : 1), 0);

/** The page as rows of cells, top to bottom, each row's cells left to right. */
export function cellRows(page: PageInput): Cell[][] {
  return (page.words && page.words.length > 0 ? rowsFromWords(page) : null) ?? rowsFromText(page.text);
}

function rowsFromText(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const cells: Cell[] = [];
    let column = 0;
    let cursor = 0;
    for (const m of line.matchAll(/[^\s]+(?:[ ](?=\S)[^\s]+)*/gu)) {
      // Display width up to here: CJK characters print two columns wide.
      column += displayWidth(line.slice(cursor, m.index));
      const width = displayWidth(m[0]);
      const tokens = [...m[0].matchAll(/\S+/gu)].map((t) => {
        const x0 = column + displayWidth(m[0].slice(0, t.index));
        return { start: offset + m.index + t.index, end: offset + m.index + t.index + t[0].length, text: t[0], x0, x1: x0 + displayWidth(t[0]) };
      });
      cells.push({ row: rows.length, index: cells.length, x0: column, x1: column + width, tokens, text: m[0] });
      column += width;
      cursor = m.index + m[0].length;
    }
    if (cells.length > 0) rows.push(cells);
    offset += line.length + 1;
  }
  return rows;
}

/** Rows and cells from the words' boxes; null when the words cannot be found in the text in order. */
function rowsFromWords(page: PageInput): Cell[][] | null {
  const words = page.words!;
  const offsets = wordOffsets(page.text, words);
  const placed = words.flatMap((word, i) => {
    const at = offsets[i];
    return at ? [{ token: { start: at[0], end: at[1], text: word.text, x0: word.bbox[0], x1: word.bbox[2] }, box: word.bbox }] : [];
  });
  if (placed.length < words.length * 0.8) return null;
  const heights = placed.map(({ box }) => box[3] - box[1]).sort((a, b) => a - b);
  const lineHeight = Math.max(1, heights[heights.length >> 1]!);
  const centre = (box: readonly number[]) => (box[1]! + box[3]!) / 2;
  const byCentre = [...placed].sort((a, b) => centre(a.box) - centre(b.box));
  // A word joins the row its box shares most of its height with: a taller word («AKII/FEB», a slash
  // reaching below the line) stands off the first word's centre but not off the row.
  const bands: Array<{ words: typeof placed; top: number; bottom: number }> = [];
  for (const word of byCentre) {
    const band = bands.at(-1);
    const [, top, , bottom] = word.box;
    const shared = band ? Math.min(band.bottom, bottom) - Math.max(band.top, top) : 0;
    if (band && (Math.abs(centre(word.box) - (band.top + band.bottom) / 2) <= lineHeight * 0.5 || shared >= Math.min(bottom - top, band.bottom - band.top) * 0.6)) {
      band.words.push(word);
    } else bands.push({ words: [word], top, bottom });
  }
  return bands.map(({ words: band }, row) => {
    const sorted = band.sort((a, b) => a.box[0] - b.box[0]);
    const cells: Cell[] = [];
    let previousEnd = -Infinity;
    for (const { token, box } of sorted) {
      // A gap wider than one and a half line heights is a column's edge, not a space between words.
      const cell = cells.at(-1);
      if (cell && box[0] - previousEnd <= lineHeight * 1.5) {
        cell.tokens.push(token);
        cell.x1 = Math.max(cell.x1, box[2]);
      } else {
        cells.push({ row, index: cells.length, x0: box[0], x1: box[2], tokens: [token], text: '' });
      }
      previousEnd = Math.max(previousEnd, box[2]);
    }
    for (const cell of cells) cell.text = joinTokens(cell.tokens);
    return cells;
  });
}

/**
 * How far above a value its label may be: the line before, a label wrapped over several lines (a long
 * Kazakh label in a passport's narrow column takes four or five), or a table's header.
 */
const ROWS_ABOVE = 5;
const TABLE_ROWS_ABOVE = 8;

/** The label of each date (given by its page-text span), where the layout shows one. */
export function fieldLabels(page: PageInput, dates: ReadonlyArray<{ start: number; end: number }>): Array<FieldLabel | null> {
  const rows = cellRows(page);
  const cells = rows.flat();
  return dates.map((date) => {
    const cell = cells.find((candidate) => candidate.tokens.some((token) => token.start <= date.start && date.start < token.end));
    return cell ? labelOf(rows, cell, date, dates) : null;
  });
}

function labelOf(rows: Cell[][], cell: Cell, date: { start: number; end: number }, dates: ReadonlyArray<{ start: number; end: number }>): FieldLabel | null {
  // A dropped space glues the label to its value («ВЫДАНО:18-12-2012»): the token's part before the date counts.
  const before = cell.tokens.filter((token) => token.start < date.start).map((token) => (token.end <= date.start ? token : { ...token, text: token.text.slice(0, date.start - token.start) }));
  const prefix = joinTokens(before);
  if (/\p{N}/u.test(prefix)) return null;
  if (/\p{L}/u.test(prefix)) {
    if (prefix.length > 80) return null;
    // «Дата 26.02.1997» over «рождения»: the wrapped label is read whole before its first word alone.
    const role = wrappedLabel(rows, cell, prefix) ?? labelOfCell(prefix);
    if (role) return { role, how: 'same-cell' };
    // a value run into the one before it: only a field's own label above counts, not the generic «Дата»
    const glued = splitOff(rows, cell, date);
    const label = glued && labelAbove(glued.rows, glued.cell, dates);
    return label && label.role !== 'document_date' ? label : null;
  }
  const row = rows[cell.row]!;
  const left = row[cell.index - 1];
  const role = left ? labelOfCell(left.text) : null;
  if (role) return { role, how: 'left' };
  // Not a label on the left (another field's value, «№ 98236618    03.08.2016»): the label may be above,
  // over the date's own words when a value beside it ran into its cell.
  const own = splitOff(rows, cell, date);
  return own ? labelAbove(own.rows, own.cell, dates) : labelAbove(rows, cell, dates);
}

/**
 * The date's words as a cell of their own, the cell's other words as cells beside it: two narrow columns
 * a space apart read as one cell («ІІМ / МВД РК 23.01.2031» under «КЕМ ВЫДАН  Годен до», «22 Nov 2022
 * №4350788» under «DOB:  DOCUMENT NO.»). Null when the date is the whole cell.
 */
function splitOff(rows: Cell[][], cell: Cell, date: { start: number; end: number }): { rows: Cell[][]; cell: Cell } | null {
  const own = cell.tokens.filter((token) => token.end > date.start && token.start < date.end);
  const before = cell.tokens.filter((token) => token.end <= date.start);
  const after = cell.tokens.filter((token) => token.start >= date.end);
  if (own.length === 0 || own.length === cell.tokens.length) return null;
  const part = (tokens: Token[], index: number): Cell => ({ ...cell, index, tokens, text: joinTokens(tokens), x0: Math.min(...tokens.map((t) => t.x0)), x1: Math.max(...tokens.map((t) => t.x1)) });
  const row = rows[cell.row]!;
  const parts = [before, own, after].filter((tokens) => tokens.length > 0);
  const split = [...row.slice(0, cell.index), ...parts.map((tokens, i) => part(tokens, cell.index + i)), ...row.slice(cell.index + 1).map((other) => ({ ...other, index: other.index + parts.length - 1 }))];
  return { rows: rows.map((other, i) => (i === cell.row ? split : other)), cell: split[cell.index + parts.indexOf(own)]! };
}

/** «Valid 20.01.2023» over «until»: the label's end wrapped under its start. */
function wrappedLabel(rows: Cell[][], cell: Cell, prefix: string): LabelRole | null {
  const below = rows[cell.row + 1]?.find((other) => other.x0 <= cell.x0 + 4 && other.x1 > cell.x0);
  const rest = below?.text.replace(/^[\s,.;:'‘_]+/u, '') ?? '';
  return rest && rest.length <= 60 && !/\p{N}/u.test(rest) ? labelOfCell(`${prefix} ${rest}`) : null;
}

function labelAbove(rows: Cell[][], cell: Cell, dates: ReadonlyArray<{ start: number; end: number }>): FieldLabel | null {
  // The lines of a label over the value, nearest first: one, or a label wrapped over several.
  const lines: string[] = [];
  let table = false;
  const column = { from: -Infinity, to: Infinity };
  for (let r = cell.row - 1; r >= 0 && cell.row - r <= (table ? TABLE_ROWS_ABOVE : ROWS_ABOVE); r--) {
    narrowColumn(column, rows[r + 1]!, cell);
    const aligned = alignedCell(rows[r]!, rows[cell.row]!, cell);
    const above = aligned && within(aligned, column);
    if (!above) continue;
    if (lines.length === 0) {
      // A table row of values between header and value; a lone date over a lone date is a list of values
      // under a list of labels (OCR reading a card's two columns apart), which cardLabelRoles pairs in order.
      const header = table ? labelOfCell(above.text) : null;
      if (header) return { role: header, how: 'above' };
      if (holdsDate(above, dates) && rows[r]!.length > 1 && rows[cell.row]!.length > 1) {
        table = true;
        continue;
      }
      if (table) return null;
    }
    // a label's line: a label, a wrapped label's part, or the start that makes the lines under it one
    // («BEPIJITEH КУН! / DATE OF» over «ISSUE»: the first part garbled by OCR)
    const fragment = isLabelFragment(above.text);
    if (!fragment && !labelOfCell([above.text, ...[...lines].reverse()].join(' '))) break;
    lines.push(above.text);
    if (!fragment) break; // the label's start
  }
  return wrappedRole(lines);
}

/**
 * The role of a label given as its lines, nearest the value first: the nearest line alone, or with the
 * lines over it. «Дата» alone («күні», «date:») is the document's date only when no longer reading of the
 * label names a field more exactly («Жарамдылық мерзімі / аяқталатын / күні:» over a validity end).
 */
function wrappedRole(lines: readonly string[]): FieldLabel | null {
  let generic: FieldLabel | null = null;
  for (let count = 1; count <= lines.length; count++) {
    const label = lines.slice(0, count).reverse().join(' ');
    const role = labelOfCell(label);
    if (!role) continue;
    // Wrapped, the label's end stands over the value and is a label's own end: a name over a date
    // («АСҚАРҰЛЫ / АСКАРУЛЫ /») is no part of the label above it.
    if (count > 1 && labelOfCell(label.split(/[/|\\]/u).map((part) => part.trim()).filter(Boolean).at(-1) ?? '') !== role) continue;
    if (role !== 'document_date') return { role, how: 'above' };
    generic ??= { role, how: 'above' };
  }
  return generic;
}

/**
 * The value's column, narrowed by the cells beside it on its row and on the rows between it and a label:
 * what stands left of it or right of it is another field's. Two labels printed close together read as
 * one cell («Date of issue  Date of expiry» over two values), and each value takes only its own.
 */
function narrowColumn(column: { from: number; to: number }, row: Cell[], cell: Cell): void {
  for (const other of row) {
    if (other === cell) continue;
    if (other.x1 <= cell.x0) column.from = Math.max(column.from, other.x1);
    else if (other.x0 >= cell.x1) column.to = Math.min(column.to, other.x0);
  }
}

/** The part of a cell above whose words stand in the value's column (the whole cell when all do). */
function within(cell: Cell, column: { from: number; to: number }): Cell | null {
  const inside = cell.tokens.filter((token) => token.x0 >= column.from && token.x0 < column.to);
  if (inside.length === cell.tokens.length) return cell;
  return inside.length === 0 ? null : { ...cell, tokens: inside, text: joinTokens(inside) };
}

/**
 * The cell of `row` standing over `cell`: the same column when both rows have as many cells, else the
 * one overlapping it most; a lone cell over a lone cell whatever their indents.
 */
function alignedCell(row: Cell[], own: Cell[], cell: Cell): Cell | null {
  if (row.length === own.length) return row[cell.index]!;
  let best: Cell | null = null;
  let overlap = 0;
  for (const candidate of row) {
    const shared = Math.min(candidate.x1, cell.x1) - Math.max(candidate.x0, cell.x0);
    if (shared > overlap) {
      best = candidate;
      overlap = shared;
    }
  }
  return best;
}

function holdsDate(cell: Cell, dates: ReadonlyArray<{ start: number; end: number }>): boolean {
  return cell.tokens.some((token) => dates.some((date) => token.start < date.end && date.start < token.end));
}
