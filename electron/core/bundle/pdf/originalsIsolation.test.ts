/**
 * An original PDF is a stranger's file: at export it is read in the parser process, like every other
 * parse, and never by pdf-lib in the process that writes the bundle (issue 12, item 6). The writer builds
 * the page from plain data, and checks that data again, since a parser process a file took over could
 * send anything: each forged answer below must end as the page's image, with nothing of it left in the
 * file, and what it may send (odd names, strings with parentheses) cannot become PDF syntax.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFOperator, PDFOperatorNames as Ops, PDFStream, PDFString, type PDFObject, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createFileParser, nodeParserProcesses, type OriginalPageReader, type OriginalPages, type PdfValue } from '../../import/parse';
import { readOriginalPages } from '../../import/parse/originalPages';
import { hostilePdfs } from '../../import/parse/testing/hostilePdfs';
import { tempDir } from '../../testing/fixtures';
import { writeBundlePdf } from './index';
import { CORPUS_DIR, bundleInput, pdfDocument } from './testing/corpusBundle';
import { inProcessOriginals } from './testing/inProcessOriginals';
import { normalised, pdftotext, uncompressed, writeTemp } from './testing/pdfTools';
import type { BundleImagePage } from './types';

/** An inline property list for BDC: pdf-lib writes a dictionary operand as it is, but its types allow names and strings only. */
const inline = (dict: PDFDict) => dict as unknown as PDFName;

const work = tempDir('dalel-originals-');
const parser = createFileParser({ processes: nodeParserProcesses() });
afterAll(async () => {
  await parser.close();
  work.remove();
});
afterEach(() => vi.restoreAllMocks());

const corpus = (file: string) => readFileSync(join(CORPUS_DIR, file));
const letterBytes = corpus('ngo_letter_45-21.pdf');
const appealBytes = corpus('appeal_draft_Askaruly_v2.pdf');

/** The page image a page falls back to: a blank A4 at 50 DPI is enough to tell it from the vectors. */
async function fax(): Promise<BundleImagePage> {
  const image = await sharp({ create: { width: 413, height: 585, channels: 3, background: '#ffffff' } }).png().toBuffer();
  return { kind: 'image', image, mime: 'image/png', width: 413, height: 585, dpi: 50, words: [] };
}

/** A reader that counts its calls, around another. */
function counting(inner: OriginalPageReader): OriginalPageReader & { calls: number[][] } {
  const calls: number[][] = [];
  return { calls, originalPages: (pdf, pages, options) => (calls.push(pages), inner.originalPages(pdf, pages, options)) };
}

/** Every time pdf-lib was asked to load one of these originals in this process. */
function loadsOf(...originals: Uint8Array[]): () => number {
  const load = vi.spyOn(PDFDocument, 'load');
  return () => load.mock.calls.filter(([bytes]) => originals.some((original) => Buffer.from(bytes as Uint8Array).equals(Buffer.from(original)))).length;
}

