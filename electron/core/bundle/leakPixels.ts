/**
 * The pixel side of the leak check for pages with burned redactions: the page image is read back out of
 * the finished file (the writer says where each page's image object starts), and every box must be
 * black there. See leakCheck.ts.
 */
import { inflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import type { PixelBox } from '../../../shared/domain/bundle';
import { DalelFailure } from '../errors';

/** Where a page's image object starts in the file, its size, and the page image it was drawn from. */
export interface FileImage {
  offset: number;
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
}

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Brightest a burned pixel may read back (JPEG noise on pure black stays far below). */
const BLACK = 40;

function unreadable(): DalelFailure {
  return new DalelFailure('internal', 'A page image of the finished bundle could not be read back, so it could not be checked.');
}

/** The image object at `offset`: its dictionary (as text) and its stream data. */
function imageObject(file: Buffer, offset: number): { dict: string; data: Buffer } {
  const keyword = file.indexOf('stream', offset, 'latin1');
  if (keyword < 0 || keyword - offset > 64 * 1024) throw unreadable();
  const dict = file.subarray(offset, keyword).toString('latin1');
  let start = keyword + 6;
  if (file[start] === 0x0d) start++;
  if (file[start] === 0x0a) start++;
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  const end = length ? start + Number(length[1]) : file.indexOf('endstream', start, 'latin1');
  if (end < start || end > file.length) throw unreadable();
  return { dict, data: file.subarray(start, end) };
}

const number = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1] ?? NaN);

/** A PNG file around IDAT data written with PNG predictors (how Dalel passes a PNG into the PDF unchanged). */
function pngOf(data: Buffer, width: number, height: number, bits: number, colourType: number, palette: Buffer | null): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bits;
  header[9] = colourType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(palette ? [chunk('PLTE', palette)] : []),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The image of a page as the file holds it, in grey. */
export async function readPageImage(file: Buffer, at: FileImage): Promise<GreyImage> {
  const { dict, data } = imageObject(file, at.offset);
  const width = number(dict, 'Width');
  const height = number(dict, 'Height');
  if (!/\/Subtype\s*\/Image\b/.test(dict) || !width || !height) throw unreadable();
  let pipeline: Sharp;
  if (/\/DCTDecode\b/.test(dict)) pipeline = sharp(data);
  else if (/\/FlateDecode\b/.test(dict)) {
    const bits = number(dict, 'BitsPerComponent');
    const indexed = /\/Indexed\b/.test(dict);
    const colours = indexed ? 1 : /\/DeviceRGB\b/.test(dict) ? 3 : /\/DeviceCMYK\b/.test(dict) ? 4 : 1;
    if (/\/Predictor\s+1[0-5]\b/.test(dict)) {
      const palette = indexed ? Buffer.from(/<([0-9a-fA-F\s]+)>/.exec(dict.slice(dict.indexOf('/Indexed')))?.[1]?.replace(/\s+/g, '') ?? '', 'hex') : null;
      pipeline = sharp(pngOf(data, width, height, bits, indexed ? 3 : colours === 3 ? 2 : 0, palette));
    } else {
      if (bits !== 8 || indexed) throw unreadable();
      pipeline = sharp(inflateSync(data), { raw: { width, height, channels: colours as 1 | 3 | 4 } });
    }
  } else throw unreadable();
  try {
    const grey = await pipeline.greyscale().raw().toBuffer({ resolveWithObject: true });
    return { data: grey.data, width: grey.info.width, height: grey.info.height };
  } catch {
    throw unreadable();
  }
}

/** Whether every box (in the page image's pixels) is black in the image the file holds. */
export function burnedBlack(image: GreyImage, at: FileImage, boxes: readonly PixelBox[]): boolean {
  const sx = image.width / Math.max(1, at.sourceWidth);
  const sy = image.height / Math.max(1, at.sourceHeight);
  for (const [bx, by, bw, bh] of boxes) {
    const x0 = Math.max(0, Math.floor(bx * sx));
    const y0 = Math.max(0, Math.floor(by * sy));
    const x1 = Math.min(image.width, Math.ceil((bx + bw) * sx));
    const y1 = Math.min(image.height, Math.ceil((by + bh) * sy));
    // Inside, an edge pixel left for resampling's blur.
    for (let y = y0 + 1; y < y1 - 1; y++) for (let x = x0 + 1; x < x1 - 1; x++) if (image.data[y * image.width + x]! > BLACK) return false;
  }
  return true;
}
