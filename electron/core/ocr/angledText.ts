/**
 * Text at an angle of its own on an upright page: a notice pasted in sideways, an ID card photographed
 * upside down, a slip stuck on at a tilt. Tesseract reads a page one way up (bestReading.ts turns the
 * whole page, never a part of it), so such a picture came back as nothing or as garbage, and a name on it
 * could be neither found nor redacted: a bundle printed it for anyone to read (found by trying: a name
 * in a picture turned 90° or 180°, or tilted 12°, on a typed letter, was in no reading).
 *
 * After the page's reading, the ink its confident words do not account for is grouped into regions.
 * A region whose ink lies in lines (the projection profile across its lines is spiky, as in
 * pageGeometry.ts, searched over every direction) is cut out, turned so that its lines are level, and
 * read both ways up; the better reading is kept if it is confident. A region in level lines was read
 * the right way up already, so only upside down is tried. Regions without lines (a photo, an emblem, a
 * signature) cost the profile only.
 *
 * The words come back with their angle and the upright box around each turned word: redaction covers
 * that box whole (it cannot place letters inside a turned word), search finds them, the viewer lists them.
 */
import type { Worker } from 'tesseract.js';
import type { OcrLanguage, Word } from '../../../shared/domain/document';
import { cropPage, inkMask, normalizedDegrees, rotateBox, rotatePage, spikiness, type GreyImage } from './pageGeometry';
import type { Box, TextLine } from './pageText';
import { readMachineZone, readMixedWords } from './machineZone';
import { readBlock } from './readPage';
import { cancelledFailure } from './workerPool';

// The analysis copy's longer side: about 85 dpi for an A4 page read at 200 dpi.
const ANALYSIS_SIDE = 1000;
// Words at least this confident account for the ink under them.
const EXPLAINED_CONF = 70;
// Ink is grouped on a grid of cells this many analysis pixels wide (about 1 mm), each grown by GROW
// cells: letters of a word, words of a line (a space of 28-pt capitals is 2.5 cells) and lines of a
// paragraph make one region.
const CELL = 4;
const CELL_INK = 2;
const GROW = 2;
// Regions with less ink than this (analysis pixels), or shorter than this share of the page's longer
// side (about 7 mm on A4), are dust, dots and strokes; more than this share of the page is not a
// picture on the page but the page (its orientation is bestReading's).
const MIN_INK = 40;
const MIN_LENGTH_SHARE = 0.025;
const MAX_SHARE = 0.7;
// The largest regions only: a page is rarely more than a few pictures.
const MAX_REGIONS = 6;
// Profile spikiness across the region's lines over across their perpendicular: text has lines, a photo
// or an emblem has none. Measured: names and notices turned on a page 7.8–10.9; what the corpus scans
// leave unexplained, photos of faces 1.3–1.4, stamps and signatures 1.3–2.7 (a skewed letterhead line 5–9,
// read level by the page's reading: LEVEL).
const LINE_RATIO = 3;
// A card's border or a table's rule is ink in a line too, 0.2–1 analysis pixels thick across it; a line of
// text is 4 and more (the corpus scans, the generated pages).
const MIN_THICKNESS = 1.5;
// Level ink is read upside down only in a region at most this share of the page, where the page's
// reading found letters averaging under UPRIGHT_CONF (upside-down text reads as garbage at 30–60).
const UPSIDE_DOWN_SHARE = 0.08;
const UPRIGHT_CONF = 45;
// Lines within this many degrees of level were read the right way up by the page's reading, or are
// upside down: tesseract reads a few degrees of skew as level (a phone photo of a letter at 3°, a card
// at -2.5°: read again at their tilt, the corpus scans' text came back twice).
const LEVEL = 6;
// A reading is kept when its words with letters average this confidence and its words at least this
// confident hold three letters or more, counted in words of three letters or more or in Chinese
// characters (tesseract gives each its own word): a stamp's ring, a photo or a signature read as text
// gives single letters and marks at any confidence, or short words at 60–75 (the corpus scans). A name
// read at an angle averaged 76–92 here (a tilted "Toleubekkyzy" at 68 beside "Zhanar" at 91).
const KEEP_MEAN = 70;
const EVIDENCE_CONF = 80;
const EVIDENCE_LETTERS = 3;
// Ink at least this many times longer than wide runs in a direction (a level word of three letters is
// about 3:1; a blot is 1:1).
const ELONGATED = 2.5;
// A word with at least this share of its box inside a region is a reading of the region's ink.
const IN_REGION = 0.3;
// Block numbers of the lines read here, after the page's and its bands' (readPage.ts).
const ANGLED_BLOCKS = 1_000_000_000;

