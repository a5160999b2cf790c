import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PDFHexString, type PDFContext, type PDFRef } from 'pdf-lib';
import { registerStream } from './bytesStream';

/**
 * Page images as PDF image XObjects, without decoding a pixel when the file can go in as it is: a JPEG
 * is a DCTDecode stream byte for byte, and the IDAT data of an 8-bit (or less) non-interlaced PNG without
 * transparency is already a FlateDecode stream with PNG predictors. Everything else (transparency, 16-bit,
 * interlacing, arithmetic-coded JPEG) goes through sharp once. pdf-lib's own embedPng decodes and
 * re-encodes every PNG in JavaScript: measured 1.8 s for the corpus's 200 DPI fax page and 15 s
 * for a 300 DPI A4 page on the shared 2-core development machine.
 */

export interface ImageXObject {
  ref: PDFRef;
  /** pixels of the image as written */
  width: number;
  height: number;
}

interface JpegInfo {
  width: number;
  height: number;
  components: number;
  /** Adobe APP14 marker: CMYK JPEGs written by Adobe software store inverted values */
  adobe: boolean;
}

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
  palette: Uint8Array | null;
  transparency: boolean;
  idat: Uint8Array[];
}

/** JPEG frame header, or null when PDF readers could not show it as it is (12-bit, arithmetic coding). */
export function readJpeg(bytes: Uint8Array): JpegInfo | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  let adobe = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === 0xee && String.fromCharCode(...bytes.subarray(at + 4, at + 9)) === 'Adobe') adobe = true;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // Baseline, extended sequential and progressive Huffman (C0–C2) at 8 bits are what every reader shows.
      if (marker > 0xc2 || bytes[at + 4] !== 8) return null;
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      const components = bytes[at + 9]!;
      if (!width || !height || ![1, 3, 4].includes(components)) return null;
      return { width, height, components, adobe };
    }
    if (marker === 0xda || marker === 0xd9) return null;
    at += 2 + length;
  }
  return null;
}

/** PNG header and image data, or null when it is not a PNG. */
export function readPng(bytes: Uint8Array): PngInfo | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info: PngInfo = { width: 0, height: 0, bitDepth: 0, colourType: 0, interlaced: false, palette: null, transparency: false, idat: [] };
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      info.width = view.getUint32(at + 8);
      info.height = view.getUint32(at + 12);
      info.bitDepth = data[8]!;
      info.colourType = data[9]!;
      info.interlaced = data[12] !== 0;
    } else if (type === 'PLTE') info.palette = data;
    else if (type === 'tRNS') info.transparency = true;
    else if (type === 'IDAT') info.idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  return info.width && info.height ? info : null;
}

/** Can this PNG's data go into the PDF as it is? */
function pngPassesThrough(png: PngInfo): boolean {
  if (png.interlaced || png.transparency || png.idat.length === 0) return false;
  if (png.colourType === 0) return [1, 2, 4, 8].includes(png.bitDepth);
  if (png.colourType === 2) return png.bitDepth === 8;
  if (png.colourType === 3) return [1, 2, 4, 8].includes(png.bitDepth) && png.palette !== null;
  return false; // 4 and 6 carry alpha
}

/** Pixel sizes for an image where it is placed: above `limit` it is downsampled to `target`. */
export interface ImageFit {
  limitWidth: number;
  limitHeight: number;
  targetWidth: number;
  targetHeight: number;
}

/** The image as an XObject in `context`, downsampled once with sharp when it is finer than `fit` allows. */
export async function imageXObject(context: PDFContext, image: Uint8Array, mime: 'image/png' | 'image/jpeg', fit: ImageFit): Promise<ImageXObject> {
  const direct = directXObject(context, image, fit.limitWidth, fit.limitHeight);
  if (direct) return direct;
  // Convert once: transparency flattened onto white paper, downsampled if needed. A JPEG stays a JPEG;
  // anything else becomes 8-bit grey or RGB pixels, deflated.
  let pipeline = sharp(image, { limitInputPixels: false }).flatten({ background: '#ffffff' });
  const { width = 0, height = 0 } = await sharp(image, { limitInputPixels: false }).metadata();
  if (width > fit.limitWidth || height > fit.limitHeight) {
    const target = { width: Math.max(1, Math.floor(fit.targetWidth)), height: Math.max(1, Math.floor(fit.targetHeight)) };
    pipeline = pipeline.resize(target.width, target.height, { fit: 'inside', kernel: 'lanczos3' });
  }
  if (mime === 'image/jpeg' && readJpeg(image)) {
    const written = directXObject(context, await pipeline.jpeg({ quality: 90 }).toBuffer(), Infinity, Infinity);
    if (written) return written;
  }
  const { data, info } = await pipeline.removeAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const ref = registerStream(context, deflateSync(data), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: info.width,
      Height: info.height,
      ColorSpace: info.channels === 1 ? 'DeviceGray' : info.channels === 4 ? 'DeviceCMYK' : 'DeviceRGB',
      BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  return { ref, width: info.width, height: info.height };
}

function directXObject(context: PDFContext, bytes: Uint8Array, maxWidth: number, maxHeight: number): ImageXObject | null {
  const jpeg = readJpeg(bytes);
  if (jpeg) {
    if (jpeg.width > maxWidth || jpeg.height > maxHeight) return null;
    const colourSpace = jpeg.components === 1 ? 'DeviceGray' : jpeg.components === 3 ? 'DeviceRGB' : 'DeviceCMYK';
    const dict: Record<string, unknown> = {
      Type: 'XObject',
      Subtype: 'Image',
      Width: jpeg.width,
      Height: jpeg.height,
      ColorSpace: colourSpace,
      BitsPerComponent: 8,
      Filter: 'DCTDecode',
    };
    if (jpeg.components === 4 && jpeg.adobe) dict.Decode = [1, 0, 1, 0, 1, 0, 1, 0];
    const ref = registerStream(context, bytes, dict);
    return { ref, width: jpeg.width, height: jpeg.height };
  }
  const png = readPng(bytes);
  if (!png || !pngPassesThrough(png) || png.width > maxWidth || png.height > maxHeight) return null;
  const colours = png.colourType === 2 ? 3 : 1;
  const colourSpace =
    png.colourType === 3
      ? ['Indexed', 'DeviceRGB', png.palette!.length / 3 - 1, PDFHexString.of(Buffer.from(png.palette!).toString('hex'))]
      : png.colourType === 2
        ? 'DeviceRGB'
        : 'DeviceGray';
  const data = png.idat.length === 1 ? png.idat[0]! : Buffer.concat(png.idat);
  const ref = registerStream(context, data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: png.width,
      Height: png.height,
      ColorSpace: colourSpace,
      BitsPerComponent: png.bitDepth,
      Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colours, BitsPerComponent: png.bitDepth, Columns: png.width },
  });
  return { ref, width: png.width, height: png.height };
}
