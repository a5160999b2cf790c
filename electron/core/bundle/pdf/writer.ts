import { open, rm, type FileHandle } from 'node:fs/promises';
import { PDFDocument, PDFName, type PDFPage, type PDFRef } from 'pdf-lib';
import { BUNDLE_WORDS } from '../../../../shared/domain/bundleWords';
import { DalelFailure } from '../../errors';
import type { PlacedBlock } from './blocks';
import { throwIfCancelled } from './cancellation';
import { PageContent } from './content';
import { EmbeddedFonts } from './fontEmbedding';
import { drawCover } from './frontMatter';
import { A4, DPI_TOLERANCE, MARGIN, MAX_DPI, STAMP_AREA, STAMP_BASELINE, STAMP_SIZE, fitPage, fitWholeSheet, formMatrix, type Placement } from './geometry';
import { imageXObject } from './images';
import { linkAnnotation, setDocumentInfo, writeOutline, type OutlineEntry } from './navigation';
import { OriginalPdfs } from './originals';
import { planBundle, type BundlePlan } from './plan';
import { saveToFile } from './saveToFile';
import type { BundleImagePage, BundlePdfFileResult, BundlePdfInput, BundlePdfLayout, BundlePdfResult, BundleSourcePage, FlatDocument } from './types';

/**
 * Object streams pack the small objects (pages, annotations, outline) together: on the 500-page bench
 * bundle 124 KB smaller (334.7 against 334.8 MB, the images are the rest) with the time within the
 * noise of the shared machine (7.9–9.5 s against 7.5–9.2 s). saveToFile.ts writes the same layout.
 */
const SAVE_OPTIONS = { useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false } as const;

/** A page image without a usable resolution is taken to be a 300 DPI scan. */
const DEFAULT_DPI = 300;

/** The page numbering of the bundle, computed from page counts, titles and the redaction log alone. */
export function layoutBundle(input: BundlePdfInput): BundlePdfLayout {
  return planBundle(input).layout;
}

/**
 * The bundle: cover, index, every document page (loaded one at a time, the next one while the current is
 * written), manifest; page stamps on every page, bookmarks, index links, fonts subset-embedded. In
 * memory, for tests and callers that need the bytes; an export writes with writeBundlePdfToFile.
 */
export async function writeBundlePdf(input: BundlePdfInput): Promise<BundlePdfResult> {
  const { doc, layout } = await buildBundle(input);
  const bytes = await doc.save(SAVE_OPTIONS);
  return { ...layout, bytes };
}

/**
 * The same bundle, byte for byte, written into a file as it is serialised rather than into one buffer
 * the size of the bundle: filling a fresh ~300 MB buffer was most of what the 500-page bench bundle
 * took beyond qpdf's merge. In one run of that bundle on the shared machine (load 6), 3.2–5.0 s in
 * memory and then written against 0.9–2.0 s straight to the file; `npm run bench:export` went from
 * 1.86× qpdf to 0.91–1.04×, peak RSS from 596 to 263–279 MiB. A path is created (or truncated) and removed again
 * if writing fails or is cancelled; an open handle is written from its current position and left to
 * the caller to fsync, close or remove (the bundle service writes a temp file it renames into place).
 * The SHA-256 is computed from the bytes as they are written.
 */
export async function writeBundlePdfToFile(
  input: BundlePdfInput,
  target: string | FileHandle,
  options: { onWritten?(written: number, total: number): void } = {},
): Promise<BundlePdfFileResult> {
  const { doc, layout, images } = await buildBundle(input);
  const save = async (file: FileHandle) => {
    const { size, sha256, offsets } = await saveToFile(doc, file, { signal: input.signal, onWritten: options.onWritten });
    const pageImages: BundlePdfFileResult['pageImages'] = new Map();
    for (const [page, image] of images) {
      const offset = offsets.get(image.ref.objectNumber);
      if (offset !== undefined) pageImages.set(page, { offset, width: image.width, height: image.height, sourceWidth: image.sourceWidth, sourceHeight: image.sourceHeight });
    }
    return { size, sha256, pageImages };
  };
  if (typeof target !== 'string') return { ...layout, ...(await save(target)) };
  const file = await open(target, 'w', 0o600);
  try {
    const written = await save(file);
    await file.close();
    return { ...layout, ...written };
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(target, { force: true });
    throw error;
  }
}

