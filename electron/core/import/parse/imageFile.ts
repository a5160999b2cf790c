import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { FileKind } from '../../../../shared/domain/document';
import { jpegComplete, pngComplete } from './imageStructure';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE_PX, MAX_PAGES, MIN_IMAGE_SIDE_PX } from './limits';
import { finishPage, rasterScale, type RawPixels } from './raster';
import { ImportFailure, type PageContent } from './types';

/** JPEG, PNG and TIFF through sharp (libvips). Dimensions come from the header before any decoding. */

type ImageKind = Exclude<FileKind, 'pdf'>;

const DAMAGED = 'This image is damaged or incomplete (it may have been cut off while copying or downloading), so it cannot be read.';

/**
 * 'truncated' refuses cut-off pixel data but, unlike sharp's stricter default, accepts files with the
 * small format slips (e.g. "extraneous bytes before marker") that cameras and phones often write and
 * every viewer shows.
 */
const FAIL_ON = 'truncated';

async function header(bytes: Uint8Array, page: number): Promise<Metadata> {
  try {
    // No pixel limit here: metadata() reads the header only, and the limit is checked below with a message.
    return await sharp(bytes, { page, limitInputPixels: false }).metadata();
  } catch {
    throw new ImportFailure('corrupt-file', DAMAGED);
  }
}

/** Decompression bombs are refused from the header's numbers, before any pixel is allocated. */
function checkDimensions(width: number, height: number): void {
  const megapixels = (width * height) / 1e6;
  if (width * height > MAX_IMAGE_PIXELS || Math.max(width, height) > MAX_IMAGE_SIDE_PX) {
    throw new ImportFailure(
      'image-too-large',
      `This image is ${width} × ${height} pixels (${Math.round(megapixels)} megapixels), too large to open safely; ` +
        `Dalel accepts images up to ${MAX_IMAGE_PIXELS / 1e6} megapixels and ${MAX_IMAGE_SIDE_PX} pixels a side. ` +
        'Save it at a lower resolution and import it again.',
    );
  }
  if (Math.min(width, height) < MIN_IMAGE_SIDE_PX) {
    throw new ImportFailure('image-too-small', `This image is only ${width} × ${height} pixels, too small to be a page of a document.`);
  }
}

export async function inspectImage(bytes: Uint8Array, kind: ImageKind): Promise<{ pageCount: number }> {
  if ((kind === 'jpeg' && !jpegComplete(bytes)) || (kind === 'png' && !pngComplete(bytes))) {
    throw new ImportFailure('corrupt-file', DAMAGED);
  }
  const first = await header(bytes, 0);
  const pageCount = kind === 'tiff' ? (first.pages ?? 1) : 1;
  if (pageCount > MAX_PAGES) {
    throw new ImportFailure('file-too-large', `This image file has ${pageCount} pages; Dalel imports up to ${MAX_PAGES} pages per file. Split it and import the parts.`);
  }
  checkDimensions(first.width, first.height);
  // Each TIFF page has its own header (and its own size): a bomb may hide on page 2.
  for (let page = 1; page < pageCount; page++) {
    const meta = await header(bytes, page);
    checkDimensions(meta.width, meta.height);
  }
  return { pageCount };
}

/**
 * Resolution to report. Scanners record it (200, 300 DPI); cameras and screenshots write 72 or 96,
 * which says nothing, so below 100 the page is assumed to be A4-long (11.7 in on its longer side).
 */
function sourceDpi(density: number | undefined, width: number, height: number): number {
  if (density !== undefined && density >= 100 && density <= 2400) return density;
  return Math.min(600, Math.max(72, Math.max(width, height) / 11.7));
}

export async function imagePage(bytes: Uint8Array, kind: ImageKind, page: number): Promise<PageContent> {
  const first = await header(bytes, 0);
  const pageCount = kind === 'tiff' ? (first.pages ?? 1) : 1;
  if (!Number.isInteger(page) || page < 1 || page > pageCount) throw new RangeError(`page ${page} is out of range 1-${pageCount}`);
  const meta = page === 1 ? first : await header(bytes, page - 1);
  checkDimensions(meta.width, meta.height);
  const { width, height } = meta.autoOrient;
  const scale = rasterScale(width, height);
  const grey = meta.channels <= 2 && meta.space !== 'cmyk';
  let raw: { data: Buffer; info: OutputInfo };
  try {
    let pipeline = sharp(bytes, { page: page - 1, failOn: FAIL_ON, limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true, autoOrient: true });
    if (scale < 1) pipeline = pipeline.resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: 'fill' });
    if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
    pipeline = grey ? pipeline.toColourspace('b-w') : pipeline.toColourspace('srgb');
    raw = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImportFailure('corrupt-file', DAMAGED);
  }
  const pixels: RawPixels = { data: raw.data, width: raw.info.width, height: raw.info.height, channels: raw.info.channels };
  const finished = await finishPage(pixels);
  const dpi = Math.round(sourceDpi(meta.density, width, height) * (finished.width / width));
  return { source: 'raster', ...finished, dpi, overlays: [], flatten: false };
}
