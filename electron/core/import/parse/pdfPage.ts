import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { overlayWords, printsOverlays, type AnnotationData } from './annotationWords';
import { MAX_RENDER_DPI, MIN_SCAN_DPI } from './limits';
import { openPdf } from './pdfDocument';
import { finishPage, rasterScale } from './raster';
import { layerText, layerWords, textAreaFraction, textLayerUsable, type FontMetrics } from './textLayer';
import { ImportFailure, type PageContent } from './types';

/**
 * One PDF page: rendered with pdf.js as it prints, then either its own text layer or the raster for OCR.
 *
 * Print intent, not display: what goes into an evidence bundle is what the page prints. pdf.js then draws
 * every annotation and form field whose flags say it prints (with the field values the file holds) and
 * leaves out hidden ones and optional content switched off for printing — as a printer would.
 */

interface Canvas2D {
  font: string;
  measureText(text: string): { width: number };
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
interface CanvasAndContext {
  canvas: unknown;
  context: Canvas2D;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

/** Share of the page covered by painted images, from pdf.js's record of where it drew each one (0-1). */
function imageCoverage(page: PDFPageProxy): number {
  const coords = page.imageCoordinates as ArrayLike<number> | null;
  if (!coords) return 0;
  let area = 0;
  // Each image: three corners of its parallelogram (origin, origin + height, origin + width), as page fractions.
  for (let i = 0; i + 5 < coords.length; i += 6) {
    const [x0, y0, x1, y1, x2, y2] = Array.from({ length: 6 }, (_, k) => coords[i + k] ?? 0) as [number, number, number, number, number, number];
    area += Math.abs((x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0));
  }
  return Math.min(1, area);
}

/**
 * The resolution a scanned page was scanned at: its images' pixels over the area they cover. Null when
 * images do not dominate the page (then there is no "scan resolution" to keep).
 */
function scanDpi(page: PDFPageProxy, coverage: number, areaSquareInches: number): number | null {
  if (coverage < 0.5) return null;
  let pixels = 0;
  for (const [, object] of page.objs as unknown as Iterable<[string, unknown]>) {
    const image = object as { width?: unknown; height?: unknown } | null;
    if (typeof image?.width === 'number' && typeof image.height === 'number') pixels += image.width * image.height;
  }
  return pixels > 0 ? Math.sqrt(pixels / (coverage * areaSquareInches)) : null;
}

/** Width of text as drawn by a generic font: proportions within a text run, for word boxes. */
function measurer(factory: CanvasFactory): { measure: (text: string) => number; release: () => void } {
  const probe = factory.create(1, 1);
  probe.context.font = '100px sans-serif';
  return { measure: (text) => probe.context.measureText(text).width, release: () => factory.destroy(probe) };
}

/** Whether some optional content group of the document is switched off for printing. */
async function hasHiddenOptionalContent(doc: PDFDocumentProxy): Promise<boolean> {
  const config = await doc.getOptionalContentConfig({ intent: 'print' });
  for (const [, group] of config as unknown as Iterable<[string, { visible: boolean }]>) if (!group.visible) return true;
  return false;
}

function scaleWord<T extends { bbox: [number, number, number, number]; area: [number, number, number, number] }>(word: T, scale: number): T {
  if (scale === 1) return word;
  const box = (b: [number, number, number, number]) => b.map((v) => Math.round(v * scale)) as [number, number, number, number];
  return { ...word, bbox: box(word.bbox), area: box(word.area) };
}

export async function pdfPage(bytes: Uint8Array, pageNumber: number): Promise<PageContent> {
  const doc: PDFDocumentProxy = await openPdf(bytes);
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
    throw new RangeError(`page ${pageNumber} is out of range 1-${doc.numPages}`);
  }
  let page: PDFPageProxy;
  try {
    page = await doc.getPage(pageNumber);
  } catch {
    throw new ImportFailure('corrupt-file', `Page ${pageNumber} of this PDF is damaged and cannot be read.`);
  }
  const factory = doc.canvasFactory as CanvasFactory;
  let target: CanvasAndContext | null = null;
  try {
    const points = page.getViewport({ scale: 1 }); // user space (1/72 in), /Rotate applied
    const maxScale = MAX_RENDER_DPI / 72;
    const scale = maxScale * rasterScale(points.width * maxScale, points.height * maxScale);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    target = factory.create(width, height);
    // pdf.js drops a page's decoded objects (its images) as soon as a print render ends; scanDpi reads
    // their sizes afterwards, so the drop waits until page.cleanup() below. The parser tests of scanned
    // PDFs ("rasters at the scan resolution") fail if a pdf.js update changes this.
    const objs = page.objs as unknown as { clear(): void };
    const clear = objs.clear;
    objs.clear = () => undefined;
    try {
      await page.render({ canvas: target.canvas as never, viewport, recordImages: true, intent: 'print' }).promise;
    } finally {
      objs.clear = clear;
    }
    const annotations = (await page.getAnnotations({ intent: 'print' })) as AnnotationData[];
    const overlays = overlayWords(annotations, (x, y) => viewport.convertToViewportPoint(x, y) as [number, number]);
    const flatten = printsOverlays(annotations);
    const pixels = { data: target.context.getImageData(0, 0, width, height).data, width, height, channels: 4 as const };
    const coverage = imageCoverage(page);
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItem => 'str' in item);
    const text = layerText(items);
    const dpi = scale * 72;
    // Optional content that does not print still has its text in the text layer, and pdf.js does not say
    // which text items belong to it: such a page is read from what it prints (OCR), not from its text.
    const hiddenContent = await hasHiddenOptionalContent(doc);
    if (!hiddenContent && textLayerUsable(text, textAreaFraction(items, points.width * points.height), coverage)) {
      const { measure, release } = measurer(factory);
      const words = layerWords(items, content.styles as Record<string, FontMetrics>, viewport.transform, measure);
      release();
      const finished = await finishPage(pixels);
      return { source: 'text-layer', text, words, ...finished, dpi: Math.round(dpi), overlays, flatten };
    }
    // A scan rendered above its own resolution goes back down to it: pixels the scanner never saw only slow OCR.
    const native = scanDpi(page, coverage, (points.width / 72) * (points.height / 72));
    const outDpi = native !== null && native < dpi * 0.9 ? Math.max(MIN_SCAN_DPI, native) : dpi;
    const resizeTo =
      outDpi < dpi ? { width: Math.max(1, Math.round((width * outDpi) / dpi)), height: Math.max(1, Math.round((height * outDpi) / dpi)) } : undefined;
    const finished = await finishPage(pixels, resizeTo);
    const scaleOverlays = resizeTo ? outDpi / dpi : 1;
    return { source: 'raster', ...finished, dpi: Math.round(outDpi), overlays: overlays.map((word) => scaleWord(word, scaleOverlays)), flatten };
  } catch (error) {
    if (error instanceof ImportFailure || error instanceof RangeError) throw error;
    throw new ImportFailure('corrupt-file', `Page ${pageNumber} of this PDF is damaged and cannot be read.`);
  } finally {
    if (target) factory.destroy(target);
    page.cleanup();
  }
}
