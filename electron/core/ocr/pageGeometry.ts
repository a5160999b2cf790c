/**
 * Scan geometry from the pixels: which way the text lines run (0/180 against 90/270) and how many
 * degrees the page is skewed, by projection profiles of the dark pixels on a small copy of the page.
 * Text lines make the profile across them spiky (line, gap, line); the profile along them is flat.
 * Which end is up (0 against 180, 90 against 270) cannot be seen this way: the engine decides that by
 * recognition confidence.
 */
import sharp from 'sharp';

/** A greyscale page in memory: one byte per pixel, row by row. */
export interface GreyImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface PageGeometry {
  /** true when text lines run top to bottom (the page lies at 90 or 270 degrees) */
  vertical: boolean;
  /** degrees to rotate clockwise (sharp's sense) so that text lines are level; within ±MAX_SKEW */
  deskew: number;
  /** profile spikiness along the chosen axis over the other one; near 1 means no text lines were found */
  axisRatio: number;
  /** grey level of the paper (the median pixel), to fill the corners a deskew uncovers */
  paper: number;
}

// The issue: "skew of a few degrees is corrected"; the corpus scans are skewed 0.3–3°.
const MAX_SKEW = 5;
// The analysis copy: about 100 dpi for an A4 page keeps 8-pt lines apart and takes a few milliseconds.
const ANALYSIS_SIDE = 1200;
const MAX_POINTS = 60_000;
// Ink is at least 25% darker than the blurred page around it (a fax's grey text at 105 on 190 is 45%).
const INK_CONTRAST = 0.75;
const INK_BACKGROUND_SIGMA = 12;

/** Decoded pixels as the parser hands them over (ocrEngine.ts's PagePixels). */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

function isRaw(input: Buffer | RawImage): input is RawImage {
  return !Buffer.isBuffer(input);
}

/** The image's stated resolution (none for raw pixels) and its width once EXIF orientation is honoured. */
export async function imageInfo(input: Buffer | RawImage): Promise<{ density: number | undefined; width: number }> {
  if (isRaw(input)) return { density: undefined, width: input.width };
  const { density, width = 0, height = 0, orientation = 1 } = await sharp(input).metadata();
  return { density, width: orientation >= 5 ? height : width };
}

/**
 * Decode any sharp-readable image (or take raw pixels), honour EXIF orientation, flatten alpha onto
 * white, greyscale, and resample by `scale` in the same pass (cheaper than decoding at full size first).
 */
export async function decodeGrey(input: Buffer | RawImage, scale = 1, orientedWidth?: number): Promise<GreyImage> {
  const source = isRaw(input)
    ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: input.channels } })
    : sharp(input).rotate();
  let image = source.flatten({ background: '#ffffff' }).greyscale();
  if (scale < 1 && orientedWidth) image = image.resize({ width: Math.max(1, Math.round(orientedWidth * scale)), kernel: 'lanczos3' });
  const { data, info } = await image.extractChannel(0).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function median(data: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (const v of data) hist[v]! += 1;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen * 2 >= data.length) return v;
  }
  return 255;
}

/** Ink on a small copy of the page (longest side `side` at most): 1 where a pixel is ink, row by row. */
export interface InkMask {
  ink: Uint8Array;
  width: number;
  height: number;
  /** the copy's pixels per page pixel */
  scale: number;
  /** grey level of the paper (the copy's median pixel) */
  paper: number;
}

export async function inkMask(page: GreyImage, side = ANALYSIS_SIDE): Promise<InkMask> {
  const scale = Math.min(1, side / Math.max(page.width, page.height));
  const width = Math.max(1, Math.round(page.width * scale));
  const height = Math.max(1, Math.round(page.height * scale));
  const small = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize(width, height, { kernel: 'linear' })
    .greyscale()
    .raw()
    .toBuffer();
  // Dark against the neighbourhood, not against one global threshold: grey paper, uneven lighting and
  // edge shadows move the background by more than the ink differs from it.
  const background = await sharp(small, { raw: { width, height, channels: 1 } }).blur(INK_BACKGROUND_SIGMA).greyscale().raw().toBuffer();
  const ink = new Uint8Array(small.length);
  for (let i = 0; i < small.length; i++) if (small[i]! < background[i]! * INK_CONTRAST) ink[i] = 1;
  return { ink, width, height, scale, paper: median(small) };
}

/** Dark pixels of a small copy of the page, as coordinates around its centre. */
async function darkPoints(page: GreyImage): Promise<{ xs: Float32Array; ys: Float32Array; side: number; paper: number }> {
  const { ink, width, height, paper } = await inkMask(page);
  let count = 0;
  for (let i = 0; i < ink.length; i++) count += ink[i]!;
  const stride = Math.max(1, Math.ceil(count / MAX_POINTS));
  const xs = new Float32Array(Math.ceil(count / stride));
  const ys = new Float32Array(xs.length);
  let n = 0;
  let seen = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] && seen++ % stride === 0 && n < xs.length) {
        xs[n] = x - width / 2;
        ys[n] = y - height / 2;
        n++;
      }
    }
  }
  return { xs: xs.subarray(0, n), ys: ys.subarray(0, n), side: Math.max(width, height), paper };
}

