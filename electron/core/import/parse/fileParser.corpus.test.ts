import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileParser } from './fileParser';
import { MAX_RENDER_DPI, MAX_RASTER_PIXELS } from './limits';
import { nodeParserProcesses } from './processes';
import { pagePng } from './raster';
import { corpusBytes, iou, manifest, normaliseSpace, popplerWords, truthOf } from './testing/corpus';
import { hasPdftotext } from '../../testing/tools';

/** The whole development corpus through real parser processes, checked against its ground truth. */

const parser = createFileParser({ processes: nodeParserProcesses() });
afterAll(() => parser.close());

const documents = manifest().documents;
const bornDigital = documents.filter((doc) => doc.has_text_layer);
const imageOnlyPdfs = documents.filter((doc) => doc.format === 'pdf' && !doc.has_text_layer);
const images = documents.filter((doc) => doc.format !== 'pdf');

describe('inspect', () => {
  it.each(documents.map((doc) => [doc.file, doc] as const))('%s: kind and page count as in the truth, no warnings', async (file, truth) => {
    const inspected = await parser.inspect(corpusBytes(file), file);
    expect(inspected).toEqual({ kind: truth.format, mime: truth.mime, pageCount: truth.pages, warnings: [] });
  });
});

describe('born-digital PDFs', () => {
  it.each(bornDigital.map((doc) => [doc.file, doc] as const))('%s: every page comes from the text layer, text as printed', async (file, truth) => {
    for (let page = 1; page <= truth.pages; page++) {
      const content = await parser.page(corpusBytes(file), 'pdf', page);
      expect(content.source).toBe('text-layer');
      if (content.source !== 'text-layer') continue;
      expect(normaliseSpace(content.text)).toBe(normaliseSpace(truth.page_text[page - 1] ?? ''));
      expect(content.dpi).toBeLessThanOrEqual(MAX_RENDER_DPI);
      expect(content.pixels.length).toBe(content.width * content.height * content.channels);
      // Every word is inside the image and carries the layer's full confidence.
      for (const word of content.words) {
        expect(word.conf).toBe(100);
        expect(word.bbox[0]).toBeGreaterThanOrEqual(0);
        expect(word.bbox[2]).toBeLessThanOrEqual(content.width);
        expect(word.bbox[1]).toBeLessThan(word.bbox[3]);
      }
      // The words are the text, in order (CJK characters are words of their own, hence no spaces compared).
      expect(content.words.map((w) => w.text).join('')).toBe(content.text.replace(/\s/g, ''));
    }
  });

  if (!hasPdftotext) console.warn('skipped: the poppler word-box comparison, pdftotext is not installed (Debian poppler-utils; scripts/dev.sh test installs it)');
  it.skipIf(!hasPdftotext)('word boxes agree with poppler (a reference used only in tests)', async () => {
    for (const file of ['ngo_letter_45-21.pdf', 'shagym_Toktarkyzy.pdf', 'appeal_draft_Askaruly_v2.pdf']) {
      const content = await parser.page(corpusBytes(file), 'pdf', 1);
      if (content.source !== 'text-layer') throw new Error(`${file} has no text layer`);
      const reference = popplerWords(file, 1).map((w) => ({ ...w, box: w.box.map((v) => (v * content.dpi) / 72) }));
      const overlaps = content.words.map((word) =>
        Math.max(0, ...reference.filter((r) => r.text === word.text).map((r) => iou(word.bbox, r.box))),
      );
      overlaps.sort((a, b) => a - b);
      // Measured: median 0.80-0.82, tenth percentile 0.67-0.74 (poppler's boxes are a little taller).
      expect(overlaps[Math.floor(overlaps.length / 2)], file).toBeGreaterThan(0.7);
      expect(overlaps[Math.floor(overlaps.length / 10)], file).toBeGreaterThan(0.5);
    }
  });
});

