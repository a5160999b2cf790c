/**
 * Pages scanned at 90, 180 or 270 degrees come out upright, and read about as well as upright pages.
 */
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from './cer';
import { createTesseractEngine } from './tesseractEngine';
import { defaultTessdataDir } from './tessdata';
import { corpusScanPages, hasPdftoppm, loadCorpusPage } from './testing/corpusPages';

// The same language bounds as accuracy.test.ts: a turned page must read as well as an upright one.
const BOUND: Record<string, number> = { ru: 0.2, kk: 0.15, en: 0.07, zh: 0.3 };

const turnedPages = corpusScanPages()
  .filter((page) => page.orientation !== 0)
  .filter((page) => hasPdftoppm() || !page.file.endsWith('.pdf'));

describe('page orientation', () => {
  const engine = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  afterAll(() => engine.close());

  it('has turned pages at 90, 180 and 270 degrees in the corpus', () => {
    expect(new Set(turnedPages.map((page) => page.orientation))).toEqual(new Set([90, 180, 270]));
  });

  it.each(turnedPages.map((page) => [page.id, page] as const))('turns %s upright', async (_id, page) => {
    const image = await loadCorpusPage(page);
    const { width, height } = await sharp(image).metadata();
    const result = await engine.recognize({
      image,
      languages: page.ocrLanguages,
      dpi: page.file.endsWith('.pdf') ? (page.dpi ?? undefined) : undefined,
    });
    expect(result.rotation).toBe(page.orientation);
    // The stored image is the upright one: a quarter turn swaps its sides (deskew adds a few pixels).
    const swapped = page.orientation % 180 !== 0;
    expect(Math.abs(result.width - (swapped ? height! : width!))).toBeLessThan(0.05 * result.width);
    expect(characterErrorRate(result.text, page.text)).toBeLessThanOrEqual(BOUND[page.language]!);
  }, 180_000);

  it('turns an upright page that was scanned upside down', async () => {
    const page = corpusScanPages().find((p) => p.id === 'scan_0008.jpg')!;
    const upsideDown = await sharp(await loadCorpusPage(page)).rotate(180).jpeg().toBuffer();
    const result = await engine.recognize({ image: upsideDown, languages: page.ocrLanguages });
    expect(result.rotation).toBe(180);
    expect(characterErrorRate(result.text, page.text)).toBeLessThanOrEqual(BOUND.en!);
  }, 180_000);
});