describe('original PDFs at export', () => {
  it('are read in the parser process: the writer keeps their vector text and never loads them itself', async () => {
    const loads = loadsOf(letterBytes, appealBytes);
    const reader = counting(parser);
    const image = await fax();
    const letter = pdfDocument({ title: 'NGO letter', fileName: 'ngo_letter_45-21.pdf' }, letterBytes, 1, () => image);
    const appeal = pdfDocument({ title: 'Appeal draft', fileName: 'appeal_draft_Askaruly_v2.pdf' }, appealBytes, 2, () => image);
    const result = await writeBundlePdf(bundleInput([{ title: 'Letters', documents: [letter, appeal] }], { originals: reader }));
    expect([letter.fallbacks, appeal.fallbacks]).toEqual([[], []]);
    expect(reader.calls.map((pages) => pages.slice(0, 2))).toEqual([
      [0, 1],
      [0, 1],
    ]); // one parse per document: both pages of the appeal came in one call
    expect(loads()).toBe(0);
    const file = writeTemp(work.path, 'isolated.pdf', result.bytes);
    expect(normalised(pdftotext(file, result.documents[0]!.firstPage))).toContain('Общественный фонд «Центр правовой помощи «Дала»»');
    expect(normalised(pdftotext(file, result.documents[1]!.lastPage))).toContain('Copy of refugee certificate No. 000134');
  });

  it('control: read in this process (as before issue 12), pdf-lib loads the original here', async () => {
    const loads = loadsOf(letterBytes);
    const image = await fax();
    const letter = pdfDocument({ title: 'NGO letter' }, letterBytes, 1, () => image);
    await writeBundlePdf(bundleInput([{ title: 'Letters', documents: [letter] }], { originals: inProcessOriginals }));
    expect(loads()).toBe(1);
  });

  it('a Flate bomb and a page tree that loops are refused in the parser process; the pages go in as their images', async () => {
    // Until issue 12 the writer inflated the bomb's 256 MiB here, and pdf-lib recursed through the loop here.
    const hostile = new Map(hostilePdfs());
    const reader = counting(parser);
    const image = await fax();
    const bomb = pdfDocument({ title: 'Bomb' }, hostile.get('flate-bomb.pdf')!, 1, () => image);
    const loop = pdfDocument({ title: 'Loop' }, hostile.get('pages-loop.pdf')!, 1, () => image);
    await writeBundlePdf(bundleInput([{ title: 'Hostile', documents: [bomb, loop] }], { originals: reader }));
    expect([bomb.fallbacks, loop.fallbacks]).toEqual([[0], [0]]);
    const answers = await Promise.all([parser.originalPages(hostile.get('flate-bomb.pdf')!, [0]), parser.originalPages(hostile.get('pages-loop.pdf')!, [0])]);
    expect(answers.map((answer) => ('refused' in answer.pages[0]! ? answer.pages[0].refused : 'copied'))).toEqual(['The page draws too much to be copied.', 'Maximum call stack size exceeded']);
  });

  it('a page that carries text it does not show (ActualText, Alt, E) is refused and goes in as its image; the same page without it is copied', async () => {
    // pdftotext, copy and paste and screen readers give such text as the page's; pdf.js does not, so no
    // reading of the page had it, redaction could not find a name there, and the bundle carried it.
    const hidden = PDFHexString.fromText('Zhanar Toleubekkyzy');
    const variants: Array<[string, (doc: PDFDocument, page: PDFPage) => void]> = [
      ['plain tags', (_doc, page) => page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span'), PDFName.of('MC0')]))],
      ['ActualText', (doc, page) => page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span'), inline(doc.context.obj({ ActualText: hidden }))]))],
      ['Alt', (doc, page) => page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Figure'), inline(doc.context.obj({ Alt: hidden }))]))],
      ['E', (doc, page) => page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span'), inline(doc.context.obj({ E: hidden }))]))],
      [
        'a named property list',
        (doc, page) => {
          page.node.Resources()!.set(PDFName.of('Properties'), doc.context.obj({ MC1: { ActualText: hidden } }));
          page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span'), PDFName.of('MC1')]));
        },
      ],
      [
        'a form it draws',
        (doc, page) => {
          const form = doc.context.stream(`/Span <</ActualText ${hidden.toString()}>> BDC 0 0 10 10 re f EMC`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10] });
          page.node.setXObject(PDFName.of('Fm0'), doc.context.register(form));
          page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span')]), PDFOperator.of(Ops.DrawObject, [PDFName.of('Fm0')]));
        },
      ],
    ];
    const answers: string[] = [];
    for (const [, mark] of variants) {
      const doc = await PDFDocument.create();
      const page = doc.addPage([595, 842]);
      page.drawText('Mother: Z. T. (see annex)', { x: 60, y: 700, size: 12 });
      mark(doc, page);
      page.drawRectangle({ x: 60, y: 600, width: 100, height: 40 });
      page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
      const answer = await parser.originalPages(await doc.save(), [0]);
      answers.push('refused' in answer.pages[0]! ? answer.pages[0].refused : 'copied');
    }
    const refused = 'The page carries text it does not show (ActualText, Alt or E).';
    expect(answers).toEqual(['copied', refused, refused, refused, refused, refused]);
  });

  it('a page carries only the resources its content names: a picture its resources share with another page stays out', async () => {
    // Producers that give every page one resource dictionary: page 1 copied as vectors carried page 2's
    // picture (a notice naming a protected relative) though page 2 went in burned, extractable by any tool.
    const doc = await PDFDocument.create();
    const notice = await doc.embedPng(await sharp({ create: { width: 875, height: 125, channels: 3, background: '#3366cc' } }).png().toBuffer());
    const logo = await doc.embedPng(await sharp({ create: { width: 200, height: 80, channels: 3, background: '#88aacc' } }).png().toBuffer());
    const first = doc.addPage([595, 842]);
    first.drawText('Letter of the Migration Service. The notice is on page 2.', { x: 60, y: 770, size: 12 });
    first.drawImage(logo, { x: 60, y: 600, width: 100, height: 40 });
    const second = doc.addPage([595, 842]);
    second.drawImage(notice, { x: 60, y: 600, width: 300, height: 43 });
    first.node.setXObject(PDFName.of('SharedNotice'), notice.ref);
    const bytes = await doc.save();
    const sizes = async (pages: number[]) => {
      const image = await fax();
      const letter = pdfDocument({ title: 'Letter' }, bytes, 2, (index) => ({ ...image, pageIndex: index }));
      const result = await writeBundlePdf(bundleInput([{ title: 'Letters', documents: [letter] }], { originals: parser }));
      expect(letter.fallbacks).toEqual(pages);
      const written = await PDFDocument.load(result.bytes);
      return written.context
        .enumerateIndirectObjects()
        .map(([, object]) => object)
        .filter((object): object is PDFStream => object instanceof PDFStream && object.dict.get(PDFName.of('Subtype'))?.toString() === '/Image')
        .map((object) => `${object.dict.get(PDFName.of('Width'))?.toString()}x${object.dict.get(PDFName.of('Height'))?.toString()}`)
        .sort();
    };
    // Both pages copied: each picture once, the notice drawn by page 2. Page 2 as its image (as a burned page goes in): no notice at all.
    expect(await sizes([])).toEqual(['200x80', '875x125']);
    vi.spyOn(parser, 'originalPages').mockImplementation(async (pdf, pages) => {
      const answer = await readOriginalPages(pdf, pages);
      return { ...answer, pages: answer.pages.map((page) => (page.index === 1 ? { index: 1, refused: 'burned' } : page)) };
    });
    expect(await sizes([1])).toEqual(['200x80', '413x585']);
  });

  it('says which pages draw pictures (an image, through a form, inline), and not a picture the page only shares', async () => {
    const doc = await PDFDocument.create();
    const logo = await doc.embedPng(await sharp({ create: { width: 20, height: 8, channels: 3, background: '#88aacc' } }).png().toBuffer());
    const text = doc.addPage([595, 842]);
    text.drawText('Only text', { x: 60, y: 770, size: 12 });
    const drawn = doc.addPage([595, 842]);
    drawn.drawImage(logo, { x: 60, y: 600, width: 100, height: 40 });
    const shared = doc.addPage([595, 842]);
    shared.drawText('Text, and a picture in the resources it never draws', { x: 60, y: 770, size: 12 });
    shared.node.setXObject(PDFName.of('Unused'), logo.ref);
    const inline = doc.addPage([595, 842]);
    const form = doc.context.stream('q 10 0 0 10 60 600 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \xff EI Q', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: {} });
    const formRef = doc.context.register(form);
    inline.node.setXObject(PDFName.of('Fm0'), formRef);
    inline.pushOperators(PDFOperator.of(Ops.DrawObject, [PDFName.of('Fm0')]));
    // The same picture and form on a later page asked for in the same call, whose objects the answer shares.
    const again = doc.addPage([595, 842]);
    again.drawImage(logo, { x: 60, y: 500, width: 100, height: 40 });
    const formAgain = doc.addPage([595, 842]);
    formAgain.node.setXObject(PDFName.of('Fm0'), formRef);
    formAgain.pushOperators(PDFOperator.of(Ops.DrawObject, [PDFName.of('Fm0')]));
    const answer = await parser.originalPages(await doc.save(), [0, 1, 2, 3, 4, 5]);
    expect(answer.pages.map((page) => ('refused' in page ? page.refused : page.pictures))).toEqual([false, true, false, true, true, true]);
  });

  it('keeps what a form without resources of its own draws from the page’s (PDF 1.0 forms)', async () => {
    const doc = await PDFDocument.create();
    const logo = await doc.embedPng(await sharp({ create: { width: 200, height: 80, channels: 3, background: '#88aacc' } }).png().toBuffer());
    const page = doc.addPage([595, 842]);
    page.drawText('Letter of the Migration Service', { x: 60, y: 770, size: 12 });
    page.node.setXObject(PDFName.of('Logo'), logo.ref);
    const form = doc.context.stream('q 100 0 0 40 60 600 cm /Logo Do Q', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842] });
    page.node.setXObject(PDFName.of('Fm0'), doc.context.register(form));
    page.pushOperators(PDFOperator.of(Ops.DrawObject, [PDFName.of('Fm0')]));
    const image = await fax();
    const letter = pdfDocument({ title: 'Letter' }, await doc.save(), 1, () => image);
    const result = await writeBundlePdf(bundleInput([{ title: 'Letters', documents: [letter] }], { originals: parser }));
    expect(letter.fallbacks).toEqual([]);
    const file = writeTemp(work.path, 'old-form.pdf', result.bytes);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/\bimage\s+200\s+80\b/);
  });

  it('without a parser process every PDF page goes in as its image', async () => {
    const image = await fax();
    const letter = pdfDocument({ title: 'NGO letter' }, letterBytes, 1, () => image);
    await writeBundlePdf(bundleInput([{ title: 'Letters', documents: [letter] }], { originals: undefined }));
    expect(letter.fallbacks).toEqual([0]);
  });
});

