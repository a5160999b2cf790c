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
      for (const char of line.slice(cursor, m.index)) column += CJK.test(char) ? 2 : 1;
      const width = [...m[0]].reduce((sum, char) => sum + (CJK.test(char) ? 2 : 1), 0);
      const tokens = [...m[0].matchAll(/\S+/gu)].map((t) => ({ start: offset + m.index + t.index, end: offset + m.index + t.index + t[0].length, text: t[0] }));
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
    return at ? [{ token: { start: at[0], end: at[1], text: word.text }, box: word.bbox }] : [];
  });
  if (placed.length < words.length * 0.8) return null;
  const heights = placed.map(({ box }) => box[3] - box[1]).sort((a, b) => a - b);
  const lineHeight = Math.max(1, heights[heights.length >> 1]!);
  const centre = (box: readonly number[]) => (box[1]! + box[3]!) / 2;
  const byCentre = [...placed].sort((a, b) => centre(a.box) - centre(b.box));
  const bands: Array<typeof placed> = [];
  for (const word of byCentre) {
    const band = bands.at(-1);
    if (band && Math.abs(centre(word.box) - centre(band[0]!.box)) <= lineHeight * 0.5) band.push(word);
    else bands.push([word]);
  }
  return bands.map((band, row) => {
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

/** How far above a value its label may be: the line before (a label may take two lines), or a table's header. */
const ROWS_ABOVE = 3;
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

function labelOf(rows: Cell[][], cell: Cell, date: { start: number }, dates: ReadonlyArray<{ start: number; end: number }>): FieldLabel | null {
  // A dropped space glues the label to its value («ВЫДАНО:18-12-2012»): the token's part before the date counts.
  const before = cell.tokens.filter((token) => token.start < date.start).map((token) => (token.end <= date.start ? token : { ...token, text: token.text.slice(0, date.start - token.start) }));
  const prefix = joinTokens(before);
  if (/\p{N}/u.test(prefix)) return null;
  if (/\p{L}/u.test(prefix)) {
    if (prefix.length > 80) return null;
    // «Дата 26.02.1997» over «рождения»: the wrapped label is read whole before its first word alone.
    const role = wrappedLabel(rows, cell, prefix) ?? labelOfCell(prefix);
    return role ? { role, how: 'same-cell' } : null;
  }
  const row = rows[cell.row]!;
  const left = row[cell.index - 1];
  const role = left ? labelOfCell(left.text) : null;
  // Not a label on the left (another field's value, «№ 98236618    03.08.2016»): the label may be above.
  return role ? { role, how: 'left' } : labelAbove(rows, cell, dates);
}

/** «Valid 20.01.2023» over «until»: the label's end wrapped under its start. */
function wrappedLabel(rows: Cell[][], cell: Cell, prefix: string): LabelRole | null {
  const below = rows[cell.row + 1]?.find((other) => other.x0 <= cell.x0 + 4 && other.x1 > cell.x0);
  const rest = below?.text.replace(/^[\s,.;:'‘_]+/u, '') ?? '';
  return rest && rest.length <= 60 && !/\p{N}/u.test(rest) ? labelOfCell(`${prefix} ${rest}`) : null;
}

function labelAbove(rows: Cell[][], cell: Cell, dates: ReadonlyArray<{ start: number; end: number }>): FieldLabel | null {
  let fragment = '';
  let table = false;
  for (let r = cell.row - 1; r >= 0 && cell.row - r <= (table ? TABLE_ROWS_ABOVE : ROWS_ABOVE); r--) {
    const above = alignedCell(rows[r]!, rows[cell.row]!, cell);
    if (!above) continue;
    const role = labelOfCell(fragment ? `${above.text} ${fragment}` : above.text) ?? (fragment ? labelOfCell(above.text) : null);
    if (role) return { role, how: 'above' };
    // Over a label's wrapped end stands its start, or nothing of it.
    if (fragment) return null;
    // A table row of values between header and value; a lone date over a lone date is a list of values
    // under a list of labels (OCR reading a card's two columns apart), which cardLabelRoles pairs in order.
    if (holdsDate(above, dates) && rows[r]!.length > 1 && rows[cell.row]!.length > 1) {
      table = true;
      continue;
    }
    if (!table && isLabelFragment(above.text)) {
      fragment = above.text;
      continue;
    }
    return null;
  }
  return null;
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
