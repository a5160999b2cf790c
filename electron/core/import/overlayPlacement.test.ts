import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OverlayWord } from '../../../shared/domain/document';
import { rotatePage, uprightTurns } from '../ocr/pageGeometry';
import { placeOverlays, wordsOnRendered } from './overlayPlacement';

/**
 * A form field's box must land where OCR's image shows the field, whatever OCR did to the page: scaled
 * down, turned upright, levelled. Checked against pixels: a black block drawn where the field is, put
 * through the same sharp operations OCR uses, must come out inside the placed box.
 */
async function blockPage(width: number, height: number, box: [number, number, number, number]) {
  const data = Buffer.alloc(width * height, 255);
  for (let y = box[1]; y < box[3]; y++) data.fill(0, y * width + box[0], y * width + box[2]);
  return { data, width, height };
}

function inkBox(page: { data: Buffer; width: number; height: number }): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.data[y * page.width + x]! < 128) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  return [x0, y0, x1, y1];
}

async function scaled(page: { data: Buffer; width: number; height: number }, scale: number) {
  const width = Math.round(page.width * scale);
  const height = Math.round(page.height * scale);
  const { data } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize(width, height, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width, height };
}

describe('form field boxes on the OCR image', () => {
  const field: [number, number, number, number] = [300, 200, 700, 260];
  const word: OverlayWord = { text: 'Kulash', bbox: field, area: field, conf: 100, origin: 'form-field' };

  it.each([
    [0, 0, 1],
    [90, 0, 0.5],
    [180, 1.5, 0.66],
    [270, -2.2, 0.8],
    [0, 3, 0.5],
  ])('turned %i°, levelled %f°, scaled %f', async (rotation, skew, scale) => {
    const rendered = await blockPage(1200, 1600, field);
    const small = await scaled(rendered, scale);
    // turned as OCR turns a page it found lying at `rotation` (the engine reports that, and turns it back)
    const read = await rotatePage(small, uprightTurns(rotation), skew);
    const [placed] = placeOverlays([word], rendered, { width: read.width, height: read.height, rotation, skew });
    const ink = inkBox(read);
    // Inside, give or take the resampling's blur (2 px), and not much bigger than the ink.
    expect(placed!.area[0]).toBeLessThanOrEqual(ink[0] + 2);
    expect(placed!.area[1]).toBeLessThanOrEqual(ink[1] + 2);
    expect(placed!.area[2]).toBeGreaterThanOrEqual(ink[2] - 2);
    expect(placed!.area[3]).toBeGreaterThanOrEqual(ink[3] - 2);
    const area = (b: number[]) => (b[2]! - b[0]!) * (b[3]! - b[1]!);
    expect(area(placed!.area)).toBeLessThan(area(ink) * 1.3 + 200);
    // And back: a word OCR read over the block sits on the field of the rendered page again.
    const [back] = wordsOnRendered([{ text: 'Kulash', bbox: ink, conf: 90 }], rendered, { width: read.width, height: read.height, rotation, skew });
    const slack = 4 / scale + (skew ? 0.06 * (field[2] - field[0]) : 0);
    expect(back!.bbox[0]).toBeLessThanOrEqual(field[0] + 4 / scale);
    expect(back!.bbox[1]).toBeLessThanOrEqual(field[1] + 4 / scale);
    expect(back!.bbox[2]).toBeGreaterThanOrEqual(field[2] - 4 / scale);
    expect(back!.bbox[3]).toBeGreaterThanOrEqual(field[3] - 4 / scale);
    expect(back!.bbox[0]).toBeGreaterThanOrEqual(field[0] - slack);
    expect(back!.bbox[2]).toBeLessThanOrEqual(field[2] + slack);
  });
});