const text = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'));
const name = (value: string): PdfValue => ({ t: 'name', v: text(value) });
const dict = (entries: Record<string, PdfValue>): PdfValue => ({ t: 'dict', v: Object.entries(entries).map(([key, value]) => [text(key), value]) });
const MARKER = 'DalelForgedMarker';

/** What a taken-over parser process might answer for page 1, built around the letter's real page. */
async function forged(change: (real: OriginalPages) => OriginalPages): Promise<OriginalPageReader> {
  const real = await readOriginalPages(letterBytes, [0]);
  return { originalPages: async () => change(structuredClone(real)) };
}

function withResources(resources: (real: PdfValue) => PdfValue, objects: Array<[number, PdfValue]> = []) {
  return (real: OriginalPages): OriginalPages => {
    const page = real.pages[0]!;
    if ('refused' in page) throw new Error('the letter should be readable');
    return { pages: [{ ...page, resources: resources(page.resources) }], objects: [...real.objects, ...objects] };
  };
}

function addEntry(resources: PdfValue, key: string, value: PdfValue): PdfValue {
  if (resources.t !== 'dict') throw new Error('resources are a dictionary');
  return { t: 'dict', v: [...resources.v, [text(key), value]] };
}

async function exportWith(reader: OriginalPageReader, fileName: string): Promise<{ fallbacks: number[]; raw: string }> {
  const image = await fax();
  const letter = pdfDocument({ title: 'NGO letter' }, letterBytes, 1, () => image);
  const result = await writeBundlePdf(bundleInput([{ title: 'Letters', documents: [letter] }], { originals: reader }));
  const file = writeTemp(work.path, fileName, result.bytes);
  return { fallbacks: letter.fallbacks, raw: uncompressed(file, work.path).toString('latin1') };
}

