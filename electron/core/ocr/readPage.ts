/**
 * One reading of an upright page on a tesseract.js worker.
 *
 * Page segmentation: automatic layout (PSM 3) keeps two-column letterheads in reading order, but its
 * layout analysis sets regions it takes for pictures aside, and a rubber stamp or signature over text
 * lines takes the lines with it (a court decision page lost 2 of its 4 lines, CER 97%). So every band
 * of the page that holds a picture region is read again as one uniform block (PSM 6, which does not
 * look for pictures), and where that finds clearly more text, it replaces what the layout read there.
 *
 * A band runs the page's width and its pictures' height, so a tall narrow picture (a card's frame, a
 * table's column rule, a signature column) made its band a second reading of much of the page: bands
 * took 5.3 of the 37.2 CPU seconds that reading the 30 upright corpus scans took, and few of them found
 * lost text. A picture smaller than half its band is now read on its own first, and the band only if
 * that finds clearly more text than the layout read inside the picture: 3.9 s, and the text of every
 * one of the 30 pages is what it was (issue 13, item 6). A stamp's own lettering still calls for its
 * band; that is the case the bands are for.
 */
import type { Worker } from 'tesseract.js';
import { cancelledFailure } from './workerPool';
import { cropPage, type GreyImage } from './pageGeometry';
import type { PageScript } from './pageScript';
import { pageTextOf, parseTsv, type Box, type PageText, type TextLine } from './pageText';
import { mendBrokenRows } from './splitRows';

// Picture regions lower than this share of the page are dust, punch holes or a lone signature stroke.
const MIN_BAND_SHARE = 0.01;
// Re-read a little above and below the region, so the lines it cuts through are read whole.
const BAND_MARGIN_SHARE = 0.01;
// Characters in words read with at least this confidence; a stamp's ring and a table's rules read as
// strings of low-confidence letters that must not outweigh real text.
const CONFIDENT_WORD = 60;
// The band's re-reading must find this many times the confident text the automatic layout found there,
// plus a few characters, before it replaces it (court decision page: about 150 against 5; an emblem
// between letterhead columns or a ruled table: about the same text both ways).
const LOST_TEXT_FACTOR = 1.5;
const LOST_TEXT_MIN = 10;
const BAND_BLOCKS = 1_000_000;
// A band whose height the layout's own lines already cover this much is not re-read (an emblem between
// letterhead columns, a ruled table): re-reading it costs time and finds nothing new.
const COVERED_SHARE = 0.5;
// Pictures smaller than this share of their band are read on their own before it (see above).
const SMALL_SHARE = 0.5;

/**
 * Tesseract gets the page as binary PGM: leptonica decodes it with a copy, where decoding a PNG of an
 * A4 page at 300 dpi took 0.7 s of the wasm worker's time.
 */