export interface AngledRegion {
  /** in page pixels, with a margin */
  box: Box;
  /** degrees (clockwise) the region's lines run at, in [-90, 90) */
  angle: number;
  /** grey level of the paper, for the corners a turn uncovers */
  paper: number;
  /** level lines no word of the page's reading stands on: which way up is not known */
  unread?: boolean;
}

/** The direction (degrees, in [-90, 90)) across which the points' profile is spikiest, and by how much. */
export function lineDirection(xs: Float32Array, ys: Float32Array, side: number): { angle: number; ratio: number } {
  const score = (angle: number) => spikiness(ys, xs, angle, side);
  let best = { angle: -90, score: score(-90) };
  for (let a = -87; a < 90; a += 3) {
    const s = score(a);
    if (s > best.score) best = { angle: a, score: s };
  }
  const coarse = best.angle;
  for (let a = coarse - 3; a <= coarse + 3 + 1e-9; a += 0.5) {
    const s = score(a);
    if (s > best.score) best = { angle: a, score: s };
  }
  const angle = ((((best.angle + 90) % 180) + 180) % 180) - 90;
  const across = score(angle >= 0 ? angle - 90 : angle + 90);
  return { angle: Math.round(angle * 10) / 10, ratio: best.score / Math.max(1, across) };
}

/** Sums of the coordinates of a set of points, their squares and products: enough for its axes. */
interface Moments {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

function addPoint(m: Moments, x: number, y: number): void {
  m.n++;
  m.sx += x;
  m.sy += y;
  m.sxx += x * x;
  m.syy += y * y;
  m.sxy += x * y;
}

/** The points' main direction (degrees, in (-90, 90]) and their variance along it and across it. */
function axes({ n, sx, sy, sxx, syy, sxy }: Moments): { angle: number; major: number; minor: number } {
  const cxx = sxx / n - (sx / n) ** 2;
  const cyy = syy / n - (sy / n) ** 2;
  const cxy = sxy / n - (sx / n) * (sy / n);
  const spread = Math.sqrt(((cxx - cyy) / 2) ** 2 + cxy ** 2);
  return { angle: (0.5 * Math.atan2(2 * cxy, cxx - cyy) * 180) / Math.PI, major: (cxx + cyy) / 2 + spread, minor: Math.max(0, (cxx + cyy) / 2 - spread) };
}

const noMoments = (): Moments => ({ n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 });

/** The principal direction (degrees, in (-90, 90]) of the ink inside a box: 0 for a level word. */
function inkAngle(ink: Uint8Array, width: number, left: number, top: number, right: number, bottom: number): number {
  const m = noMoments();
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) if (ink[y * width + x]) addPoint(m, x, y);
  if (m.n < 8) return 0;
  const { angle, major, minor } = axes(m);
  // Only ink drawn out along one direction has one: a short word's blot says nothing.
  return major / Math.max(1e-6, minor) < ELONGATED ** 2 ? 0 : angle;
}

/** How far the points spread across their main direction (analysis pixels): a rule's or a border's ink hardly does. */
function thickness(xs: Float32Array, ys: Float32Array): number {
  const m = noMoments();
  for (let i = 0; i < xs.length; i++) addPoint(m, xs[i]!, ys[i]!);
  return Math.sqrt(axes(m).minor);
}

/** Share of a word's box inside `box`. */
function shareInside([x0, y0, x1, y1]: Word['bbox'], box: Box): number {
  const inside = Math.max(0, Math.min(x1, box.x1) - Math.max(x0, box.x0)) * Math.max(0, Math.min(y1, box.y1) - Math.max(y0, box.y0));
  return inside / Math.max(1, (x1 - x0) * (y1 - y0));
}

const letterCount = (text: string): number => text.match(/\p{L}/gu)?.length ?? 0;

