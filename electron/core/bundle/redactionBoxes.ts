/**
 * Where a redaction box goes: around the glyphs of the matched characters, not just the word box a
 * reading gave. An OCR word can hold more than the name (`父亲库拉西木哈买提`, `(Kulash)`), a PDF text
 * layer places words inside a run by estimate, and either can sit a little off the ink. A box cut from
 * such estimates left half of a protected Chinese character visible and clipped the next, unprotected
 * one (issue 11). So the estimate is snapped to the ink on the page image: the glyphs it mostly covers
 * are taken whole, the ones it only grazes are left out, and the margin stops short of them.
 */
import type { PixelBox } from '../../../shared/domain/bundle';
import type { Word } from '../../../shared/domain/document';

type Box = [number, number, number, number];

/** The page image in grey, one byte a pixel, as `sharp(...).greyscale().raw()` gives it. */
export interface InkImage {
  data: Uint8Array;
  width: number;
  height: number;
}

const HAN = /\p{Script=Han}/u;
const MARK = /\p{M}/u;
/** A glyph counts as covered when the estimate spans at least this share of its width. */
const COVERED = 0.5;
/** Paper and ink must differ this much in a line band before the ink is trusted (a blank or washed-out band is not). */
const MIN_CONTRAST = 48;

/**
 * The part of a word's box that characters [start, end) take: by their share of the word's width, Han
 * characters counting double against Latin or Cyrillic letters and combining marks counting nothing
 * (an estimate the ink then corrects).
 */
export function spanBox(word: Word, start: number, end: number): Box {
  const [x0, y0, x1, y1] = word.bbox;
  if (start <= 0 && end >= word.text.length) return [x0, y0, x1, y1];
  const weight = (text: string) => [...text].reduce((sum, c) => sum + (MARK.test(c) ? 0 : HAN.test(c) ? 2 : 1), 0);
  const total = weight(word.text) || 1;
  const from = x0 + ((x1 - x0) * weight(word.text.slice(0, start))) / total;
  const to = x0 + ((x1 - x0) * weight(word.text.slice(0, end))) / total;
  return [Math.floor(from), y0, Math.ceil(to), y1];
}

/** Columns of ink in a band of the page: [x0, x1) runs, left to right. */
function inkRuns(ink: InkImage, band: Box, threshold: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let x = band[0]; x <= band[2]; x++) {
    let dark = false;
    if (x < band[2]) {
      for (let y = band[1]; y < band[3] && !dark; y++) dark = ink.data[y * ink.width + x]! < threshold;
    }
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      // A one-column gap inside a glyph (a thin serif, JPEG noise) does not split it.
      const last = runs.at(-1);
      if (last && start - last[1] <= 1) last[1] = x;
      else runs.push([start, x]);
      start = -1;
    }
  }
  return runs;
}

/** The grey level halfway between the band's ink and its paper, or null when the band has no contrast. */
function inkThreshold(ink: InkImage, band: Box): number | null {
  const counts = new Uint32Array(256);
  let n = 0;
  for (let y = band[1]; y < band[3]; y++) for (let x = band[0]; x < band[2]; x++, n++) counts[ink.data[y * ink.width + x]!]!++;
  if (n === 0) return null;
  const level = (share: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += counts[v]!) >= share * n) return v;
    return 255;
  };
  const dark = level(0.03);
  const paper = level(0.6);
  return paper - dark >= MIN_CONTRAST ? (dark + paper) / 2 : null;
}

const clampBox = (box: Box, ink: { width: number; height: number }): Box => [
  Math.max(0, Math.min(ink.width, Math.floor(box[0]))),
  Math.max(0, Math.min(ink.height, Math.floor(box[1]))),
  Math.max(0, Math.min(ink.width, Math.ceil(box[2]))),
  Math.max(0, Math.min(ink.height, Math.ceil(box[3]))),
];

/** Ink pixels per column of a band. */
function columnInk(ink: InkImage, band: Box, threshold: number): Int32Array {
  const counts = new Int32Array(band[2] - band[0]);
  for (let y = band[1]; y < band[3]; y++) for (let x = band[0]; x < band[2]; x++) if (ink.data[y * ink.width + x]! < threshold) counts[x - band[0]]!++;
  return counts;
}

/**
 * Where Chinese characters meet near column `edge`: they are set on a grid (every character one em wide),
 * so the grid whose lines cross the least ink within a few characters of the edge is found — pitch
 * within the glyph height's range, any phase — and its line nearest the edge is taken. A gap inside one
 * character (加 is 力 and 口) does not repeat an em apart and so is not taken for a gap between two:
 * snapping each run of ink separately left half of such a character visible (issue 11).
 */
