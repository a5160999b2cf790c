import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DalelFailure } from '../../errors';
import { tempDir } from '../../testing/fixtures';
import { layoutBundle, writeBundlePdf, writeBundlePdfToFile } from './index';
import { flatten } from './plan';
import { bundleDocument, bundleInput } from './testing/corpusBundle';
import { outline } from '../testing/pdfInspect';
import { linkTargets, normalised, pdfimages, pdfinfo, pdftotext, qpdfJson, writeTemp } from './testing/pdfTools';
import type { BundleImagePage, BundlePdfInput } from './types';
import { renderPdfPage } from '../../testing/pdfRender';

/** Bundles of generated pages: long indexes and manifests, cancelling, resolution, image formats. */

const work = tempDir('dalel-bundle-layout-');
afterAll(() => work.remove());

/** A plain page image: `width` × `height` pixels of light grey paper. */
async function paper(width: number, height: number, dpi: number, format: 'png' | 'jpeg' = 'png'): Promise<BundleImagePage> {
  const image = sharp({ create: { width, height, channels: 3, background: '#eeeeee' } });
  const bytes = format === 'png' ? await image.png().toBuffer() : await image.jpeg().toBuffer();
  return { kind: 'image', image: bytes, mime: format === 'png' ? 'image/png' : 'image/jpeg', width, height, dpi, words: [{ text: 'Paper', bbox: [10, 10, 60, 30], conf: 90 }] };
}

function longBundle(page: BundleImagePage, documents: number, redactions: number): BundlePdfInput {
  const sections = ['Decisions', 'Certificates', 'Correspondence'].map((title, s) => ({
    title,
    documents: Array.from({ length: documents / 3 }, (_, d) =>
      bundleDocument(
        {
          title: `${title} ${d + 1}: ${'Решение Комитета миграционной службы об отказе в выдаче разрешения '.repeat(1 + (d % 3))}`,
          description: d % 2 ? 'Нотариально заверенная копия' : '',
          date: '2021-04-02',
          fileName: `document_${s}_${d}.pdf`,
          sha256: 'f'.repeat(64),
        },
        1 + (d % 2),
        () => page,
      ),
    ),
  }));
  return bundleInput(sections, {
    stampPrefix: 'Appeal ',
    manifest: {
      auditHead: 'ab'.repeat(32),
      generatedAt: '2026-11-28T20:00:00.000Z',
      redactions: Array.from({ length: redactions }, (_, i) => ({ page: 5 + i, box: [1, 2, 3, 4] as [number, number, number, number], reason: 'term' as const, label: `Redacted word ${i + 1}` })),
    },
  });
}