/**
 * Whether level ink may be upside down: reading it so costs a reading of its own, and most level ink the
 * page's words leave is text read poorly the right way up (a fax, a dense scan: reading every such
 * region upside down too made an import of the corpus scans 2.7 times slower). A picture pasted upside
 * down is small, and what the page's reading made of it is garbage: letters under UPRIGHT_CONF.
 */
function mayBeUpsideDown(known: readonly Word[], core: Box, page: GreyImage): boolean {
  if ((core.x1 - core.x0) * (core.y1 - core.y0) > UPSIDE_DOWN_SHARE * page.width * page.height) return false;
  let letters = 0;
  let weighted = 0;
  for (const word of known) {
    if (shareInside(word.bbox, core) < IN_REGION) continue;
    const count = letterCount(word.text);
    letters += count;
    weighted += count * word.conf;
  }
  return letters < EVIDENCE_LETTERS || weighted / letters < UPRIGHT_CONF;
}

/** Regions of ink the confident words do not account for, whose ink lies in lines. */
export async function angledRegions(page: GreyImage, known: readonly Word[]): Promise<AngledRegion[]> {
  const { ink, width, height, scale, paper } = await inkMask(page, ANALYSIS_SIDE);
  const explaining: Array<[number, number, number, number]> = [];
  for (const word of known) {
    if (word.conf < EXPLAINED_CONF) continue;
    const [x0, y0, x1, y1] = word.bbox;
    const pad = (y1 - y0) * 0.25;
    const left = Math.max(0, Math.floor((x0 - pad) * scale));
    const right = Math.min(width, Math.ceil((x1 + pad) * scale));
    const top = Math.max(0, Math.floor((y0 - pad) * scale));
    const bottom = Math.min(height, Math.ceil((y1 + pad) * scale));
    // A confident word whose ink is not level was misread: tesseract read a tilted "anar" level, in
    // Cyrillic look-alikes, at 80 and more. Its ink is left for the regions.
    if ([...word.text].length >= 3 && Math.abs(inkAngle(ink, width, left, top, right, bottom)) >= LEVEL) continue;
    explaining.push([left, top, right, bottom]);
  }
  for (const [left, top, right, bottom] of explaining) for (let y = top; y < bottom; y++) ink.fill(0, y * width + left, y * width + right);

  const cols = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  const counts = new Uint16Array(cols * rows);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (ink[y * width + x]) counts[((y / CELL) | 0) * cols + ((x / CELL) | 0)]! += 1;
  }
  // Occupied cells, grown by one cell, joined into regions (4-connected).
  const grown = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (counts[r * cols + c]! < CELL_INK) continue;
      for (let dr = -GROW; dr <= GROW; dr++) {
        for (let dc = -GROW; dc <= GROW; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) grown[rr * cols + cc] = 1;
        }
      }
    }
  }
  const label = new Int32Array(cols * rows).fill(-1);
  const found: Array<{ id: number; c0: number; r0: number; c1: number; r1: number; ink: number }> = [];
  const stack: number[] = [];
  for (let start = 0; start < grown.length; start++) {
    if (!grown[start] || label[start]! >= 0) continue;
    const region = { id: found.length, c0: cols, r0: rows, c1: 0, r1: 0, ink: 0 };
    label[start] = region.id;
    stack.push(start);
    while (stack.length) {
      const cell = stack.pop()!;
      const r = (cell / cols) | 0;
      const c = cell % cols;
      region.c0 = Math.min(region.c0, c);
      region.c1 = Math.max(region.c1, c + 1);
      region.r0 = Math.min(region.r0, r);
      region.r1 = Math.max(region.r1, r + 1);
      if (counts[cell]! >= CELL_INK) region.ink += counts[cell]!;
      for (const next of [c > 0 ? cell - 1 : -1, c < cols - 1 ? cell + 1 : -1, r > 0 ? cell - cols : -1, r < rows - 1 ? cell + cols : -1]) {
        if (next >= 0 && grown[next] && label[next]! < 0) {
          label[next] = region.id;
          stack.push(next);
        }
      }
    }
    found.push(region);
  }

  const longest = Math.max(width, height);
  const candidates = found
    .filter((region) => {
      const w = (region.c1 - region.c0) * CELL;
      const h = (region.r1 - region.r0) * CELL;
      return region.ink >= MIN_INK && Math.max(w, h) >= MIN_LENGTH_SHARE * longest && !(w > MAX_SHARE * width && h > MAX_SHARE * height);
    })
    .sort((a, b) => b.ink - a.ink)
    .slice(0, MAX_REGIONS);

  const regions: AngledRegion[] = [];
  for (const region of candidates) {
    // The region's own ink, around its centre.
    const x0 = region.c0 * CELL;
    const y0 = region.r0 * CELL;
    const x1 = Math.min(width, region.c1 * CELL);
    const y1 = Math.min(height, region.r1 * CELL);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        if (ink[y * width + x] && label[((y / CELL) | 0) * cols + ((x / CELL) | 0)] === region.id) {
          xs.push(x - cx);
          ys.push(y - cy);
        }
      }
    }
    if (xs.length < MIN_INK) continue;
    const points = { xs: Float32Array.from(xs), ys: Float32Array.from(ys) };
    if (thickness(points.xs, points.ys) < MIN_THICKNESS) continue;
    const direction = lineDirection(points.xs, points.ys, Math.ceil(Math.hypot(x1 - x0, y1 - y0)) + 2);
    if (direction.ratio < LINE_RATIO) continue;
    // Back in page pixels.
    const box = { x0: x0 / scale, y0: y0 / scale, x1: x1 / scale, y1: y1 / scale };
    const level = Math.abs(direction.angle) < LEVEL;
    // Level lines on which the page's reading put no word at all were left out by its layout analysis
    // (a Chinese notice's heading in large type came back as nothing, here and from the native CLI,
    // and read whole once cut out): read either way up.
    // (Not where the page's words reach into it at all: a letterhead read in part at low confidence came back
    // as fragments of the words read already.)
    const unread = level && !known.some((word) => shareInside(word.bbox, box) > 0);
    if (level && !unread && !mayBeUpsideDown(known, box, page)) continue;
    // Words the page's reading made of this ink were misread (a tilted name read level came back as
    // confident garbage, and its ink was taken as accounted for): the region takes them in whole, until
    // no more of them reach into it.
    for (let grew = true; grew; ) {
      grew = false;
      for (const word of known) {
        if (shareInside(word.bbox, box) < IN_REGION) continue;
        const [wx0, wy0, wx1, wy1] = word.bbox;
        if (wx0 < box.x0 || wy0 < box.y0 || wx1 > box.x1 || wy1 > box.y1) {
          Object.assign(box, { x0: Math.min(box.x0, wx0), y0: Math.min(box.y0, wy0), x1: Math.max(box.x1, wx1), y1: Math.max(box.y1, wy1) });
          grew = true;
        }
      }
    }
    // With a margin of a fifth of the region's shorter side: a turned line's ends.
    const margin = Math.max(8, 0.2 * Math.min(box.x1 - box.x0, box.y1 - box.y0));
    regions.push({
      box: {
        x0: Math.max(0, Math.floor(box.x0 - margin)),
        y0: Math.max(0, Math.floor(box.y0 - margin)),
        x1: Math.min(page.width, Math.ceil(box.x1 + margin)),
        y1: Math.min(page.height, Math.ceil(box.y1 + margin)),
      },
      angle: direction.angle,
      paper,
      ...(unread ? { unread } : {}),
    });
  }
  return regions;
}

