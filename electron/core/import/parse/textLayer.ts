import type { Word } from '../../../../shared/domain/document';

/**
 * A PDF page's own text (pdf.js text items) → page text, word boxes, and the decision whether that text
 * can stand in for OCR. Pure functions: the items are plain data.
 */

export interface TextItemLike {
  str: string;
  /** text-space → PDF user space, [a, b, c, d, e, f] */
  transform: number[];
  /** advance along the baseline, in user-space units */
  width: number;
  /** font size in user-space units */
  height: number;
  hasEOL: boolean;
  fontName: string;
  /** pdf.js: 'rtl' when the item's text was right to left (its `str` is then in reading order) */
  dir?: string;
}

export interface FontMetrics {
  ascent?: number;
  descent?: number;
}

type Matrix = [number, number, number, number, number, number];

/** Arabic presentation forms (FB50–FDFF, FE70–FEFF): the shaped glyphs some producers map text to. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/gu;
/** An item of right-to-left text: Arabic-script letters (Uyghur, Kazakh in Arabic script), marks and punctuation, no other letters or digits. */
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const NOT_RTL = /[^\p{Script=Arabic}\p{M}\p{P}\p{Zs}\s]/u;
/** A gap wider than this share of the font size between two glyph runs of a line is a space. */
const WORD_GAP = 0.2;

/** Presentation forms back to the letters they shape (NFKC of those two blocks only). */
const unshaped = (text: string) => text.replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'));
const isRtlPiece = (item: TextItemLike) => !NOT_RTL.test(item.str) && (ARABIC_LETTER.test(item.str) || item.str.trim() === '');
const isLevel = (item: TextItemLike) => Math.abs(item.transform[1] ?? 0) < 1e-6 && Math.abs(item.transform[2] ?? 0) < 1e-6 && (item.transform[0] ?? 0) > 0;

/**
 * Right-to-left text as it is read. A PDF writes Uyghur or Kazakh in Arabic script as shaped glyphs,
 * often a glyph or two per positioned run (Chromium does), in the order they print: left to right, the
 * reverse of reading. pdf.js then gives one item per run, in that order, with presentation-form letters
 * (ﺟﺎﻧﺎﺭ for جانار), and the page's text and words read backwards: a protected name registered in
 * Arabic script was found in no reading, and stayed in the bundle. Here consecutive right-to-left runs
 * of one line become one item, their pieces taken right to left (each piece pdf.js has already put in
 * reading order), a space where the gap between two is a space's width, and presentation forms go back
 * to the letters they shape.
 */
export function readingOrderItems(items: readonly TextItemLike[]): TextItemLike[] {
  const out: TextItemLike[] = [];
  for (let i = 0; i < items.length; ) {
    const first = items[i]!;
    if (!isLevel(first) || !isRtlPiece(first) || !ARABIC_LETTER.test(first.str)) {
      const str = unshaped(first.str);
      out.push(str === first.str ? first : { ...first, str });
      i++;
      continue;
    }
    const size = first.height || Math.abs(first.transform[3] ?? 0) || 1;
    const run = [first];
    let j = i + 1;
    while (j < items.length && !run.at(-1)!.hasEOL) {
      const next = items[j]!;
      if (!isLevel(next) || !isRtlPiece(next) || Math.abs((next.transform[5] ?? 0) - (first.transform[5] ?? 0)) > size * 0.5) break;
      run.push(next);
      j++;
    }
    // Whitespace pieces at the run's end belong to what follows.
    while (run.length > 1 && run.at(-1)!.str.trim() === '' && !run.at(-1)!.hasEOL) {
      run.pop();
      j--;
    }
    const pieces = run.filter((piece) => piece.str.trim() !== '').sort((a, b) => (b.transform[4] ?? 0) - (a.transform[4] ?? 0));
    let str = '';
    for (const [k, piece] of pieces.entries()) {
      const left = pieces[k - 1];
      if (left && (left.transform[4] ?? 0) - ((piece.transform[4] ?? 0) + piece.width) > size * WORD_GAP) str += ' ';
      str += piece.str.trim();
    }
    const x0 = Math.min(...pieces.map((piece) => piece.transform[4] ?? 0));
    const x1 = Math.max(...pieces.map((piece) => (piece.transform[4] ?? 0) + piece.width));
    const transform = [...first.transform];
    transform[4] = x0;
    out.push({
      ...first,
      str: unshaped(str),
      transform,
      width: x1 - x0,
      height: Math.max(...run.map((piece) => piece.height)),
      hasEOL: run.at(-1)!.hasEOL,
      dir: 'rtl',
    });
    i = j;
  }
  return out;
}

