import sharp from 'sharp';
import { MAX_RASTER_PIXELS, MAX_RASTER_SIDE, PNG_COMPRESSION_LEVEL } from './limits';

/** Raw pixels from a decoder or a canvas, 8 bits per channel. */
export interface RawPixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** Scale factor (≤ 1) that fits a raster of this size into the pixel budget and the side limit. */
export function rasterScale(width: number, height: number): number {
  const byArea = Math.sqrt(MAX_RASTER_PIXELS / Math.max(1, width * height));
  const bySide = MAX_RASTER_SIDE / Math.max(1, width, height);
  return Math.min(1, byArea, bySide);
}

/** A pixel counts as coloured when its channels differ by more than JPEG noise on grey paper does (~20). */
const CHROMA_THRESHOLD = 48;
/**
 * Share of coloured pixels above which colour "matters". A round stamp's ink covers ~0.5 % of an A4 page,
 * a blue signature less; 0.05 % keeps those while JPEG colour fringes on grey scans stay below it.
 */
const COLOUR_SHARE = 0.0005;
const MAX_SAMPLES = 1_000_000;

/**
 * Does the page carry colour worth keeping? Blue and red stamps and signatures are part of the evidence
 * (and tell an original from a copy), so such pages stay in colour; everything else becomes greyscale,
 * which is what OCR reads anyway and a third of the size.
 */
export function hasColour(pixels: RawPixels): boolean {
  if (pixels.channels < 3) return false;
  const count = pixels.width * pixels.height;
  const step = Math.max(1, Math.floor(count / MAX_SAMPLES));
  const { data, channels } = pixels;
  let coloured = 0;
  let sampled = 0;
  for (let p = 0; p < count; p += step, sampled++) {
    const i = p * channels;
    if (channels === 4 && (data[i + 3] ?? 0) < 128) continue; // transparent: shown as paper
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    if (Math.max(r, g, b) - Math.min(r, g, b) > CHROMA_THRESHOLD) coloured++;
  }
  return sampled > 0 && coloured / sampled > COLOUR_SHARE;
}

/**
 * Raw pixels → the page's pixels as the parser hands them over: transparency flattened onto white
 * paper, greyscale unless colour matters, optionally resized (a scan rendered above its own resolution
 * goes back down to it). Not encoded: the importer decodes nothing the parser would have encoded for it
 * (a PNG of an A4 page at 300 dpi took 0.1–0.4 s to write here and as long to read there, issue 13
 * item 6); pagePng() makes a PNG where one is wanted.
 */
export async function finishPage(
  pixels: RawPixels,
  resizeTo?: { width: number; height: number },
): Promise<{ pixels: Buffer; channels: 1 | 3; width: number; height: number }> {
  const colour = hasColour(pixels);
  let pipeline = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } });
  if (pixels.channels === 2 || pixels.channels === 4) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (resizeTo && (resizeTo.width !== pixels.width || resizeTo.height !== pixels.height)) {
    pipeline = pipeline.resize(resizeTo.width, resizeTo.height, { fit: 'fill', kernel: 'lanczos3' });
  }
  // grayscale() alone still writes three identical channels; the b-w colourspace writes one.
  pipeline = colour ? pipeline.toColourspace('srgb') : pipeline.grayscale().toColourspace('b-w');
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return { pixels: data, channels: info.channels === 1 ? 1 : 3, width: info.width, height: info.height };
}

/** A page's pixels as a PNG (a preview for the renderer). Runs where it is called: the pixels are the parser's own output. */
export function pagePng(page: { pixels: Uint8Array; channels: 1 | 3; width: number; height: number }): Promise<Buffer> {
  return sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: page.channels } })
    .png({ compressionLevel: PNG_COMPRESSION_LEVEL })
    .toBuffer();
}