describe('a parser process that sends forged pages', () => {
  const FORGERIES: Array<[string, (real: OriginalPages) => OriginalPages]> = [
    ['a script reached from the resources', withResources((r) => addEntry(r, MARKER, { t: 'ref', v: 990001 }), [[990001, dict({ S: name('JavaScript'), JS: { t: 'str', v: text('app.alert(1)') } })]])],
    ['an action dictionary', withResources((r) => addEntry(r, MARKER, dict({ Type: name('Action'), S: name('Launch') })))],
    ['a way back up the page tree', withResources((r) => addEntry(r, MARKER, dict({ Parent: { t: 'ref', v: 1 } })))],
    ['a number that is not finite', withResources((r) => addEntry(r, MARKER, { t: 'num', v: Infinity }))],
    ['nesting 10,000 deep', withResources((r) => addEntry(r, MARKER, Array.from({ length: 10_000 }).reduce<PdfValue>((inner) => ({ t: 'array', v: [inner] }), { t: 'null' })))],
    ['a stream inside a dictionary', withResources((r) => addEntry(r, MARKER, { t: 'stream', dict: [], bytes: text('q Q') }))],
    ['a name longer than PDF allows', withResources((r) => addEntry(r, MARKER, name('x'.repeat(200))))],
    ['a name with a NUL byte', withResources((r) => addEntry(r, MARKER, name('a\0b')))],
    ['a key given twice', withResources((r) => addEntry(addEntry(r, MARKER, name('a')), MARKER, name('b')))],
    ['an object of an unknown kind', withResources((r) => addEntry(r, MARKER, { t: 'code', v: 'x' } as unknown as PdfValue))],
    ['resources that are not a dictionary', withResources(() => ({ t: 'array', v: [name(MARKER)] }))],
    ['a page box of NaN', (real) => ({ ...real, pages: real.pages.map((page) => ({ ...page, box: [NaN, 0, 100, 100] as [number, number, number, number] })) })],
    ['a rotation of 45°', (real) => ({ ...real, pages: real.pages.map((page) => ({ ...page, rotation: 45 })) })],
    ['another page than the one asked for', (real) => ({ ...real, pages: real.pages.map((page) => ({ ...page, index: 7 })) })],
    ['no pages at all', () => ({ pages: null, objects: [] }) as unknown as OriginalPages],
  ];

  it.each(FORGERIES)('%s: the page goes in as its image, and nothing of the forgery is in the file', async (what, change) => {
    const { fallbacks, raw } = await exportWith(await forged(change), `forged-${FORGERIES.findIndex(([w]) => w === what)}.pdf`);
    expect(fallbacks).toEqual([0]);
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch)(?![A-Za-z0-9#])/);
  });

  it('names and strings it may send are written so that none of their bytes becomes PDF syntax', async () => {
    const injection = ') /JS (app.alert(1)) >> /AA << /O 1 0 R';
    const key = `${MARKER}/JS (x)>>`;
    const reader = await forged(withResources((r) => addEntry(r, key, { t: 'str', v: text(injection) })));
    const image = await fax();
    const letter = pdfDocument({ title: 'NGO letter' }, letterBytes, 1, () => image);
    const result = await writeBundlePdf(bundleInput([{ title: 'Letters', documents: [letter] }], { originals: reader }));
    expect(letter.fallbacks).toEqual([]); // odd, not forbidden: the page is embedded
    // Read back as a reader would: one key with exactly those bytes, one string with exactly those bytes,
    // and no dictionary anywhere with a key the injection tried to add.
    const bundle = await PDFDocument.load(result.bytes, { updateMetadata: false });
    const keys: string[] = [];
    const strings: string[] = [];
    for (const [, object] of bundle.context.enumerateIndirectObjects()) {
      const dicts = object instanceof PDFDict ? [object] : object instanceof PDFStream ? [object.dict] : [];
      for (const outer of dicts) {
        const stack: PDFObject[] = [outer];
        while (stack.length) {
          const item = stack.pop()!;
          if (item instanceof PDFDict) {
            for (const [name, value] of item.entries()) {
              keys.push(name.decodeText());
              stack.push(value);
            }
          } else if (item instanceof PDFArray) stack.push(...item.asArray());
          else if (item instanceof PDFHexString || item instanceof PDFString) strings.push(Buffer.from(item.asBytes()).toString('latin1'));
        }
      }
    }
    expect(keys).toContain(key);
    expect(strings).toContain(injection);
    expect(keys.filter((name) => ['JS', 'JavaScript', 'AA', 'O'].includes(name))).toEqual([]);
  });

  it('control: the same page, sent as the parser process reads it, is embedded', async () => {
    const { fallbacks } = await exportWith(await forged((real) => real), 'forged-control.pdf');
    expect(fallbacks).toEqual([]);
  });
});