/** Page text as drawn, one line per text line (pdf.js marks line ends with hasEOL), right-to-left runs in reading order. */
export function layerText(items: readonly TextItemLike[]): string {
  return readingOrderItems(items)
    .map((item) => item.str + (item.hasEOL ? '\n' : ''))
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** Share of the page covered by text boxes (0-1): a full letter covers ~20-45 %, a page-number stamp < 1 %. */
export function textAreaFraction(items: readonly TextItemLike[], pageArea: number): number {
  if (pageArea <= 0) return 0;
  let area = 0;
  for (const item of items) if (item.str.trim()) area += Math.abs(item.width * item.height);
  return Math.min(1, area / pageArea);
}

/** At least this many letters or digits: a heading or a stamp alone is not worth skipping OCR for. */
const MIN_LAYER_CHARS = 16;
/** Broken font encodings come out as symbols and private-use glyphs rather than letters. */
const MIN_WORD_CHAR_SHARE = 0.5;
const MAX_BAD_CHAR_SHARE = 0.05;
/** A page mostly covered by images is a scan… */
const SCAN_IMAGE_COVERAGE = 0.5;
/** …whose text layer is its content only when the text spreads over the page (an OCR layer), not a stamp. */
const SCAN_MIN_TEXT_AREA = 0.05;

/**
 * Can the page's text layer replace OCR? It needs enough real characters (letters and digits, not
 * replacement or private-use glyphs from broken fonts). And on a scanned page, where an image covers most
 * of the page, the text must cover the page too: scanner OCR layers do, while a Bates number or "Page 3
 * of 9" stamped onto a scan does not, and taking that stamp as the page's text would hide the scan's
 * words from search.
 */
export function textLayerUsable(text: string, textArea: number, imageCoverage: number): boolean {
  const chars = Array.from(text.replace(/\s+/gu, ''));
  if (chars.length === 0) return false;
  const wordChars = chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
  const badChars = chars.filter((c) => /[\uFFFD\p{Co}\p{Cc}\p{Cn}]/u.test(c)).length;
  if (wordChars < MIN_LAYER_CHARS) return false;
  if (wordChars / chars.length < MIN_WORD_CHAR_SHARE || badChars / chars.length > MAX_BAD_CHAR_SHARE) return false;
  if (imageCoverage >= SCAN_IMAGE_COVERAGE && textArea < SCAN_MIN_TEXT_AREA) return false;
  return true;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Words of one item as code-point ranges. Whitespace separates words; each CJK character is a word of its
 * own (CJK has no spaces, and a search hit inside a line must still get its own box).
 */
function wordRanges(chars: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const c = chars[i];
    const breaks = c === undefined || /\s/u.test(c) || CJK.test(c);
    if (breaks && start !== -1) {
      ranges.push([start, i]);
      start = -1;
    }
    if (c !== undefined && CJK.test(c)) ranges.push([i, i + 1]);
    else if (!breaks && start === -1) start = i;
  }
  return ranges;
}

function multiply(m: Matrix, n: number[]): Matrix {
  const [a, b, c, d, e, f] = n as Matrix;
  return [m[0] * a + m[2] * b, m[1] * a + m[3] * b, m[0] * c + m[2] * d, m[1] * c + m[3] * d, m[0] * e + m[2] * f + m[4], m[1] * e + m[3] * f + m[5]];
}

/**
 * Word boxes in the rendered image's pixels (top-left origin), conf 100 (the PDF says so). pdf.js gives
 * positions per text run, not per glyph, so a word's place inside its run is interpolated by its measured
 * width (`measure`, e.g. canvas measureText) or, failing that, by its share of characters.
 */
export function layerWords(
  items: readonly TextItemLike[],
  fonts: Record<string, FontMetrics>,
  viewportTransform: number[],
  measure?: (text: string) => number,
): Word[] {
  const words: Word[] = [];
  for (const item of readingOrderItems(items)) {
    const chars = Array.from(item.str);
    const ranges = wordRanges(chars);
    if (ranges.length === 0 || item.width === 0) continue;
    const m = multiply(viewportTransform as Matrix, item.transform);
    const along = Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0) || 1;
    const up = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 1;
    const size = item.height || up;
    const ascent = fonts[item.fontName]?.ascent || 0.8;
    const descent = fonts[item.fontName]?.descent || -0.2;
    const total = measure?.(item.str) ?? 0;
    const advance = (i: number): number =>
      total > 0 ? (item.width * (measure?.(chars.slice(0, i).join('')) ?? 0)) / total : (item.width * i) / chars.length;
    // Right-to-left text begins at the item's right end.
    const offset = item.dir === 'rtl' ? (i: number) => item.width - advance(i) : advance;
    for (const [from, to] of ranges) {
      // Corners in text space (units of the transform), then through the page and viewport matrices.
      const x0 = Math.min(offset(from), offset(to)) / along;
      const x1 = Math.max(offset(from), offset(to)) / along;
      const y0 = (descent * size) / up;
      const y1 = (ascent * size) / up;
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]] as const) {
        xs.push(m[0] * x + m[2] * y + m[4]);
        ys.push(m[1] * x + m[3] * y + m[5]);
      }
      words.push({
        text: chars.slice(from, to).join(''),
        bbox: [Math.floor(Math.min(...xs)), Math.floor(Math.min(...ys)), Math.ceil(Math.max(...xs)), Math.ceil(Math.max(...ys))],
        conf: 100,
      });
    }
  }
  return words;
}
