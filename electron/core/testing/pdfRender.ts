/**
 * A PDF page rendered by poppler's `pdftoppm`, the reader the tests trust to show what a court's viewer
 * shows. pdftoppm renders a 300 dpi scan page in a tenth of a second but takes about 11 s to write it as
 * PNG (its own encoder, on a noisy scan, here); so it writes plain PNM to stdout and sharp encodes the
 * PNG, for the same pixels.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

export interface RenderedPage {
  width: number;
  height: number;
  /** 1 (grey, 0 black) or 3 (RGB) bytes a pixel, rows top to bottom */
  channels: 1 | 3;
  pixels: Buffer;
}

/** Page `page` (1-based) of `file` at `dpi`, in grey or colour, as pixels. */
export function renderPdfPage(file: string, page: number, dpi: number, { gray = false }: { gray?: boolean } = {}): RenderedPage {
  const args = ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', ...(gray ? ['-gray'] : []), file];
  const pnm = execFileSync('pdftoppm', args, { maxBuffer: 1 << 28 });
  const header = /^P([56])\s+(\d+)\s+(\d+)\s+255\s/.exec(pnm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no PNM for page ${page} of ${file}`);
  const [width, height, channels] = [Number(header[2]), Number(header[3]), header[1] === '5' ? 1 : 3] as const;
  const pixels = pnm.subarray(header[0].length);
  if (pixels.length !== width * height * channels) throw new Error(`pdftoppm gave ${pixels.length} bytes for a ${width}×${height}×${channels} page`);
  return { width, height, channels, pixels };
}

/** The same page as PNG bytes (the same pixels as pdftoppm's own PNG). */
export async function renderPdfPagePng(file: string, page: number, dpi: number, options: { gray?: boolean } = {}): Promise<Buffer> {
  const { width, height, channels, pixels } = renderPdfPage(file, page, dpi, options);
  // With its resolution, as pdftoppm's own PNG has it: OCR reads the DPI from there.
  return sharp(pixels, { raw: { width, height, channels } }).withMetadata({ density: dpi }).png({ compressionLevel: 2 }).toBuffer();
}

/** The same page written as a PNG file at `path`. */
export async function writePdfPagePng(file: string, page: number, dpi: number, path: string, options: { gray?: boolean } = {}): Promise<void> {
  writeFileSync(path, await renderPdfPagePng(file, page, dpi, options));
}
