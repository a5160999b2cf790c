import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/fixtures';
import { layoutBundle, writeBundlePdf, writeFrontMatterPdf } from './index';
import { CORPUS_DIR, bundleDocument, bundleInput, corpusImages, imagePage, pdfDocument, type CorpusImage } from './testing/corpusBundle';
import { linkTargets, normalised, pageSizes, pdfimages, pdfinfo, pdftotext, qpdfJson, uncompressed, writeTemp } from './testing/pdfTools';
import type { BundlePdfInput, BundlePdfResult } from './types';

/**
 * A bundle built from the corpus — scans with an OCR layer, born-digital PDFs kept as vectors, a
 * translation, an encrypted PDF and one carrying JavaScript — read back with pdfinfo, pdftotext,
 * pdfimages and qpdf, as the people receiving it would.
 */

const work = tempDir('dalel-bundle-pdf-');
afterAll(() => work.remove());

/** Words in every script of the casework, put on the first scan where the page is empty (near its foot). */
const PROBES = [
  { text: 'Министерство', bbox: [300, 3300, 700, 3360] },
  { text: 'Қазақстан', bbox: [760, 3300, 1060, 3360] },
  { text: 'әғқңөұүһі', bbox: [1120, 3300, 1420, 3360] },
  { text: 'Refugee', bbox: [1480, 3300, 1700, 3360] },
  { text: '公安局', bbox: [1760, 3300, 1940, 3360] },
] as const;

const corpus = (file: string) => readFileSync(join(CORPUS_DIR, file));

let images: Map<string, CorpusImage>;
let input: BundlePdfInput;
let result: BundlePdfResult;
let file: string;
let view: ReturnType<typeof qpdfJson>;
let documents: ReturnType<typeof makeDocuments>;
const progress: Array<[number, number]> = [];

function makeDocuments() {
  const scan = images.get('scan_0001.jpg')!;
  const scanPage = imagePage(scan);
  scanPage.words = [...scanPage.words, ...PROBES.map((probe) => ({ text: probe.text, bbox: [...probe.bbox] as [number, number, number, number], conf: 95 }))];
  const fax = imagePage(images.get('fax_20210522.png')!);
  return {
    refusal: bundleDocument({ title: 'Refusal of permanent residence (MIA, 02.04.2021)', date: '2021-04-02', fileName: 'scan_0001.jpg', sha256: 'a1'.repeat(32) }, 1, () => scanPage),
    letter: pdfDocument({ title: 'NGO letter 45-21 to the Migration Committee', date: '2021-10-25', fileName: 'ngo_letter_45-21.pdf', sha256: 'b2'.repeat(32) }, corpus('ngo_letter_45-21.pdf'), 1, () => fax),
    certificate: bundleDocument({ title: 'Refugee certificate of Aigerim', fileName: 'certificate_aigerim.png', description: 'Both sides, scanned at 200 DPI' }, 1, () =>
      imagePage(images.get('certificate_aigerim.png')!),
    ),
    notice: bundleDocument({ title: 'Police notice 限期返回通知书', date: '2019-02-20', fileName: 'scan_0017.jpg' }, 1, () => imagePage(images.get('scan_0017.jpg')!)),
    appeal: pdfDocument({ id: 'doc-appeal', title: 'Appeal draft v2', fileName: 'appeal_draft_Askaruly_v2.pdf', sha256: 'c3'.repeat(32) }, corpus('appeal_draft_Askaruly_v2.pdf'), 2, () => fax),
    translation: bundleDocument({ title: 'English translation of the refusal', fileName: 'scan_0008.jpg', translationOf: 'doc-appeal', translationOfTitle: 'Appeal draft v2' }, 1, () =>
      imagePage(images.get('scan_0008.jpg')!),
    ),
    encrypted: pdfDocument({ title: 'Password-protected cover letter', fileName: 'bundle_protected.pdf' }, corpus('bad/bundle_protected.pdf'), 1, () => fax),
    scripted: pdfDocument({ title: 'Cover sheet with JavaScript', fileName: 'evidence_cover_js.pdf' }, corpus('bad/evidence_cover_js.pdf'), 1, () => fax),
    notPdf: pdfDocument({ title: 'Notes saved as .pdf', fileName: 'notes_client.pdf' }, corpus('bad/notes_client.pdf'), 1, () => fax),
  };
}