/** Every page of the bundle in a pdf-lib document, ready to be saved. */
/** A document page drawn as an image: its XObject and its size against the page image it came from. */
interface DrawnImage {
  ref: PDFRef;
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
}

async function buildBundle(input: BundlePdfInput): Promise<{ doc: PDFDocument; layout: BundlePdfLayout; images: Map<number, DrawnImage> }> {
  const plan = planBundle(input);
  const generatedAt = exportDate(input);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = new EmbeddedFonts(plan.typefaces, doc.context);
  const stamp = stamper(input, plan.layout);
  const front = Array.from({ length: plan.layout.frontMatterPages }, () => doc.addPage([A4.width, A4.height]));

  const firstPages: Array<PDFRef | null> = plan.documents.map(() => null);
  const images = new Map<number, DrawnImage>();
  const total = plan.layout.documents.reduce((sum, range) => sum + Math.max(0, range.lastPage - range.firstPage + 1), 0);
  let done = 0;
  for (const flat of plan.documents) {
    const range = plan.layout.documents[flat.index]!;
    const originals = new OriginalPdfs(doc.context, input.originals, input.signal);
    let next = range.lastPage >= range.firstPage ? loadPage(flat, 0) : null;
    for (let number = range.firstPage, i = 0; number <= range.lastPage; number++, i++) {
      throwIfCancelled(input.signal);
      const source = await next!;
      next = number < range.lastPage ? loadPage(flat, i + 1) : null;
      throwIfCancelled(input.signal);
      const page = doc.addPage([A4.width, A4.height]);
      const content = new PageContent(plan.typefaces, fonts);
      try {
        const drawn = await drawDocumentPage(doc, content, originals, source);
        if (drawn) images.set(number, drawn);
      } catch (error) {
        if (error instanceof DalelFailure) throw error;
        const title = flat.document.title || flat.document.fileName;
        throw new DalelFailure('internal', `Page ${i + 1} of “${title}” could not be written into the bundle.`, { cause: String(error) });
      }
      stamp(content, number);
      finishPage(doc, page, content);
      firstPages[flat.index] ??= page.ref;
      input.onProgress?.(++done, total);
    }
  }

  drawBlockPages(doc, plan, plan.manifestPages, plan.layout.manifestPages.firstPage, fonts, stamp);
  drawFrontMatter(doc, plan, input, front, fonts, stamp, firstPages);
  writeOutline(doc, outline(input, plan.documents, firstPages));
  setDocumentInfo(doc, input.title, generatedAt);
  await fonts.finish();
  throwIfCancelled(input.signal);
  return { doc, layout: plan.layout, images };
}

/** Cover and index alone, numbered as in the full bundle, for a preview; no document page is loaded. */
export async function writeFrontMatterPdf(input: BundlePdfInput): Promise<Uint8Array> {
  const plan = planBundle(input);
  const generatedAt = exportDate(input);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = new EmbeddedFonts(plan.typefaces, doc.context);
  const front = Array.from({ length: plan.layout.frontMatterPages }, () => doc.addPage([A4.width, A4.height]));
  drawFrontMatter(doc, plan, input, front, fonts, stamper(input, plan.layout), null);
  setDocumentInfo(doc, input.title, generatedAt);
  await fonts.finish();
  return doc.save(SAVE_OPTIONS);
}

/**
 * One page of the bundle, exactly as the whole bundle prints it (stamp and all), alone in a PDF: the
 * wizard previews any page without writing the bundle.
 */
