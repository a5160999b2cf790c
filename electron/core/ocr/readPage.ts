/**
 * One reading of an upright page on a tesseract.js worker.
 *
 * Page segmentation: automatic layout (PSM 3) keeps two-column letterheads in reading order, but its
 * layout analysis sets regions it takes for pictures aside, and a rubber stamp or signature over text
 * lines takes the lines with it (a court decision page lost 2 of its 4 lines, CER 97%). So every band
 * of the page that holds a picture region is read again as one uniform block (PSM 6, which does not
 * look for pictures) and replaces what the automatic layout read there.
 */
import sharp from 'sharp';
import type { Block, Worker } from 'tesseract.js';
import { encodePng, type GreyImage } from './pageGeometry';
import { pictureRegions, linesOf, pageTextOf, type PageText, type TextLine } from './pageText';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// Picture regions lower than this share of the page are dust, punch holes or a lone signature stroke.
const MIN_BAND_SHARE = 0.01;
// Re-read a little above and below the region, so the lines it cuts through are read whole.
const BAND_MARGIN_SHARE = 0.01;

async function recognizeBlocks(worker: Worker, png: Buffer, params: Record<string, string>, tsv: boolean) {
  const { data } = await worker.recognize(png, params, { blocks: true, tsv, text: false });
  return { blocks: data.blocks as Block[] | null, tsv: data.tsv };
}

// tesseract.js's `rectangle` option read garbage from bands that the whole page reads well, so a band
// is cut out and read as an image of its own, its boxes moved back into page coordinates.
async function readBand(worker: Worker, page: GreyImage, band: Box, params: Record<string, string>, blockOffset: number) {
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .extract({ left: band.x0, top: band.y0, width: band.x1 - band.x0, height: band.y1 - band.y0 })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const png = await encodePng({ data, width: info.width, height: info.height });
  const { blocks } = await recognizeBlocks(worker, png, { ...params, tessedit_pageseg_mode: '6' }, false);
  const lines = linesOf(blocks, blockOffset);
  for (const line of lines) {
    line.top += band.y0;
    for (const word of line.words) {
      const [x0, y0, x1, y1] = word.bbox;
      word.bbox = [x0 + band.x0, y0 + band.y0, x1 + band.x0, y1 + band.y0];
    }
  }
  return { lines, blockCount: blocks?.length ?? 0 };
}

/** Picture regions widened to full-width bands, overlapping ones merged. */
function bandsOf(regions: readonly Box[], width: number, height: number): Box[] {
  const margin = Math.round(height * BAND_MARGIN_SHARE);
  const bands = regions
    .filter((region) => region.y1 - region.y0 >= height * MIN_BAND_SHARE)
    .map((region) => ({ x0: 0, y0: Math.max(0, region.y0 - margin), x1: width, y1: Math.min(height, region.y1 + margin) }))
    .sort((a, b) => a.y0 - b.y0);
  const merged: Box[] = [];
  for (const band of bands) {
    const last = merged.at(-1);
    if (last && band.y0 <= last.y1) last.y1 = Math.max(last.y1, band.y1);
    else merged.push(band);
  }
  return merged;
}

// Characters in words read with at least this confidence; a stamp's ring and a table's rules read as
// strings of low-confidence letters that must not outweigh real text.
const CONFIDENT_WORD = 60;
// The band's re-reading must find this many times the confident text the automatic layout found there,
// plus a few characters, before it replaces it (court decision page: 150 against 5).
const LOST_TEXT_FACTOR = 1.5;
const LOST_TEXT_MIN = 10;

function confidentChars(lines: readonly TextLine[]): number {
  let count = 0;
  for (const line of lines) for (const word of line.words) if (word.conf >= CONFIDENT_WORD) count += word.text.length;
  return count;
}

const centreY = (line: TextLine): number => {
  const ys = line.words.map((word) => (word.bbox[1] + word.bbox[3]) / 2);
  return ys.reduce((a, b) => a + b, 0) / ys.length;
};

export async function readPage(worker: Worker, page: GreyImage, png: Buffer, dpi: number | undefined): Promise<PageText> {
  const params: Record<string, string> = { tessedit_pageseg_mode: '3' };
  if (dpi) params.user_defined_dpi = String(dpi);
  const { blocks, tsv } = await recognizeBlocks(worker, png, params, true);
  let lines = linesOf(blocks);

  const bands = bandsOf(pictureRegions(tsv), page.width, page.height);
  let blockOffset = (blocks?.length ?? 0) + 1;
  for (const band of bands) {
    const { lines: bandLines, blockCount } = await readBand(worker, page, band, params, blockOffset);
    blockOffset += blockCount + 1;
    const inBand = (line: TextLine) => {
      const y = centreY(line);
      return y >= band.y0 && y <= band.y1;
    };
    // Only where the automatic layout lost text: an emblem between letterhead columns or a ruled
    // table is a picture region too, and there the automatic reading is the better one.
    if (confidentChars(bandLines) <= LOST_TEXT_FACTOR * confidentChars(lines.filter(inBand)) + LOST_TEXT_MIN) continue;
    // The band's lines take the place of the first line the automatic layout read inside the band,
    // or go before the first line below it.
    const at = lines.findIndex((line) => inBand(line) || line.top > band.y1);
    const kept = lines.filter((line) => !inBand(line));
    const keptBefore = (at < 0 ? lines : lines.slice(0, at)).filter((line) => !inBand(line)).length;
    lines = [...kept.slice(0, keptBefore), ...bandLines, ...kept.slice(keptBefore)];
  }
  return pageTextOf(lines);
}