beforeAll(async () => {
  images = new Map((await corpusImages()).map((image) => [image.file, image]));
  documents = makeDocuments();
  const d = documents;
  input = bundleInput(
    [
      { title: 'Decisions', documents: [d.refusal, d.notice] },
      { title: 'Certificates', documents: [d.certificate] },
      { title: 'Correspondence', documents: [d.letter, d.appeal, d.translation, d.encrypted, d.scripted, d.notPdf] },
    ],
    {
      onProgress: (done, total) => progress.push([done, total]),
      manifest: {
        auditHead: '7f3a9c0e5b2d41f8a6e0c9b7d3f1a2e4c6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6',
        generatedAt: '2026-11-28T20:00:00.000Z',
        redactions: [
          { page: 3, box: [120, 340, 600, 60], reason: 'protected-person', label: 'Protected person P-03' },
          { page: 6, box: [80, 900, 410, 52], reason: 'manual', label: 'address of a relative' },
        ],
      },
    },
  );
  result = await writeBundlePdf(input);
  file = writeTemp(work.path, 'bundle.pdf', result.bytes);
  view = qpdfJson(file);
});

/** Documents in bundle order, as the layout lists them. */
const order = () => input.sections.flatMap((section) => section.documents);
const firstPageOf = (document: object) => result.documents[order().indexOf(document as never)]!.firstPage;

