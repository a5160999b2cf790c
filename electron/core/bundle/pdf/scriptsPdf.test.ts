import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../testing/fixtures';
import { PageContent } from './content';
import { EmbeddedFonts } from './fontEmbedding';
import { Typefaces } from './fonts';
import { coverTitleLines } from './frontMatter';
import { A4 } from './geometry';
import { bundleTextWarnings, writeBundlePdf } from './index';
import { FONTS_DIR, bundleDocument, bundleInput } from './testing/corpusBundle';
import { pdftotext, qpdfJson, writeTemp } from './testing/pdfTools';
import { extractedLines, extractedText, fontProblems, inkProblems, missingCharacters, scriptOf } from './testing/scriptChecks';
import { seededRandom } from '../../testing/seededRandom';
import { UYGHUR_LETTERS, mixedTitle, uyghurLine } from './testing/scriptTitles';
import type { BundlePdfInput } from './types';

/**
 * Every script of the casework in the pages Dalel writes itself — cover, index, outline, manifest — read
 * back as a reader would: pdffonts (every font embedded as a subset), pdftotext (every character of every
 * title extractable; a Uyghur line in reading order) and pdftoppm (ink where each glyph was drawn).
 * Titles are generated from seeds; the controls break the writer on purpose and watch the checks fail.
 */

const work = tempDir('dalel-scripts-pdf-');
afterAll(() => work.remove());
afterEach(() => vi.restoreAllMocks());

const FACES = ['DejaVuSans', 'DejaVuSans-Bold', 'DroidSansFallback'];
const SEEDS = [1, 2, 3, 4];

interface ScriptBundle {
  input: BundlePdfInput;
  /** what the index prints: section titles, document titles, descriptions */
  index: string[];
  /** lines of Uyghur alone, each printed on a line of its own in the index */
  uyghurLines: string[];
}

const noPages = (): never => {
  throw new Error('a document without pages was asked for a page');
};

/** Three sections of two documents (no pages: only the pages Dalel writes itself), titled from `seed`. */
function scriptBundle(seed: number): ScriptBundle {
  const random = seededRandom(seed);
  const uyghurLines: string[] = [];
  const uyghur = () => {
    const line = uyghurLine(random);
    uyghurLines.push(line);
    return line;
  };
  let count = 0;
  const sections = [mixedTitle(random), uyghur(), mixedTitle(random)].map((title) => ({
    title,
    documents: [0, 1].map((i) =>
      bundleDocument({ title: mixedTitle(random), description: i ? uyghur() : mixedTitle(random), fileName: `document-${++count}.pdf` }, 0, noPages),
    ),
  }));
  const input = bundleInput(sections, { title: mixedTitle(random) });
  const index = sections.flatMap((section) => [section.title, ...section.documents.flatMap((document) => [document.title, document.description])]);
  return { input, index, uyghurLines };
}

/** Everything the checks find wrong with the bundle of `bundle`, written with `typefaces` (those the writer loads). */
async function problems(bundle: ScriptBundle, typefaces: Typefaces, name: string): Promise<string[]> {
  const result = await writeBundlePdf(bundle.input);
  const file = writeTemp(work.path, `${name}.pdf`, result.bytes);
  const { input } = bundle;
  const found = fontProblems(file, FACES);
  if (result.frontMatterPages !== 2) found.push(`the index runs over ${result.frontMatterPages - 1} pages; the checks expect one`);
  found.push(...missingCharacters(extractedText(file, 1), [input.title]).map((problem) => `cover: ${problem}`));
  found.push(...missingCharacters(extractedText(file, 2), bundle.index).map((problem) => `index: ${problem}`));
  const manifest = Array.from({ length: result.manifestPages.lastPage - result.manifestPages.firstPage + 1 }, (_, i) => extractedText(file, result.manifestPages.firstPage + i));
  const titles = input.sections.flatMap((section) => section.documents.map((document) => document.title));
  found.push(...missingCharacters(manifest.join('\n'), [input.title, ...titles]).map((problem) => `manifest: ${problem}`));
  const lines = extractedLines(file, 2);
  for (const line of bundle.uyghurLines) if (!lines.includes(line)) found.push(`index: “${line}” is not a line of the extracted text, in reading order`);
  const outline = qpdfJson(file).outlines.flatMap((section) => [section.title, ...section.kids.map((kid) => kid.title)]);
  const sections = input.sections.flatMap((section) => [section.title, ...section.documents.map((document) => document.title)]);
  if (JSON.stringify(outline) !== JSON.stringify(sections)) found.push(`outline: ${JSON.stringify(outline)}`);
  found.push(...inkProblems(file, 1, typefaces, coverTitleLines(typefaces, input.title), 'bold'));
  return found;
}