function keep(lines: readonly TextLine[]): boolean {
  const words = lines.flatMap((line) => line.words).filter((word) => /\p{L}/u.test(word.text));
  if (words.length === 0) return false;
  const mean = words.reduce((sum, word) => sum + word.conf, 0) / words.length;
  let evidence = 0;
  for (const word of words) {
    if (word.conf < EVIDENCE_CONF) continue;
    const han = word.text.match(/\p{Script=Han}/gu)?.length ?? 0;
    const letters = letterCount(word.text);
    evidence += han > 0 ? han : letters >= EVIDENCE_LETTERS ? letters : 0;
  }
  return mean >= KEEP_MEAN && evidence >= EVIDENCE_LETTERS;
}

/** Some word of three letters or more read at 60 or more: text, read in part (worth the languages one by one). */
function hasEvidence(lines: readonly TextLine[]): boolean {
  return lines.some((line) => line.words.some((word) => word.conf >= 60 && letterCount(word.text) >= EVIDENCE_LETTERS));
}

/** Letters read, each weighted by its word's confidence: which way up a region reads better. */
function weight(lines: readonly TextLine[]): number {
  let sum = 0;
  for (const line of lines) for (const word of line.words) sum += letterCount(word.text) * word.conf;
  return sum;
}

// Words of a reading too unsure to keep as text still count where a name is looked for (redaction),
// at any confidence: a tilted capital "ZHANAR TOLEUBEKKYZY" read at 68 as "~TOLEUBEKKYZY" is not text
// to show, but it is the surname, and the box must cover it.

