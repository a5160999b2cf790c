/**
 * Page images as they go into a bundle: redactions burned into the pixels (not drawn over them), and
 * a plain page standing in for one that could not be read.
 */
import sharp from 'sharp';
import type { PixelBox } from '../../../shared/domain/bundle';

/**
 * A JPEG is coded in blocks of 8×8 pixels (4:4:4, no colour subsampling, is asked for below): a black box
 * whose edges fall on block edges decodes as pure black with clean edges, where one cutting through blocks
 * would ring. So a box burned into a JPEG is grown to the block grid — at most 7 pixels each way.
 */
export const JPEG_BLOCK = 8;

/** Whole pixels covering the box, inside the image (a box partly off the page is cut, not dropped). */
function pixelRect(box: PixelBox, width: number, height: number, grid = 1): { left: number; top: number; width: number; height: number } | null {
  const left = Math.max(0, Math.floor(box[0] / grid) * grid);
  const top = Math.max(0, Math.floor(box[1] / grid) * grid);
  const right = Math.min(width, Math.ceil((box[0] + box[2]) / grid) * grid);
  const bottom = Math.min(height, Math.ceil((box[1] + box[3]) / grid) * grid);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * The image with every box filled pure black. What was under a box is replaced before the image is
 * encoded again, so nothing of it survives in the file whatever the encoding. A JPEG page (the vault
 * stores page images as JPEG) stays a JPEG, its boxes on the block grid: a lossless PNG of a 200 DPI page
 * took 340 ms to encode and was five times the size (bench:export, 59 burned pages); other images become PNG.
 */
export async function burnRedactions(image: Uint8Array, boxes: readonly PixelBox[]): Promise<{ data: Uint8Array; width: number; height: number; mime: 'image/jpeg' | 'image/png' }> {
  const source = sharp(image);
  const meta = await source.metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const jpeg = meta.format === 'jpeg';
  const rects = boxes.map((box) => pixelRect(box, width, height, jpeg ? JPEG_BLOCK : 1)).filter((rect) => rect !== null);
  // Flatten any alpha first: a transparent pixel under a black box must not stay transparent elsewhere.
  let pipeline = source.flatten({ background: '#ffffff' });
  if (rects.length > 0) {
    pipeline = pipeline.composite(
      rects.map((rect) => ({
        input: { create: { width: rect.width, height: rect.height, channels: 3 as const, background: { r: 0, g: 0, b: 0 } } },
        left: rect.left,
        top: rect.top,
      })),
    );
  }
  const data = await (jpeg ? pipeline.jpeg({ quality: 85, chromaSubsampling: '4:4:4' }) : pipeline.png({ compressionLevel: 6 })).toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height, mime: jpeg ? 'image/jpeg' : 'image/png' };
}

/** A blank white page (A4 at 150 DPI unless the page's size is known) for a page with nothing to show. */
export async function blankPage(width = 1240, height = 1754): Promise<Uint8Array> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .greyscale()
    .png()
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