describe('bundle layout', () => {
  it('runs the index and the manifest over several pages, numbered exactly as layoutBundle says', async () => {
    const input = longBundle(await paper(100, 141, 12), 60, 90);
    const layout = layoutBundle(input);
    expect(layout.frontMatterPages).toBeGreaterThanOrEqual(4);
    expect(layout.manifestPages.lastPage - layout.manifestPages.firstPage).toBeGreaterThanOrEqual(2);

    const result = await writeBundlePdf(input);
    const file = writeTemp(work.path, 'long.pdf', result.bytes);
    expect(Number(pdfinfo(file).Pages)).toBe(layout.pages);
    expect({ ...result, bytes: null }).toEqual({ ...layout, bytes: null });

    const view = qpdfJson(file);
    const targets = Array.from({ length: layout.frontMatterPages - 1 }, (_, i) => linkTargets(view, i + 2)).flat();
    expect(targets).toEqual(layout.documents.map((range) => range.firstPage));
    for (const page of [1, 2, layout.frontMatterPages, layout.frontMatterPages + 1, layout.pages]) {
      expect(normalised(pdftotext(file, page, ['-x', '0', '-y', '817', '-W', '596', '-H', '25']))).toBe(`Appeal ${page} / ${layout.pages}`);
    }
    const manifest = normalised(pdftotext(file, layout.pages));
    expect(manifest).toContain(`${5 + 89} redacted word Redacted word 90 1, 2, 3, 4`);
  });

  it('links a translation to its original by id, not by title: two originals share a title, the second comes between', async () => {
    const page = await paper(400, 560, 50);
    const first = bundleDocument({ id: 'doc-first', title: 'Refusal', fileName: 'first.jpg' }, 1, () => page);
    const second = bundleDocument({ id: 'doc-second', title: 'Refusal', fileName: 'second.jpg' }, 1, () => page);
    const translation = bundleDocument({ id: 'doc-en', title: 'Refusal EN', fileName: 'en.jpg', translationOf: 'doc-first', translationOfTitle: 'Refusal (MIA, 2021)' }, 1, () => page);
    const input = bundleInput([{ title: 'Decisions', documents: [first, second, translation] }]);
    // The nearest document titled 'Refusal' is the second; the translation's original is the first.
    expect(flatten(input).map((flat) => flat.originalIndex)).toEqual([null, null, 0]);
    const file = writeTemp(work.path, 'translation.pdf', (await writeBundlePdf(input)).bytes);
    const tree = outline(await PDFDocument.load(readFileSync(file)))[0]!.children;
    expect(tree.map((item) => [item.title, item.children.map((child) => child.title)])).toEqual([
      ['Refusal', ['Refusal EN']],
      ['Refusal', []],
    ]);
    // The manifest page prints the original's title from its own field.
    expect(normalised(pdftotext(file))).toContain('Translation of: Refusal (MIA, 2021)');
  });

  it('writes the same bundle byte for byte from the same input', async () => {
    const page = await paper(200, 283, 24, 'jpeg');
    const first = await writeBundlePdf(longBundle(page, 3, 1));
    const second = await writeBundlePdf(longBundle(page, 3, 1));
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it('writes into a file the same bytes it would return, with their SHA-256, page images larger than a write chunk included', async () => {
    // Noise does not compress: each page image is a few MB, more than the writer gathers into one write.
    const noise = await sharp({ create: { width: 1600, height: 2262, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(2 * 1024 * 1024);
    const page: BundleImagePage = { kind: 'image', image: noise, mime: 'image/jpeg', width: 1600, height: 2262, dpi: 200, words: [] };
    const inMemory = await writeBundlePdf(longBundle(page, 3, 1));
    const file = join(work.path, 'streamed.pdf');
    const seen: number[] = [];
    const streamed = await writeBundlePdfToFile(longBundle(page, 3, 1), file, { onWritten: (written, total) => seen.push(written / total) });
    const bytes = readFileSync(file);
    expect(bytes.equals(Buffer.from(inMemory.bytes))).toBe(true);
    const { pageImages, ...written } = streamed;
    expect(written).toEqual({ ...layoutBundle(longBundle(page, 3, 1)), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    // Each document page's image object starts where the writer says (the leak check reads it there).
    const layout = layoutBundle(longBundle(page, 3, 1));
    expect([...pageImages.keys()]).toEqual([layout.documents[0]!.firstPage, layout.documents[0]!.firstPage + 1, layout.documents[0]!.firstPage + 2]);
    for (const image of pageImages.values()) {
      const head = bytes.subarray(image.offset, image.offset + 400).toString('latin1');
      expect(head).toMatch(/^\d+ 0 obj\n<<[^]*\/Subtype \/Image[^]*>>\nstream/);
      expect(image).toMatchObject({ width: 1600, height: 2262, sourceWidth: 1600, sourceHeight: 2262 });
    }
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
  });

  it('removes the file it was writing when the export is cancelled while writing', async () => {
    const controller = new AbortController();
    const input = longBundle(await paper(100, 141, 12), 30, 0);
    input.signal = controller.signal;
    const file = join(work.path, 'cancelled.pdf');
    const failure = await writeBundlePdfToFile(input, file, { onWritten: () => controller.abort() }).catch((error: unknown) => error);
    expect((failure as DalelFailure).toError()).toEqual({ code: 'cancelled', message: 'The export was cancelled.' });
    expect(existsSync(file)).toBe(false);
  });

  it('stops with a cancellation failure when the export is cancelled, loading no further page', async () => {
    const controller = new AbortController();
    const input = longBundle(await paper(100, 141, 12), 30, 0);
    input.signal = controller.signal;
    let seen = 0;
    input.onProgress = (done) => {
      seen = done;
      if (done === 3) controller.abort();
    };
    const failure = await writeBundlePdf(input).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DalelFailure);
    expect((failure as DalelFailure).toError()).toEqual({ code: 'cancelled', message: 'The export was cancelled.' });
    expect(seen).toBe(3);
    const loads = input.sections.flatMap((section) => section.documents).flatMap((document) => (document as unknown as { loads: number[] }).loads);
    expect(loads.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4); // three written, at most one fetched ahead
  });

  it('names the document and page when a page image cannot be written', async () => {
    const broken: BundleImagePage = { kind: 'image', image: Buffer.from('not an image'), mime: 'image/png', width: 100, height: 100, dpi: 72, words: [] };
    const good = await paper(100, 141, 12);
    const input = bundleInput([{ title: 'Scans', documents: [bundleDocument({ title: 'Letter' }, 2, (i) => (i === 0 ? good : broken))] }]);
    const failure = (await writeBundlePdf(input).catch((error: unknown) => error)) as DalelFailure;
    expect(failure).toBeInstanceOf(DalelFailure);
    expect(failure.code).toBe('internal');
    expect(failure.message).toBe('Page 2 of “Letter” could not be written into the bundle.');
  });

  it('downsamples an image finer than 300 DPI where it is placed, and never enlarges a small page', async () => {
    const page600 = await paper(1748, 1240, 600, 'jpeg'); // a 74 × 52 mm card at 600 DPI
    const page300 = await paper(2480, 3508, 300); // A4 at 300 DPI, words clear of the stamp strip: the whole sheet, kept as it is
    // A4 at 300 DPI with a word where the stamp goes: shrunk above the strip, so resampled to stay at 300 DPI.
    const footer = { ...(await paper(2480, 3508, 300)), words: [{ text: 'Footer', bbox: [1000, 3440, 1400, 3490] as [number, number, number, number], conf: 90 }] };
    const input = bundleInput([
      {
        title: 'Scans',
        documents: [
          bundleDocument({ title: '600 DPI card' }, 1, () => page600),
          bundleDocument({ title: 'A4 at 300 DPI' }, 1, () => page300),
          bundleDocument({ title: 'A4 with a footer' }, 1, () => footer),
        ],
      },
    ]);
    const file = writeTemp(work.path, 'dpi.pdf', (await writeBundlePdf(input)).bytes);
    const [card, a4, footed] = pdfimages(file);
    expect(footed!.width).toBeLessThan(2480);
    expect(footed!.xPpi).toBeLessThanOrEqual(300);
    expect(footed!.yPpi).toBeLessThanOrEqual(300);
    // Its words stay on the word, above the stamp.
    const word = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">Footer</.exec(pdftotext(file, 5, ['-bbox']));
    expect(Number(word![1])).toBeLessThanOrEqual(841.89 - 24);
    expect(card).toMatchObject({ encoding: 'jpeg' });
    expect(Math.abs(card!.width - 874)).toBeLessThanOrEqual(1);
    expect(Math.abs(card!.height - 620)).toBeLessThanOrEqual(1);
    expect(card!.xPpi).toBeLessThanOrEqual(300);
    expect(a4).toMatchObject({ width: 2480, height: 3508 });
    expect(a4!.xPpi).toBeLessThanOrEqual(300);
    expect(a4!.yPpi).toBeLessThanOrEqual(300);
    // The card keeps its size on paper (74 mm = 210 pt wide), not blown up to the page.
    const box = /<word xMin="([\d.]+)"[^>]*>Paper</.exec(pdftotext(file, 3, ['-bbox']));
    expect(box).not.toBeNull();
    expect(Number(box![1])).toBeCloseTo((595.28 - 1748 * 0.12) / 2 + 10 * 0.12, 0);
  });

  it('shows an original PDF page turned by /Rotate the way a viewer shows it, its text still searchable', async () => {
    const original = await PDFDocument.create();
    const page = original.addPage([595, 842]);
    page.drawText('ROTATED', { x: 50, y: 50, size: 20, font: await original.embedFont(StandardFonts.Helvetica) });
    page.setRotation(degrees(90));
    const pdf = await original.save();
    const fallback = await paper(10, 10, 72);
    const input = bundleInput([{ title: 'Turned', documents: [bundleDocument({ title: 'Landscape' }, 1, () => ({ kind: 'pdf', pdf, pageIndex: 0, fallback: async () => fallback }))] }]);
    const file = writeTemp(work.path, 'rotated.pdf', (await writeBundlePdf(input)).bytes);
    // Shown 842 × 595 (turned clockwise), fitted to the page width: scale 595.28 / 842, centred above the stamp strip.
    const scale = 595.28 / 842;
    const shownHeight = 595 * scale;
    const top = 841.89 - (24 + (841.89 - 24 - shownHeight) / 2 + shownHeight); // from the top of the page, as pdftotext counts
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">ROTATED</.exec(pdftotext(file, 3, ['-bbox']));
    expect(word).not.toBeNull();
    // User-space (50, 50) lands 50 units from the left and 50 from the top of what is shown; the text runs down.
    expect(Number(word![1])).toBeLessThan(50 * scale); // the baseline, with the letters on its right
    expect(Number(word![3])).toBeGreaterThan(50 * scale + 5);
    expect(Number(word![3])).toBeLessThan(50 * scale + 20 * scale);
    expect(Number(word![2])).toBeCloseTo(top + 50 * scale, 0);
    expect(Number(word![4]) - Number(word![2])).toBeGreaterThan(50); // 7 letters at 20 pt, downwards
  });

  it('shows PNGs of every kind as they are: grey, RGB, palette, 1-bit, 16-bit, with transparency', async () => {
    const rgb = await sharp({ create: { width: 60, height: 40, channels: 3, background: { r: 200, g: 30, b: 40 } } }).png().toBuffer();
    const variants: Record<string, Buffer> = {
      rgb,
      grey: await sharp(rgb).grayscale().toColourspace('b-w').png().toBuffer(),
      palette: await sharp(rgb).png({ palette: true, colours: 4 }).toBuffer(),
      bilevel: await sharp(rgb).grayscale().toColourspace('b-w').png({ palette: true, colours: 2 }).toBuffer(),
      deep: await sharp(rgb).toColourspace('rgb16').png().toBuffer(),
      alpha: await sharp({ create: { width: 60, height: 40, channels: 4, background: { r: 200, g: 30, b: 40, alpha: 0.5 } } }).png().toBuffer(),
    };
    const documents = Object.entries(variants).map(([title, image]) =>
      bundleDocument({ title }, 1, () => ({ kind: 'image', image, mime: 'image/png', width: 60, height: 40, dpi: 72, words: [] })),
    );
    const input = bundleInput([{ title: 'PNGs', documents }]);
    const result = await writeBundlePdf(input);
    const file = writeTemp(work.path, 'png.pdf', result.bytes);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const names = Object.keys(variants);
    for (const [i, name] of names.entries()) {
      // Render the page at 72 DPI and read the pixel in the middle of the image (centred on the page).
      const { pixels: data, width, channels } = renderPdfPage(file, 3 + i, 72);
      const x = Math.round(595.28 / 2);
      const y = Math.round(841.89 - (24 + (841.89 - 24) / 2));
      const at = (y * width + x) * channels;
      const [r, g, b] = [data[at]!, data[at + 1]!, data[at + 2]!];
      const expected = await sharp(variants[name]!).flatten({ background: '#ffffff' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
      const [er, eg, eb] = [expected[0]!, expected[1]!, expected[2]!];
      expect([name, Math.abs(r - er) + Math.abs(g - eg) + Math.abs(b - eb) <= 24]).toEqual([name, true]);
    }
  });
});