export interface AngledReading {
  /** lines read confidently: the page's text goes on with them */
  lines: TextLine[];
  /** words of readings too unsure for the page's text: among its words only, for redaction */
  unsure: Word[];
}

/**
 * The text at an angle of its own that the page's words (`known`, in `page`'s pixels) leave out, read in
 * `languages` on the worker `workerFor` gives. Word boxes are in `page`'s pixels.
 */
export async function readAngled(
  workerFor: (languages: readonly OcrLanguage[]) => Promise<Worker>,
  languages: readonly OcrLanguage[],
  page: GreyImage,
  dpi: number | undefined,
  known: readonly Word[],
  signal?: AbortSignal,
): Promise<AngledReading> {
  const found: AngledReading = { lines: [], unsure: [] };
  for (const [index, region] of (await angledRegions(page, known)).entries()) {
    const crop = await cropPage(page, region.box);
    const turns = Math.abs(region.angle) < LEVEL ? (region.unread ? [0, 180] : [180]) : [normalizedDegrees(-region.angle), normalizedDegrees(180 - region.angle)];
    const blockOffset = ANGLED_BLOCKS + index * 1_000_000;
    let best: { lines: TextLine[]; score: number; turn: number; turned: GreyImage } | null = null;
    for (const turn of turns) {
      if (signal?.aborted) throw cancelledFailure();
      const turned = await rotatePage(crop, 0, turn, region.paper);
      const read = await readBlock(await workerFor(languages), turned, dpi, blockOffset);
      const score = weight(read);
      if (!best || score > best.score) best = { lines: read, score, turn, turned };
    }
    if (!best || best.score === 0) continue;
    const { turn, turned } = best;
    // Several languages at once read a Latin surname beside a Latin given name in Cyrillic look-alikes
    // at 21 (a tilted "Toleubekkyzy"), where English alone read it right at 14: an unsure region is read
    // in each language alone too, and every reading's words are kept for redaction.
    const readings = [best.lines];
    if (!keep(best.lines) && languages.length > 1 && hasEvidence(best.lines)) {
      for (const language of languages) {
        if (signal?.aborted) throw cancelledFailure();
        const read = await readBlock(await workerFor([language]), turned, dpi, blockOffset);
        readings.push(read);
        if (weight(read) > best.score) best = { ...best, lines: read, score: weight(read) };
      }
    }
    const angle = normalizedDegrees(-turn);
    const placed = (lines: readonly TextLine[]): TextLine[] =>
      lines.map((line) => {
        const words = line.words.map((word) => {
          const [x0, y0, x1, y1] = rotateBox(word.bbox, turned, crop, -turn);
          const bbox = [x0 + region.box.x0, y0 + region.box.y0, x1 + region.box.x0, y1 + region.box.y0] as Word['bbox'];
          return angle === 0 ? { ...word, bbox } : { ...word, bbox, angle };
        });
        return { ...line, words, top: Math.min(...words.map((word) => word.bbox[1])) };
      });
    if (keep(best.lines)) found.lines.push(...placed(best.lines));
    else for (const reading of readings) found.unsure.push(...placed(reading).flatMap((line) => line.words).filter((word) => /\p{L}/u.test(word.text)));
  }
  // A passport's machine-readable zone, read in its own alphabet (machineZone.ts): among the words only.
  // And Latin words the page's languages read as Cyrillic and digits, read in English alone.
  const stop = () => {
    if (signal?.aborted) throw cancelledFailure();
  };
  found.unsure.push(...(await readMachineZone(workerFor, page, dpi, known, stop)), ...(await readMixedWords(workerFor, page, dpi, known, stop)));
  return found;
}
