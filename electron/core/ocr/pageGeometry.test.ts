/**
 * Skew and text-line direction measured from the pixels of every corpus scan, and the box mapping
 * that keeps word boxes on the deskewed image. Cheap: no OCR.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeGrey, imageInfo, measureGeometry, rotateBox, rotatePage, type GreyImage } from './pageGeometry';
import { corpusScanPages, loadCorpusPage } from './testing/corpusPages';
import { hasPdftoppm } from '../testing/tools';

const pages = corpusScanPages().filter((page) => hasPdftoppm || !page.file.endsWith('.pdf'));

describe('page geometry', () => {
  it('measures the skew of every corpus scan within 0.2° and finds which way its lines run', async () => {
    const misses: string[] = [];
    for (const page of pages) {
      // 100 dpi is plenty: the measurement itself works on a copy about 1200 pixels long.
      const image = await loadCorpusPage(page, { renderDpi: 100 });
      const { width, density } = await imageInfo(image);
      const grey = await decodeGrey(image, Math.min(1, 100 / (density && density >= 100 ? density : 300)), width);
      for (const quarter of [0, 1]) {
        const turned = quarter ? await rotatePage(grey, 1, 0) : grey;
        const geometry = await measureGeometry(turned);
        const vertical = (page.orientation / 90 + quarter) % 2 === 1;
        // The phone photo has no single skew (perspective); only its direction is asked for below.
        if (page.skewDeg !== null && Math.abs(geometry.deskew - page.skewDeg) > 0.2) {
          misses.push(`${page.id}: deskew ${geometry.deskew}°, truth ${page.skewDeg}°`);
        }
        if (geometry.vertical !== vertical && geometry.axisRatio >= 1.3) {
          misses.push(`${page.id} turned ${quarter * 90}°: lines taken as ${geometry.vertical ? 'vertical' : 'horizontal'}`);
        }
      }
    }
    expect(misses).toEqual([]);
  }, 180_000);

  it('levels a page it deskews', async () => {
    const page = pages.find((p) => p.id === 'scan_0008.jpg')!; // skewed 2.83°
    const grey = await decodeGrey(await loadCorpusPage(page));
    const { deskew, paper } = await measureGeometry(grey);
    const level = await rotatePage(grey, 0, deskew, paper);
    expect(Math.abs((await measureGeometry(level)).deskew)).toBeLessThanOrEqual(0.1);
  }, 60_000);

  it('moves a box to where its pixels land after a small rotation', async () => {
    // A black square on white, rotated by sharp; the box mapped by rotateBox must hold the square.
    const width = 400;
    const height = 300;
    const data = Buffer.alloc(width * height, 255);
    for (let y = 200; y < 240; y++) for (let x = 50; x < 90; x++) data[y * width + x] = 0;
    const page: GreyImage = { data, width, height };
    const turned = await rotatePage(page, 0, 3);
    const box = rotateBox([50, 200, 90, 240], page, turned, 3);
    const { data: pixels } = await sharp(turned.data, { raw: { width: turned.width, height: turned.height, channels: 1 } })
      .extract({ left: box[0], top: box[1], width: box[2] - box[0], height: box[3] - box[1] })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const dark = pixels.filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(40 * 40 * 0.95);
  });
});