/** Sum of squared bin counts of the points projected across lines tilted by `degrees`. */
export function spikiness(across: Float32Array, along: Float32Array, degrees: number, side: number): number {
  const radians = (degrees * Math.PI) / 180;
  const sin = Math.sin(radians);
  const cos = Math.cos(radians);
  const offset = side; // projections lie within ±side/√2·… of the centre
  const bins = new Uint32Array(2 * side + 1);
  for (let i = 0; i < across.length; i++) {
    const position = Math.round(across[i]! * cos - along[i]! * sin) + offset;
    bins[position]! += 1;
  }
  let score = 0;
  for (const count of bins) score += count * count;
  return score;
}

function bestAngle(across: Float32Array, along: Float32Array, side: number): { angle: number; score: number } {
  let best = { angle: 0, score: spikiness(across, along, 0, side) };
  const search = (from: number, to: number, step: number): void => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const score = spikiness(across, along, a, side);
      if (score > best.score) best = { angle: a, score };
    }
  };
  search(-MAX_SKEW, MAX_SKEW, 0.5);
  const coarse = best.angle;
  search(coarse - 0.5, coarse + 0.5, 0.05);
  return best;
}

/** Measures the text-line direction and the skew of a greyscale page. */
export async function measureGeometry(page: GreyImage): Promise<PageGeometry> {
  const { xs, ys, side, paper } = await darkPoints(page);
  if (xs.length < 100) return { vertical: false, deskew: 0, axisRatio: 1, paper };
  const horizontal = bestAngle(ys, xs, side); // rows: text lines run left to right
  const vertical = bestAngle(xs, ys, side); // columns: the page lies on its side
  const isVertical = vertical.score > horizontal.score;
  const chosen = isVertical ? vertical : horizontal;
  // Projecting rows tilted by +a finds lines that fall to the right by a degrees (in image coordinates,
  // y down), which sharp levels by rotating -a; for columns the sense is mirrored.
  const deskew = isVertical ? chosen.angle : -chosen.angle;
  const other = isVertical ? horizontal.score : vertical.score;
  return {
    vertical: isVertical,
    deskew: Math.round(deskew * 100) / 100,
    axisRatio: chosen.score / Math.max(1, other),
    paper,
  };
}

/** An angle in degrees, in (-180, 180]. */
export function normalizedDegrees(degrees: number): number {
  const d = ((degrees % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}

/**
 * The clockwise quarter turns that make upright a page whose content was turned clockwise by `rotation`
 * degrees (OcrPageResult.rotation): a page scanned lying at 90° is turned three quarters (a quarter
 * back). Everything that maps boxes between a page and OCR's reading of it takes the turns from here.
 */
export function uprightTurns(rotation: number): number {
  return (4 - ((((rotation / 90) % 4) + 4) % 4)) % 4;
}

/**
 * Rotates by quarter turns and a few degrees (clockwise). The corners a small rotation uncovers get the
 * paper's grey: white corners on grey paper draw edges that tesseract's layout analysis took for rules
 * and boxes, which reordered a letterhead (scan_0005: CER 1.4% read as scanned, 10% deskewed with white).
 */
export async function rotatePage(page: GreyImage, quarterTurns: number, degrees: number, paper = 255): Promise<GreyImage> {
  const total = ((quarterTurns * 90 + degrees) % 360 + 360) % 360;
  if (total === 0) return page;
  let image = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } });
  if (quarterTurns % 4 !== 0) image = image.rotate(((quarterTurns % 4) + 4) % 4 * 90);
  if (Math.abs(degrees) >= 0.01) {
    // sharp only rotates by one angle per pipeline; a second pipeline keeps the steps exact.
    const turned = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
    image = sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: 1 } }).rotate(
      degrees,
      { background: { r: paper, g: paper, b: paper } },
    );
  }
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Where a box of the page lands after rotatePage(page, 0, degrees): sharp turns about the centre and
 * grows the canvas to hold the turned page. The box becomes the bounding box of its turned corners.
 */
export function rotateBox(
  box: readonly [number, number, number, number],
  from: { width: number; height: number },
  to: { width: number; height: number },
  degrees: number,
): [number, number, number, number] {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[box[0], box[1]], [box[2], box[1]], [box[0], box[3]], [box[2], box[3]]] as const) {
    const dx = x - from.width / 2;
    const dy = y - from.height / 2;
    xs.push(cos * dx - sin * dy + to.width / 2);
    ys.push(sin * dx + cos * dy + to.height / 2);
  }
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  return [clamp(Math.min(...xs), to.width), clamp(Math.min(...ys), to.height), clamp(Math.max(...xs), to.width), clamp(Math.max(...ys), to.height)];
}

/** A region of the page, as a page of its own. */
export async function cropPage(page: GreyImage, box: { x0: number; y0: number; x1: number; y1: number }): Promise<GreyImage> {
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .extract({ left: box.x0, top: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
