/**
 * Reading a written bundle back the way a court's reader would: poppler's tools for pages and text,
 * pdf-lib for link targets, the outline and where a page's image sits. Test-only.
 */
import { execFileSync } from 'node:child_process';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString, PDFHexString, type PDFNumber, type PDFObject, type PDFPage } from 'pdf-lib';

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

export function pageText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Words with boxes (points, top-left origin) on one page, from pdftotext -bbox. */
export function pageWords(file: string, page: number): Array<{ text: string; x0: number; y0: number; x1: number; y1: number }> {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const words: Array<{ text: string; x0: number; y0: number; x1: number; y1: number }> = [];
  for (const match of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const decoded = match[5]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    words.push({ text: decoded, x0: Number(match[1]), y0: Number(match[2]), x1: Number(match[3]), y1: Number(match[4]) });
  }
  return words;
}

function pageIndexOf(doc: PDFDocument, target: PDFObject | undefined): number | null {
  if (!(target instanceof PDFArray)) return null;
  const ref = target.get(0);
  if (!(ref instanceof PDFRef)) return null;
  const index = doc.getPages().findIndex((page) => page.ref === ref);
  return index < 0 ? null : index + 1;
}

function destination(doc: PDFDocument, dict: PDFDict): number | null {
  const dest = dict.lookup(PDFName.of('Dest'));
  if (dest) return pageIndexOf(doc, dest);
  const action = dict.lookup(PDFName.of('A'));
  if (action instanceof PDFDict) return pageIndexOf(doc, action.lookup(PDFName.of('D')));
  return null;
}

/** Link annotations of a page: rectangle (points, bottom-left origin) and target page (1-based). */
export function pageLinks(doc: PDFDocument, page: number): Array<{ rect: [number, number, number, number]; target: number | null }> {
  const annots = doc.getPage(page - 1).node.Annots();
  if (!annots) return [];
  const links: Array<{ rect: [number, number, number, number]; target: number | null }> = [];
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookup(i);
    if (!(annot instanceof PDFDict) || annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    const rect = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) as [number, number, number, number];
    links.push({ rect, target: destination(doc, annot) });
  }
  return links;
}

const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '');

/** The outline as a tree of { title, page, children }. */
export interface OutlineItem {
  title: string;
  page: number | null;
  children: OutlineItem[];
}

export function outline(doc: PDFDocument): OutlineItem[] {
  const root = doc.catalog.lookup(PDFName.of('Outlines'));
  const walk = (first: PDFObject | undefined): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let node = first instanceof PDFDict ? first : undefined;
    let guard = 0;
    while (node && guard++ < 100_000) {
      items.push({ title: text(node.lookup(PDFName.of('Title'))), page: destination(doc, node), children: walk(node.lookup(PDFName.of('First'))) });
      const next = node.lookup(PDFName.of('Next'));
      node = next instanceof PDFDict ? next : undefined;
    }
    return items;
  };
  return root instanceof PDFDict ? walk(root.lookup(PDFName.of('First'))) : [];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

function contentBytes(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
    .join('\n');
}

/**
 * Where the largest image drawn on a page sits: its unit square mapped to page space (points,
 * bottom-left origin), assuming no rotation — what the bundle writer draws for a page image.
 */
export function imagePlacement(doc: PDFDocument, pageNumber: number): { x: number; y: number; width: number; height: number } | null {
  const page = doc.getPage(pageNumber - 1);
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  const isImage = (name: string) => {
    if (!(xobjects instanceof PDFDict)) return false;
    const object = xobjects.lookup(PDFName.of(name));
    return object instanceof PDFRawStream && object.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image');
  };
  const tokens = contentBytes(page).split(/\s+/).filter(Boolean);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const operands: string[] = [];
  let best: { x: number; y: number; width: number; height: number } | null = null;
  for (const token of tokens) {
    if (token === 'q') stack.push(ctm);
    else if (token === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (token === 'cm') ctm = multiply(operands.slice(-6).map(Number) as Matrix, ctm);
    else if (token === 'Do') {
      const name = operands.at(-1)?.replace(/^\//, '') ?? '';
      if (isImage(name)) {
        const placed = { x: ctm[4], y: ctm[5], width: ctm[0], height: ctm[3] };
        if (!best || placed.width * placed.height > best.width * best.height) best = placed;
      }
    }
    if (/^[a-zA-Z'"]+\*?$/.test(token) && !token.startsWith('/')) operands.length = 0;
    else operands.push(token);
  }
  return best;
}

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}