export async function writeBundlePagePdf(input: BundlePdfInput, pageNumber: number): Promise<Uint8Array> {
  const plan = planBundle(input);
  const { layout } = plan;
  if (pageNumber <= layout.frontMatterPages) {
    const front = await PDFDocument.load(await writeFrontMatterPdf(input), { updateMetadata: false });
    const single = await PDFDocument.create({ updateMetadata: false });
    const [copied] = await single.copyPages(front, [pageNumber - 1]);
    single.addPage(copied);
    return single.save(SAVE_OPTIONS);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = new EmbeddedFonts(plan.typefaces, doc.context);
  const stamp = stamper(input, layout);
  if (pageNumber >= layout.manifestPages.firstPage) {
    const index = pageNumber - layout.manifestPages.firstPage;
    drawBlockPages(doc, plan, [plan.manifestPages[index]!], pageNumber, fonts, stamp);
  } else {
    const flat = plan.documents.find((candidate) => {
      const range = layout.documents[candidate.index]!;
      return pageNumber >= range.firstPage && pageNumber <= range.lastPage;
    });
    if (!flat) throw new DalelFailure('validation', `The bundle has no page ${pageNumber}.`);
    const page = doc.addPage([A4.width, A4.height]);
    const content = new PageContent(plan.typefaces, fonts);
    await drawDocumentPage(doc, content, new OriginalPdfs(doc.context, input.originals, input.signal), await flat.document.page(pageNumber - layout.documents[flat.index]!.firstPage));
    stamp(content, pageNumber);
    finishPage(doc, page, content);
  }
  await fonts.finish();
  return doc.save(SAVE_OPTIONS);
}

function loadPage(flat: FlatDocument, index: number): Promise<BundleSourcePage> {
  const loading = Promise.resolve().then(() => flat.document.page(index));
  loading.catch(() => undefined); // awaited later; a page fetched ahead must not fail unobserved if we stop first
  return loading;
}

/** Draws the page; a page drawn as an image says which and how big. */
async function drawDocumentPage(doc: PDFDocument, content: PageContent, originals: OriginalPdfs, source: BundleSourcePage): Promise<DrawnImage | null> {
  if (source.kind === 'pdf') {
    let embedded;
    try {
      embedded = await originals.embed(source.pdf, source.pageIndex, source.picturesAsPrinted);
    } catch {
      // Encrypted, broken, or carrying what must not be copied: the page image instead.
      return drawImagePage(doc, content, await source.fallback());
    }
    const turned = embedded.rotation % 180 !== 0;
    const width = embedded.box[2] - embedded.box[0];
    const height = embedded.box[3] - embedded.box[1];
    const placement = turned ? fitPage(height, width) : fitPage(width, height);
    content.xObject(embedded.ref, formMatrix(embedded.box, embedded.rotation, placement));
    return null;
  }
  return drawImagePage(doc, content, source);
}

async function drawImagePage(doc: PDFDocument, content: PageContent, page: BundleImagePage): Promise<DrawnImage> {
  const dpi = Number.isFinite(page.dpi) && page.dpi > 0 ? page.dpi : DEFAULT_DPI;
  const placement = imagePlacement(page, dpi);
  const inches = { width: placement.width / 72, height: placement.height / 72 };
  const image = await imageXObject(doc.context, page.image, page.mime, {
    limitWidth: inches.width * MAX_DPI * DPI_TOLERANCE + 0.5,
    limitHeight: inches.height * MAX_DPI * DPI_TOLERANCE + 0.5,
    targetWidth: inches.width * MAX_DPI,
    targetHeight: inches.height * MAX_DPI,
  });
  content.xObject(image.ref, [placement.width, 0, 0, placement.height, placement.x, placement.y]);
  // Word boxes are in the pixels the page was described with (top-left origin).
  const sx = placement.width / page.width;
  const sy = placement.height / page.height;
  content.invisibleWords(
    page.words.map((word) => {
      const [x0, y0, x1, y1] = word.bbox;
      return {
        text: word.text,
        box: { x: placement.x + x0 * sx, y: placement.y + (page.height - y1) * sy, width: (x1 - x0) * sx, height: (y1 - y0) * sy },
      };
    }),
  );
  return { ref: image.ref, width: image.width, height: image.height, sourceWidth: page.width, sourceHeight: page.height };
}

/**
 * Where a page image goes: on the whole sheet when its words all stand clear of the stamp strip (the
 * stamp then sits in the page's own blank bottom margin), otherwise shrunk into the area above the strip.
 * A page without words (unread) is always shrunk: nothing says its bottom margin is blank.
 */
export function imagePlacement(page: Pick<BundleImagePage, 'width' | 'height' | 'words'>, dpi: number): Placement {
  const width = (page.width / dpi) * 72;
  const height = (page.height / dpi) * 72;
  const whole = fitWholeSheet(width, height);
  const scale = whole.height / page.height;
  const clear = page.words.length > 0 && page.words.every((word) => whole.y + (page.height - word.bbox[3]) * scale >= STAMP_AREA);
  return clear ? whole : fitPage(width, height);
}

type Stamp = (content: PageContent, number: number) => void;

/** "12 / 240" (or "Appeal 12 / 240"), centred in the strip below every page's content. */
function stamper(input: BundlePdfInput, layout: BundlePdfLayout): Stamp {
  const prefix = input.stampPrefix.replace(/[\p{Cc}\s]+/gu, ' ');
  return (content, number) => content.textCentred(`${prefix}${number} / ${layout.pages}`, A4.width / 2, STAMP_BASELINE, STAMP_SIZE);
}

function finishPage(doc: PDFDocument, page: PDFPage, content: PageContent): void {
  const { contents, resources } = content.finish(doc.context);
  page.node.set(PDFName.of('Contents'), contents);
  page.node.set(PDFName.of('Resources'), resources);
}

/** Index or manifest pages, each with its blocks; index lines get a link when `targets` are known. */
function drawBlockPages(
  doc: PDFDocument,
  plan: BundlePlan,
  pages: PlacedBlock[][],
  firstNumber: number,
  fonts: EmbeddedFonts,
  stamp: Stamp,
  targets: Array<PDFRef | null> | null = null,
  existing: PDFPage[] | null = null,
): void {
  pages.forEach((blocks, i) => {
    const page = existing?.[i] ?? doc.addPage([A4.width, A4.height]);
    const content = new PageContent(plan.typefaces, fonts);
    const annotations: PDFRef[] = [];
    for (const { block, top } of blocks) {
      block.draw(content, top, { layout: plan.layout });
      const target = block.link === undefined ? null : targets?.[block.link];
      if (target) annotations.push(linkAnnotation(doc.context, [MARGIN, top - block.height, A4.width - MARGIN, top], target));
    }
    stamp(content, firstNumber + i);
    finishPage(doc, page, content);
    if (annotations.length) page.node.set(PDFName.of('Annots'), doc.context.obj(annotations));
  });
}

function drawFrontMatter(
  doc: PDFDocument,
  plan: BundlePlan,
  input: BundlePdfInput,
  front: PDFPage[],
  fonts: EmbeddedFonts,
  stamp: Stamp,
  targets: Array<PDFRef | null> | null,
): void {
  const cover = new PageContent(plan.typefaces, fonts);
  drawCover(cover, plan.typefaces, input, plan.layout);
  stamp(cover, 1);
  finishPage(doc, front[0]!, cover);
  drawBlockPages(doc, plan, plan.indexPages, 2, fonts, stamp, targets, front.slice(1));
}

/** One entry per section, one child per document; a translation sits under its original. */
function outline(input: BundlePdfInput, documents: FlatDocument[], firstPages: Array<PDFRef | null>): OutlineEntry[] {
  const words = BUNDLE_WORDS[input.language ?? 'en'];
  const entries = documents.map((flat) => ({
    title: flat.document.title || flat.document.fileName || words.untitledDocument,
    target: firstPages[flat.index] ?? null,
    children: [] as OutlineEntry[],
  }));
  return input.sections.map((section, sectionIndex) => {
    const children: OutlineEntry[] = [];
    for (const flat of documents) {
      if (flat.section !== sectionIndex) continue;
      if (flat.originalIndex !== null) entries[flat.originalIndex]!.children.push(entries[flat.index]!);
      else children.push(entries[flat.index]!);
    }
    return { title: section.title || words.untitledSection, target: children.find((child) => child.target)?.target ?? null, children };
  });
}

function exportDate(input: BundlePdfInput): Date {
  const date = new Date(input.manifest.generatedAt);
  if (Number.isNaN(date.getTime())) throw new DalelFailure('validation', 'The export time of the bundle is not a valid date.');
  return date;
}