describe('the bundle PDF', () => {
  it('has cover + index + document pages + manifest pages, as layoutBundle said, every page A4', () => {
    const layout = layoutBundle(input);
    const documentPages = order().reduce((sum, document) => sum + document.pageCount, 0);
    const manifestPages = layout.manifestPages.lastPage - layout.manifestPages.firstPage + 1;
    expect(Number(pdfinfo(file).Pages)).toBe(layout.pages);
    expect(layout.pages).toBe(layout.frontMatterPages + documentPages + manifestPages);
    expect(layout.frontMatterPages).toBeGreaterThanOrEqual(2); // the cover and at least one index page
    expect({ ...result, bytes: undefined }).toEqual({ ...layout, bytes: undefined });
    expect(pageSizes(file, layout.pages)).toEqual(Array.from({ length: layout.pages }, () => '595.28 x 841.89 pts (A4)'));
  });

  it('carries a page stamp matching its own page number on every page', () => {
    // Only the text in the strip below the content (the bottom 24 pt), which must hold the stamp alone.
    const strip = ['-x', '0', '-y', String(Math.floor(841.89 - 24)), '-W', '596', '-H', '25'];
    for (let page = 1; page <= result.pages; page++) {
      expect(normalised(pdftotext(file, page, strip))).toMatch(new RegExp(`^${page} ?/ ?${result.pages}$`));
    }
  });

  it('says what it is deliberately: title, Dalel as producer and creator, no author, no XMP', () => {
    const info = pdfinfo(file);
    expect(info.Title).toBe(input.title);
    expect(info.Producer).toBe('Dalel');
    expect(info.Creator).toBe('Dalel');
    expect(info.CreationDate).toBe('Sat Nov 28 20:00:00 2026 UTC');
    expect(info.ModDate).toBe(info.CreationDate);
    expect(info).not.toHaveProperty('Author');
    expect(info).not.toHaveProperty('Subject');
    expect(info).not.toHaveProperty('Keywords');
    expect(info['Metadata Stream']).toBe('no');
    expect(info.JavaScript).toBe('no');
  });

  it('links every index line to the first page of its document', () => {
    const targets: number[] = [];
    for (let page = 2; page <= result.frontMatterPages; page++) targets.push(...linkTargets(view, page));
    expect(targets).toEqual(result.documents.map((range) => range.firstPage));
    expect(linkTargets(view, 1)).toEqual([]);
  });

  it('prints each document with its date and page range in the index, translations after their original', () => {
    const index = normalised(pdftotext(file, 2));
    expect(index).toContain('Decisions');
    expect(index).toContain('Correspondence');
    const appeal = result.documents[order().indexOf(documents.appeal)]!;
    expect(index).toMatch(new RegExp(`Appeal draft v2 — ${appeal.firstPage}–${appeal.lastPage}`));
    expect(index).toContain('Refusal of permanent residence (MIA, 02.04.2021) 2021-04-02');
    expect(index.indexOf('English translation of the refusal')).toBeGreaterThan(index.indexOf('Appeal draft v2'));
    expect(index).toContain('限期返回通知书');
  });

  it('has one bookmark per section with one entry per document, each opening its first page', () => {
    expect(view.outlines.map((section) => section.title)).toEqual(['Decisions', 'Certificates', 'Correspondence']);
    const entries = view.outlines.flatMap((section) => section.kids.flatMap((kid) => [kid, ...kid.kids]));
    expect(entries.map((entry) => entry.title)).toEqual(
      ['Refusal of permanent residence (MIA, 02.04.2021)', 'Police notice 限期返回通知书', 'Refugee certificate of Aigerim', 'NGO letter 45-21 to the Migration Committee', 'Appeal draft v2', 'English translation of the refusal', 'Password-protected cover letter', 'Cover sheet with JavaScript', 'Notes saved as .pdf'],
    );
    for (const [i, entry] of entries.entries()) expect(entry.destpageposfrom1).toBe(result.documents[i]!.firstPage);
    const appeal = view.outlines[2]!.kids.find((kid) => kid.title === 'Appeal draft v2')!;
    expect(appeal.kids.map((kid) => kid.title)).toEqual(['English translation of the refusal']);
  });

  it('lets pdftotext find the invisible OCR words of a scanned page, in Russian, Kazakh, English and Chinese, where the image shows them', () => {
    const page = firstPageOf(documents.refusal);
    const text = normalised(pdftotext(file, page));
    for (const probe of PROBES) expect(text).toContain(probe.text);
    expect(text).toContain('срок действия паспорта гражданина Китайской Народной Республики'); // the page's own OCR layer
    expect(normalised(pdftotext(file, firstPageOf(documents.notice)))).toContain('限期返回通知书');
    expect(normalised(pdftotext(file, page - 1))).not.toContain('Министерство');

    // The scan (2480 × 3508 px at 300 DPI), its words clear of the stamp strip, fills the sheet at its own resolution.
    const scale = 841.89 / 3508;
    const left = (595.28 - 2480 * scale) / 2;
    const words = pdftotext(file, page, ['-bbox']);
    const refugee = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Refugee<\/word>/.exec(words)!;
    expect(Number(refugee[1])).toBeCloseTo(left + 1480 * scale, 0);
    expect(Number(refugee[3])).toBeCloseTo(left + 1700 * scale, 0);
    const middle = (Number(refugee[2]) + Number(refugee[4])) / 2;
    expect(Math.abs(middle - 3330 * scale)).toBeLessThan(3);
  });

  it('keeps the vector text of original PDFs', () => {
    expect(normalised(pdftotext(file, firstPageOf(documents.letter)))).toContain('Общественный фонд «Центр правовой помощи «Дала»»');
    const appeal = result.documents[order().indexOf(documents.appeal)]!;
    expect(normalised(pdftotext(file, appeal.lastPage))).toContain('Copy of refugee certificate No. 000134');
    expect(documents.letter.fallbacks).toEqual([]);
    expect(documents.appeal.fallbacks).toEqual([]);
    expect(documents.letter.loads).toEqual([1]);
  });

  it('falls back to the page image when pdf-lib cannot read the original (encrypted, not a PDF)', () => {
    expect(documents.encrypted.fallbacks).toEqual([0]);
    expect(documents.notPdf.fallbacks).toEqual([0]);
    const faxText = normalised(pdftotext(file, firstPageOf(documents.encrypted)));
    expect(faxText).toContain(images.get('fax_20210522.png')!.lines[0]!.trim().split(/\s+/)[0]);
  });

  it('carries no script, action or annotation of the originals, and none of their document information', () => {
    expect(documents.scripted.fallbacks).toEqual([]); // the page itself is embedded, as vectors
    expect(normalised(pdftotext(file, firstPageOf(documents.scripted)))).toContain('Evidence bundle - cover sheet');
    const raw = uncompressed(file, work.path).toString('latin1');
    const objects = raw.replace(/\nstream\r?\n[\s\S]*?\nendstream/g, ''); // dictionaries only: image data holds any bytes
    expect(objects.match(/\/(JavaScript|JS|OpenAction|AA|Metadata|Author|EmbeddedFile)(?![A-Za-z0-9+#])/g) ?? []).toEqual([]);
    expect(raw.match(/app\.alert|corpus-gen/g) ?? []).toEqual([]);
    const annotated = view.pages.map((_, i) => linkTargets(view, i + 1).length).flatMap((count, i) => (count ? [i + 1] : []));
    expect(annotated.every((page) => page <= result.frontMatterPages)).toBe(true);
  });

  it('ends with a manifest: audit head, every document with file name, SHA-256 and pages, and the redaction log', () => {
    const text = normalised(
      Array.from({ length: result.manifestPages.lastPage - result.manifestPages.firstPage + 1 }, (_, i) => pdftotext(file, result.manifestPages.firstPage + i)).join('\n'),
    );
    expect(text).toContain('2026-11-28T20:00:00.000Z');
    expect(text).toContain(input.manifest.auditHead);
    for (const [i, document] of order().entries()) {
      expect(text).toContain(document.fileName);
      expect(text).toContain(`${document.sha256.slice(0, 32)} ${document.sha256.slice(32)}`);
      const range = result.documents[i]!;
      expect(text).toContain(range.firstPage === range.lastPage ? `${range.firstPage} ` : `${range.firstPage}–${range.lastPage}`);
    }
    expect(text).toContain('3 protected person Protected person P-03 120, 340, 600, 60');
    expect(text).toContain('6 drawn by hand address of a relative 80, 900, 410, 52');
  });

  it('places images at no more than 300 DPI', () => {
    const listed = pdfimages(file);
    expect(listed.length).toBeGreaterThanOrEqual(6);
    for (const image of listed) {
      expect(image.xPpi).toBeLessThanOrEqual(300);
      expect(image.yPpi).toBeLessThanOrEqual(300);
    }
    expect(listed.find((image) => image.width === 1165)).toMatchObject({ encoding: 'image', bpc: 8, colour: 'gray' }); // the PNG, passed through
  });

  it('reports progress once per document page', () => {
    const total = order().reduce((sum, document) => sum + document.pageCount, 0);
    expect(progress).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it('writes the same cover and index alone, without loading a document page', async () => {
    const loads = () => order().map((document) => (document as unknown as { loads: number[] }).loads.reduce((a, b) => a + b, 0));
    const before = loads();
    const front = writeTemp(work.path, 'front.pdf', await writeFrontMatterPdf(input));
    expect(loads()).toEqual(before);
    expect(Number(pdfinfo(front).Pages)).toBe(result.frontMatterPages);
    for (let page = 1; page <= result.frontMatterPages; page++) expect(pdftotext(front, page)).toBe(pdftotext(file, page));
    expect(pdfinfo(front).Producer).toBe('Dalel');
  });
});