describe('every script in the pages Dalel writes', () => {
  it('generates titles that use every Uyghur letter and mix every script', () => {
    const all = SEEDS.map((seed) => scriptBundle(seed)).flatMap((bundle) => [bundle.input.title, ...bundle.index]);
    for (const letter of UYGHUR_LETTERS) expect([letter, all.some((text) => text.includes(letter))]).toEqual([letter, true]);
    const mixed = SEEDS.map((seed) => scriptBundle(seed).input.title);
    for (const title of mixed) expect(new Set(title.split(' ').map(scriptOf))).toEqual(new Set(['Latin', 'Cyrillic', 'Chinese', 'Uyghur', 'digits']));
    expect(new Set(mixed).size).toBe(SEEDS.length);
  });

  for (const seed of SEEDS) {
    it(`prints, embeds and gives back every character of mixed-script titles (seed ${seed})`, async () => {
      expect(await problems(scriptBundle(seed), Typefaces.load(FONTS_DIR), `seed-${seed}`)).toEqual([]);
    });
  }

  it('prints the police notice number that lost its ink, “乌公通〔2020〕45号”, in full', async () => {
    const notice = '乌公通〔2020〕45号';
    const input = bundleInput([{ title: 'Decisions', documents: [bundleDocument({ title: notice, fileName: 'notice.jpg' }, 0, noPages)] }], { title: notice });
    const file = writeTemp(work.path, 'notice.pdf', (await writeBundlePdf(input)).bytes);
    const typefaces = Typefaces.load(FONTS_DIR);
    // One Droid Sans Fallback subset serves every page: the glyphs that draw on the cover draw in the index.
    expect(inkProblems(file, 1, typefaces, coverTitleLines(typefaces, notice), 'bold')).toEqual([]);
    expect(extractedLines(file, 2)).toContain(notice);
  });

  it('control: without the fallback face, the same checks find Chinese missing from the fonts and the text', async () => {
    const broken = Typefaces.load(FONTS_DIR, { fallback: false });
    vi.spyOn(Typefaces, 'load').mockReturnValue(broken);
    const found = await problems(scriptBundle(SEEDS[0]!), broken, 'control-fallback');
    expect(found).toContainEqual(expect.stringMatching(/^DroidSansFallback is not in the PDF/));
    expect(found.filter((problem) => /^cover: “\p{Script=Han}/u.test(problem)).length).toBeGreaterThan(0);
  });

  it('control: without reordering, the same checks find the Uyghur lines out of reading order', async () => {
    const broken = Typefaces.load(FONTS_DIR, { bidi: false });
    vi.spyOn(Typefaces, 'load').mockReturnValue(broken);
    const bundle = scriptBundle(SEEDS[0]!);
    const found = await problems(bundle, broken, 'control-bidi');
    expect(found.filter((problem) => problem.endsWith('in reading order'))).toHaveLength(bundle.uyghurLines.length);
  });

  it('control: the ink check finds nothing drawn where the text layer is complete but the glyphs leave no ink', async () => {
    // What the vanished Chinese looked like: pdftotext found every character, the page showed none of some.
    const typefaces = Typefaces.load(FONTS_DIR);
    const title = scriptBundle(SEEDS[0]!).input.title;
    const doc = await PDFDocument.create();
    const page = doc.addPage([A4.width, A4.height]);
    const fonts = new EmbeddedFonts(typefaces, doc.context);
    const content = new PageContent(typefaces, fonts);
    const lines = coverTitleLines(typefaces, title);
    for (const line of lines) content.text(line.text, line.x, line.baseline, line.size, 'bold', 1); // white on white
    const { contents, resources } = content.finish(doc.context);
    page.node.set(PDFName.of('Contents'), contents);
    page.node.set(PDFName.of('Resources'), resources);
    await fonts.finish();
    const file = writeTemp(work.path, 'control-ink.pdf', await doc.save());
    expect(missingCharacters(extractedText(file, 1), [title])).toEqual([]);
    const found = inkProblems(file, 1, typefaces, lines, 'bold');
    const scripts = new Set(found.map((problem) => /\((\w+)\)/.exec(problem)![1]));
    expect([...scripts]).toEqual(expect.arrayContaining(['Latin', 'Cyrillic', 'Chinese', 'Uyghur', 'digits']));
  });

  it('prints a character no font has as a visible “�”, warns in the plan, and keeps it searchable in the OCR layer', async () => {
    const scan = await sharp({ create: { width: 200, height: 283, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const page = { kind: 'image' as const, image: scan, mime: 'image/png' as const, width: 200, height: 283, dpi: 24, words: [{ text: 'ཀ🧾', bbox: [20, 20, 120, 40] as [number, number, number, number], conf: 90 }] };
    const input = bundleInput([{ title: 'Tibetan', documents: [bundleDocument({ title: 'Receipt 🧾 ཀ No. 7', description: 'ئۇيغۇر', fileName: 'receipt.png' }, 1, () => page)] }]);
    expect(bundleTextWarnings(input)).toEqual([{ code: 'unprintable', where: 'document-title', title: 'Receipt 🧾 ཀ No. 7', page: null, characters: ['🧾', 'ཀ'] }]);
    const result = await writeBundlePdf(input);
    const file = writeTemp(work.path, 'placeholder.pdf', result.bytes);
    expect(extractedLines(file, 2)).toContain('Receipt � � No. 7');
    expect(pdftotext(file, 3)).toContain('ཀ🧾');
    // The placeholder is ink on the page, not a gap.
    const cover = writeTemp(work.path, 'placeholder-cover.pdf', (await writeBundlePdf({ ...input, title: 'ཀ 🧾' })).bytes);
    const typefaces = Typefaces.load(FONTS_DIR);
    expect(inkProblems(cover, 1, typefaces, coverTitleLines(typefaces, 'ཀ 🧾'), 'bold')).toEqual([]);
  });
});