function hanBoundary(columns: Int32Array, from: number, edge: number, height: number): number {
  const at = (x: number) => {
    const i = Math.round(x) - from;
    let least = Infinity;
    for (let d = -1; d <= 1; d++) least = Math.min(least, columns[i + d] ?? 0);
    return least;
  };
  let best = { cost: Infinity, line: edge };
  for (let pitch = Math.floor(height * 0.85); pitch <= Math.ceil(height * 1.35); pitch++) {
    for (let phase = 0; phase < pitch; phase++) {
      let cost = 0;
      let lines = 0;
      let nearest = edge;
      const first = Math.ceil((edge - 2.5 * pitch - phase) / pitch);
      for (let k = first; k <= first + 5; k++) {
        const line = phase + k * pitch;
        cost += at(line);
        lines++;
        if (Math.abs(line - edge) < Math.abs(nearest - edge) || nearest === edge) nearest = line;
      }
      if (cost / lines < best.cost) best = { cost: cost / lines, line: nearest };
    }
  }
  return best.line;
}

/**
 * The redaction box for an estimated box of matched glyphs on one line: snapped to the ink when the page
 * image is given, then grown by a margin on every side (anti-aliased edges and descenders must not show
 * past the black) that stops halfway to a neighbouring glyph left out. `han`: the match is Chinese, whose
 * characters are found on their em grid (hanBoundary) rather than glyph by glyph.
 */
export function glyphBox(estimate: Box, ink: InkImage | null, page: { width: number | null; height: number | null }, han = false): PixelBox {
  const height = Math.max(1, estimate[3] - estimate[1]);
  const pad = Math.max(2, Math.round(height * 0.15));
  const size = { width: page.width ?? ink?.width ?? estimate[2] + pad, height: page.height ?? ink?.height ?? estimate[3] + pad };
  let [x0, y0, x1, y1] = estimate;
  let leftLimit = -Infinity;
  let rightLimit = Infinity;
  if (ink && ink.width > 0 && ink.height > 0) {
    const reach = Math.round(height * 0.6);
    const band = clampBox([estimate[0] - reach, estimate[1] - Math.round(height * 0.1), estimate[2] + reach, estimate[3] + Math.round(height * 0.1)], ink);
    const threshold = inkThreshold(ink, band);
    if (threshold !== null && han) {
      const wide = clampBox([estimate[0] - 3 * height, band[1], estimate[2] + 3 * height, band[3]], ink);
      const columns = columnInk(ink, wide, threshold);
      x0 = hanBoundary(columns, wide[0], estimate[0], height);
      x1 = hanBoundary(columns, wide[0], estimate[2], height);
      // The grid lines lie in the gaps between characters: the box reaches them and not beyond.
      leftLimit = x0;
      rightLimit = x1;
      for (let y = band[1]; y < band[3]; y++) {
        for (let x = Math.max(0, x0); x < Math.min(ink.width, x1); x++) {
          if (ink.data[y * ink.width + x]! < threshold) {
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y + 1);
            break;
          }
        }
      }
    } else if (threshold !== null) {
      const runs = inkRuns(ink, band, threshold);
      const overlap = ([a, b]: [number, number]) => Math.max(0, Math.min(b, estimate[2]) - Math.max(a, estimate[0]));
      const taken = runs.filter((run) => overlap(run) >= COVERED * (run[1] - run[0]));
      if (taken.length > 0) {
        x0 = Math.min(...taken.map((run) => run[0]));
        x1 = Math.max(...taken.map((run) => run[1]));
        const before = runs.filter((run) => run[1] <= x0 && !taken.includes(run)).at(-1);
        const after = runs.find((run) => run[0] >= x1 && !taken.includes(run));
        if (before) leftLimit = Math.ceil((before[1] + x0) / 2);
        if (after) rightLimit = Math.floor((after[0] + x1) / 2);
        // Rows: the ink of the taken glyphs within the band, never less than the reading's own line.
        for (let y = band[1]; y < band[3]; y++) {
          for (let x = x0; x < x1; x++) {
            if (ink.data[y * ink.width + x]! < threshold) {
              y0 = Math.min(y0, y);
              y1 = Math.max(y1, y + 1);
              break;
            }
          }
        }
      }
    }
  }
  const box = clampBox([Math.max(leftLimit, x0 - pad), y0 - pad, Math.min(rightLimit, x1 + pad), y1 + pad], size);
  return [box[0], box[1], box[2] - box[0], box[3] - box[1]];
}
