/**
 * A line the page's layout analysis broke apart and lost letters of. Tesseract's automatic layout (PSM 3)
 * may cut a short line into blocks of its own and drop what stands between them: a Chinese summons's
 * «叶尔兰·赛里克：» (the person summoned) came back as «叶尔» and «'赛里克:», from Dalel and from the native
 * CLI alike, while the same line read as one uniform block (PSM 6, or as a line, PSM 7) was whole. A name
 * missing a character is a name redaction cannot find, and the leak check, reading the page the same
 * way, cannot find it either.
 *
 * So the words of the page are put in rows (words side by side, whatever block tesseract gave them), and
 * where two neighbours in a row have ink between them that no word accounts for, or a letter's width of
 * ink was read as a mark («|»), the row is read again as one line. The new reading replaces the row's words when it keeps every word read before, in order, and
 * adds letters; otherwise the page's reading stands (an emblem between letterhead columns reads as marks,
 * and the columns keep their order).
 */
import type { Worker } from 'tesseract.js';
import type { Word } from '../../../shared/domain/document';
import { cropPage, type GreyImage } from './pageGeometry';
import { parseTsv, type TextLine } from './pageText';

// A gap between two words at least this many row heights wide may hold a lost letter (a space between
// words is about a third of one; a Chinese character about one).
const MIN_GAP = 0.7;
// Wider than this, it is a gutter between columns or a signature's place, not a letter or two lost from a line.
const MAX_GAP = 3;
// Grey levels below this are ink.
const INK_LEVEL = 110;
// Ink in the gap: at least this share of its columns (a letter, not a speck), over this share of the
// row's height (a letter, not a rule or an underline).
const INK_COLUMNS = 0.2;
const INK_HEIGHT = 0.4;
// At most this many rows are read again on a page: a page full of such rows is a table, read as the
// layout read it.
const MAX_ROWS = 8;
const ROW_BLOCKS = 2_000_000_000;
// A word of marks only, at least this many row heights wide, stands where a letter was misread.
const MARK_WIDTH = 0.4;
// What OCR writes for a letter it cannot read: strokes, quotes, brackets (not a symbol of its own such as №).
const MARKS_ONLY = /^[|!¦[\](){}‘’'"“”„`´~_\-—–=:;,.*/\\]+$/u;

interface Row {
  words: Array<{ word: Word; line: TextLine }>;
  top: number;
  bottom: number;
}

/** Words in rows: a word joins the row whose vertical extent holds its middle. */
function rowsOf(lines: readonly TextLine[]): Row[] {
  const all = lines.flatMap((line) => line.words.filter((word) => word.angle === undefined).map((word) => ({ word, line })));
  all.sort((a, b) => a.word.bbox[1] + a.word.bbox[3] - (b.word.bbox[1] + b.word.bbox[3]));
  const rows: Row[] = [];
  for (const entry of all) {
    const [, y0, , y1] = entry.word.bbox;
    const middle = (y0 + y1) / 2;
    const row = rows.find((candidate) => middle >= candidate.top && middle <= candidate.bottom);
    if (row) {
      row.words.push(entry);
      row.top = Math.min(row.top, y0);
      row.bottom = Math.max(row.bottom, y1);
    } else rows.push({ words: [entry], top: y0, bottom: y1 });
  }
  for (const row of rows) row.words.sort((a, b) => a.word.bbox[0] - b.word.bbox[0]);
  return rows;
}

/** Words in rows, left to right (level words only). */
export function wordRows(words: readonly Word[]): Word[][] {
  return rowsOf([{ words: [...words], top: 0, block: 0 }]).map((row) => row.words.map(({ word }) => word));
}

/** Whether the page's pixels between x0 and x1 across the row hold a letter's ink. */
function inkBetween(page: GreyImage, x0: number, x1: number, top: number, bottom: number): boolean {
  const height = bottom - top;
  let columns = 0;
  // the ink's extent over the row's height, over the whole gap
  let highest = Infinity;
  let lowest = -1;
  for (let x = Math.max(0, Math.floor(x0)); x < Math.min(page.width, Math.ceil(x1)); x++) {
    let first = -1;
    let last = -1;
    for (let y = Math.max(0, top); y < Math.min(page.height, bottom); y++) {
      if (page.data[y * page.width + x]! < INK_LEVEL) {
        if (first < 0) first = y;
        last = y;
      }
    }
    if (first < 0) continue;
    if (last - first + 1 >= INK_HEIGHT * height * 0.5) columns++;
    highest = Math.min(highest, first);
    lowest = Math.max(lowest, last);
  }
  return columns >= INK_COLUMNS * (x1 - x0) && lowest - highest + 1 >= INK_HEIGHT * height;
}

/** Rows with unexplained ink between two of their words, or a letter read as a mark. */
export function brokenRows(page: GreyImage, lines: readonly TextLine[]): Row[] {
  const broken: Row[] = [];
  for (const row of rowsOf(lines)) {
    const height = row.bottom - row.top;
    if (height <= 0 || row.words.length < 2) continue;
    // a letter read as a mark: «|» for «兰» between two words of letters
    const misread = row.words.some(({ word }, i) => i > 0 && i < row.words.length - 1 && MARKS_ONLY.test(word.text) && word.bbox[2] - word.bbox[0] >= MARK_WIDTH * height);
    if (misread) {
      broken.push(row);
      continue;
    }
    for (let i = 1; i < row.words.length; i++) {
      const left = row.words[i - 1]!.word.bbox;
      const right = row.words[i]!.word.bbox;
      const gap = right[0] - left[2];
      if (gap < MIN_GAP * height || gap > MAX_GAP * height) continue;
      const margin = Math.max(1, Math.round(height * 0.08));
      if (inkBetween(page, left[2] + margin, right[0] - margin, row.top, row.bottom)) {
        broken.push(row);
        break;
      }
    }
  }
  return broken.length > MAX_ROWS ? [] : broken;
}

const squeeze = (text: string) => text.normalize('NFC').replace(/[\s.,:;'"‘’`|·・]/gu, '');
const letters = (text: string) => text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

/** Whether `reread` holds every one of `before`'s words, in order, and more letters. */
function keepsAndAdds(before: readonly Word[], reread: readonly Word[]): boolean {
  const text = squeeze(reread.map((word) => word.text).join(''));
  let cursor = 0;
  for (const word of before) {
    const piece = squeeze(word.text);
    if (!piece) continue;
    const at = text.indexOf(piece, cursor);
    if (at < 0) return false;
    cursor = at + piece.length;
  }
  return letters(text) > letters(before.map((word) => word.text).join(''));
}

/**
 * The page's lines with each broken row read again as a line (PSM 7) where that keeps its words and adds
 * letters: the row's words leave their lines, and the row's reading stands where its first word stood.
 */
export async function mendBrokenRows(
  worker: Worker,
  page: GreyImage,
  lines: TextLine[],
  params: Record<string, string>,
  recognizeTsv: (worker: Worker, page: GreyImage, params: Record<string, string>) => Promise<string | null>,
  shouldStop: () => void,
): Promise<TextLine[]> {
  let result = lines;
  for (const [index, row] of brokenRows(page, lines).entries()) {
    shouldStop();
    const height = row.bottom - row.top;
    const box = {
      x0: Math.max(0, Math.floor(Math.min(...row.words.map(({ word }) => word.bbox[0])) - height)),
      y0: Math.max(0, Math.floor(row.top - height * 0.3)),
      x1: Math.min(page.width, Math.ceil(Math.max(...row.words.map(({ word }) => word.bbox[2])) + height)),
      y1: Math.min(page.height, Math.ceil(row.bottom + height * 0.3)),
    };
    const cut = await cropPage(page, box);
    const read = parseTsv(await recognizeTsv(worker, cut, { ...params, tessedit_pageseg_mode: '7' }), ROW_BLOCKS + index * 1000).lines;
    const words = read.flatMap((line) => line.words).map((word): Word => {
      const [x0, y0, x1, y1] = word.bbox;
      return { ...word, bbox: [x0 + box.x0, y0 + box.y0, x1 + box.x0, y1 + box.y0] };
    });
    const before = row.words.map(({ word }) => word);
    if (words.length === 0 || !keepsAndAdds(before, words)) continue;
    const gone = new Set(before);
    const first = result.findIndex((line) => line.words.some((word) => gone.has(word)));
    const mended: TextLine = { words, top: Math.min(...words.map((word) => word.bbox[1])), block: ROW_BLOCKS + index * 1000 };
    const rest = result.map((line) => ({ ...line, words: line.words.filter((word) => !gone.has(word)) }));
    result = [...rest.slice(0, first), mended, ...rest.slice(first)].filter((line) => line.words.length > 0);
  }
  return result;
}
