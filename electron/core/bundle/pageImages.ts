/**
 * Page images as they go into a bundle: redactions burned into the pixels (not drawn over them), and
 * a plain page standing in for one that could not be read.
 */
import sharp from 'sharp';
import type { PixelBox } from '../../../shared/domain/bundle';

/** Whole pixels covering the box, inside the image (a box partly off the page is cut, not dropped). */
function pixelRect(box: PixelBox, width: number, height: number): { left: number; top: number; width: number; height: number } | null {
  const left = Math.max(0, Math.floor(box[0]));
  const top = Math.max(0, Math.floor(box[1]));
  const right = Math.min(width, Math.ceil(box[0] + box[2]));
  const bottom = Math.min(height, Math.ceil(box[1] + box[3]));
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * The image with every box filled pure black, re-encoded as PNG (lossless, so the black stays black
 * and nothing of what was under it survives in the file).
 */
export async function burnRedactions(image: Uint8Array, boxes: readonly PixelBox[]): Promise<{ data: Uint8Array; width: number; height: number }> {
  const source = sharp(image);
  const meta = await source.metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const rects = boxes.map((box) => pixelRect(box, width, height)).filter((rect) => rect !== null);
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
  const data = await pipeline.png({ compressionLevel: 6 }).toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
}

/** A blank white page (A4 at 150 DPI unless the page's size is known) for a page with nothing to show. */
export async function blankPage(width = 1240, height = 1754): Promise<Uint8Array> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .greyscale()
    .png()
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