export function pgm(page: GreyImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${page.width} ${page.height}\n255\n`, 'latin1'), page.data]);
}

async function recognizeTsv(worker: Worker, page: GreyImage, params: Record<string, string>): Promise<string | null> {
  const { data } = await worker.recognize(pgm(page), { ...params, ...QUIET }, { tsv: true, text: false });
  return data.tsv;
}

/**
 * Tesseract's messages (a line too small to read, «Line cannot be recognized!!») go to a file of the
 * worker's own, not to the terminal of someone running `dalel`; recognition is the same.
 */
export const QUIET: Record<string, string> = { debug_file: '/dev/null' };

/** An image read as one uniform block of text (PSM 6): its lines, boxes in the image's pixels. */
export async function readBlock(worker: Worker, image: GreyImage, dpi: number | undefined, blockOffset = 0): Promise<TextLine[]> {
  const params: Record<string, string> = { tessedit_pageseg_mode: '6', tessedit_do_invert: '0' };
  if (dpi) params.user_defined_dpi = String(dpi);
  return parseTsv(await recognizeTsv(worker, image, params), blockOffset).lines;
}

/** Picture regions tall enough to have taken text lines with them, with a margin all round. */
function picturesOf(regions: readonly Box[], width: number, height: number): Box[] {
  const margin = Math.round(height * BAND_MARGIN_SHARE);
  return regions
    .filter((region) => region.y1 - region.y0 >= height * MIN_BAND_SHARE)
    .map((region) => ({ x0: Math.max(0, region.x0 - margin), y0: Math.max(0, region.y0 - margin), x1: Math.min(width, region.x1 + margin), y1: Math.min(height, region.y1 + margin) }));
}

/** Pictures widened to full-width bands, overlapping ones merged; each band with the pictures in it. */
function bandsOf(pictures: readonly Box[], width: number): Array<Box & { pictures: Box[] }> {
  const merged: Array<Box & { pictures: Box[] }> = [];
  for (const picture of [...pictures].sort((a, b) => a.y0 - b.y0)) {
    const last = merged.at(-1);
    if (last && picture.y0 <= last.y1) {
      last.y1 = Math.max(last.y1, picture.y1);
      last.pictures.push(picture);
    } else {
      merged.push({ x0: 0, y0: picture.y0, x1: width, y1: picture.y1, pictures: [picture] });
    }
  }
  return merged;
}

/** Share of the band's height covered by the lines read inside it. */
function coveredShare(lines: readonly TextLine[], band: Box): number {
  const spans = lines
    .map((line) => [Math.min(...line.words.map((w) => w.bbox[1])), Math.max(...line.words.map((w) => w.bbox[3]))] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = band.y0;
  for (const [top, bottom] of spans) {
    const from = Math.max(top, reach);
    const to = Math.min(bottom, band.y1);
    if (to > from) covered += to - from;
    reach = Math.max(reach, to);
  }
  return covered / Math.max(1, band.y1 - band.y0);
}

function confidentChars(lines: readonly TextLine[], inside?: Box): number {
  let count = 0;
  for (const line of lines) {
    for (const word of line.words) {
      if (word.conf < CONFIDENT_WORD) continue;
      if (inside) {
        const [x0, y0, x1, y1] = word.bbox;
        const x = (x0 + x1) / 2;
        const y = (y0 + y1) / 2;
        if (x < inside.x0 || x > inside.x1 || y < inside.y0 || y > inside.y1) continue;
      }
      count += word.text.length;
    }
  }
  return count;
}

/** Whether a reading of an area finds clearly more confident text than the layout read there. */
function findsLostText(reread: readonly TextLine[], layout: number): boolean {
  return confidentChars(reread) > LOST_TEXT_FACTOR * layout + LOST_TEXT_MIN;
}

const centreY = (line: TextLine): number =>
  line.words.reduce((sum, word) => sum + (word.bbox[1] + word.bbox[3]) / 2, 0) / line.words.length;

/** An area (a band, a picture) cut out and read as an image of its own (tesseract.js's `rectangle` read garbage there). */
async function readBand(worker: Worker, page: GreyImage, band: Box, params: Record<string, string>, blockOffset: number) {
  const cut = await cropPage(page, band);
  const { lines } = parseTsv(await recognizeTsv(worker, cut, { ...params, tessedit_pageseg_mode: '6' }), blockOffset);
  for (const line of lines) {
    line.top += band.y0;
    for (const word of line.words) {
      const [x0, y0, x1, y1] = word.bbox;
      word.bbox = [x0 + band.x0, y0 + band.y0, x1 + band.x0, y1 + band.y0];
    }
  }
  return lines;
}

/**
 * `signal`: once the pool has given up on this page (cancelled or timed out) it terminates the worker;
 * starting another recognition on it would fail inside tesseract.js, so stop between recognitions.
 */
export async function readPage(worker: Worker, page: GreyImage, dpi: number | undefined, signal?: AbortSignal): Promise<PageText> {
  // tessedit_do_invert: tesseract 5 re-reads every poorly read line as white-on-black text; letters and
  // certificates have none, and the fax spent 0.5 s of its 3 s on it.
  const params: Record<string, string> = { tessedit_pageseg_mode: '3', tessedit_do_invert: '0' };
  if (dpi) params.user_defined_dpi = String(dpi);
  const layout = parseTsv(await recognizeTsv(worker, page, params));
  let lines = layout.lines;

  // Whether a picture, read on its own, shows text the layout lost; one that covers most of its band
  // is as dear to read as the band, which is then read at once.
  const area = (box: Box) => (box.x1 - box.x0) * (box.y1 - box.y0);
  const mayHoldLostText = async (picture: Box, band: Box): Promise<boolean> => {
    if (area(picture) >= area(band) * SMALL_SHARE) return true;
    if (signal?.aborted) throw cancelledFailure();
    return findsLostText(await readBand(worker, page, picture, params, 0), confidentChars(layout.lines, picture));
  };

  for (const [index, band] of bandsOf(picturesOf(layout.pictures, page.width, page.height), page.width).entries()) {
    const inBand = (line: TextLine) => {
      const y = centreY(line);
      return y >= band.y0 && y <= band.y1;
    };
    if (coveredShare(lines.filter(inBand), band) >= COVERED_SHARE) continue;
    let suspect = false;
    for (const picture of band.pictures) if ((suspect = await mayHoldLostText(picture, band))) break;
    if (!suspect) continue;
    if (signal?.aborted) throw cancelledFailure();
    const bandLines = await readBand(worker, page, band, params, (index + 1) * BAND_BLOCKS);
    if (!findsLostText(bandLines, confidentChars(lines.filter(inBand)))) continue;
    // The band's lines take the place of the first line the layout read inside the band, or go
    // before the first line below it.
    const at = lines.findIndex((line) => inBand(line) || line.top > band.y1);
    const kept = lines.filter((line) => !inBand(line));
    const keptBefore = (at < 0 ? lines : lines.slice(0, at)).filter((line) => !inBand(line)).length;
    lines = [...kept.slice(0, keptBefore), ...bandLines, ...kept.slice(keptBefore)];
  }
  // A line the layout cut into blocks, losing what stood between them: read again as a line (splitRows.ts).
  lines = await mendBrokenRows(worker, page, lines, params, recognizeTsv, () => {
    if (signal?.aborted) throw cancelledFailure();
  });
  return pageTextOf(lines);
}

/**
 * Tesseract's orientation and script detection on the page, on a worker initialised for it
 * (PageWorker.forScriptDetection). Only the script is used: the engine's own orientation logic decides
 * which way up (bestReading.ts says why).
 *
 * OSD takes the resolution from the image itself, and a PGM has none: it assumes 70 dpi and says so on
 * stderr ("Warning. Invalid resolution 0 dpi"); user_defined_dpi does not reach that code. A PNG with
 * its resolution would cost the worker a decode (0.7 s for an A4 page at 300 dpi), and at 70 dpi OSD
 * named the main script of every corpus scan but one (a zh+en passport copy: Cyrillic at 0.6) and the
 * orientation of all 132 quarter turns of them.
 */
export async function detectScript(worker: Worker, page: GreyImage): Promise<PageScript | null> {
  const { data } = await worker.detect(pgm(page));
  if (!data.script || data.script === 'NULL' || data.script_confidence === null) return null;
  return { name: data.script, confidence: Math.round(data.script_confidence * 100) / 100 };
}