describe('image-only PDFs', () => {
  it.each(imageOnlyPdfs.map((doc) => [doc.file, doc] as const))('%s: pages are rasters at the scan resolution, ≤ 300 DPI', async (file, truth) => {
    for (let page = 1; page <= truth.pages; page++) {
      const started = performance.now();
      const content = await parser.page(corpusBytes(file), 'pdf', page);
      const ms = Math.round(performance.now() - started);
      expect(content.source).toBe('raster');
      expect(content.dpi).toBeLessThanOrEqual(MAX_RENDER_DPI);
      const scanDpi = (truth as unknown as { images: Array<{ dpi: number; pixel_size: [number, number] }> }).images[page - 1];
      // The page comes back at its scan's own resolution and pixel size (within rounding).
      expect(content.dpi).toBe(scanDpi?.dpi);
      expect(Math.abs(content.width - (scanDpi?.pixel_size[0] ?? 0))).toBeLessThanOrEqual(2);
      expect(Math.abs(content.height - (scanDpi?.pixel_size[1] ?? 0))).toBeLessThanOrEqual(2);
      expect([content.channels, content.pixels.length]).toEqual([1, content.width * content.height]);
      console.info(`render ${file} p${page}: ${ms} ms (${content.width}×${content.height} @ ${content.dpi} DPI)`);
    }
  });
});

describe('images', () => {
  it.each(images.map((doc) => [doc.file, doc] as const))('%s: every page is an upright raster within the pixel budget', async (file, truth) => {
    const bytes = corpusBytes(file);
    for (let page = 1; page <= truth.pages; page++) {
      const content = await parser.page(bytes, truth.format, page);
      expect(content.source).toBe('raster');
      expect(content.width * content.height).toBeLessThanOrEqual(MAX_RASTER_PIXELS);
      const source = await sharp(bytes, { page: page - 1 }).metadata();
      expect([content.width, content.height]).toEqual([source.autoOrient.width, source.autoOrient.height]);
      expect(content.dpi).toBeGreaterThan(0);
    }
  });

  it('keeps colour where stamps are coloured, greyscale elsewhere', async () => {
    const channels = async (file: string) => (await parser.page(corpusBytes(file), truthOf(file).format, 1)).channels;
    expect(await channels('scan_0012.jpg')).toBe(3); // RGB scan, blue and red stamps
    expect(await channels('scan_0017.jpg')).toBe(3);
    expect(await channels('scan_0001.jpg')).toBe(1); // greyscale scan
    expect(await channels('IMG_4471.jpg')).toBe(1); // RGB phone photo of a black-and-white letter
  });

  it('honours EXIF orientation: a photo stored sideways comes back upright', async () => {
    const upright = corpusBytes('scan_0028.jpg'); // 1748×1240 card
    // Stored rotated 90° clockwise with EXIF 8 ("rotate 270° to view"), as phones do.
    const sideways = await sharp(upright).rotate(90).withMetadata({ orientation: 8 }).jpeg().toBuffer();
    const content = await parser.page(sideways, 'jpeg', 1);
    expect([content.width, content.height]).toEqual([1748, 1240]);
    const [a, b] = await Promise.all(
      [sharp(upright), sharp(await pagePng(content))].map((img) => img.resize(64, 45, { fit: 'fill' }).greyscale().raw().toBuffer()),
    );
    const difference = a!.reduce((sum, value, i) => sum + Math.abs(value - (b![i] ?? 0)), 0) / a!.length;
    expect(difference).toBeLessThan(12); // same picture, not a rotated one (measured ~2; rotated ~60)
  });

  it('reports the 2-page TIFF page by page', async () => {
    const bytes = corpusBytes('bad/scan_multipage.tif');
    const [one, two] = [await parser.page(bytes, 'tiff', 1), await parser.page(bytes, 'tiff', 2)];
    expect([one.dpi, two.dpi]).toEqual([300, 300]);
    expect(one.pixels.equals(two.pixels)).toBe(false);
    await expect(parser.page(bytes, 'tiff', 3)).rejects.toThrow(/out of range/);
  });
});
