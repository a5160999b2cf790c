import { readFileSync, statSync } from 'node:fs';
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { openPdfKeyed } from './pdfDocument';
import { layerText } from './textLayer';
import type { PdfFileText } from './types';

/**
 * PDFs Dalel wrote itself (bundles), read back in the parser process as any reader would: the leak
 * check extracts their text. They embed pages of originals from strangers, so
 * they are parsed here, not in the app. Opened once per file (path, size and time say it is the same).
 */
function open(path: string): Promise<PDFDocumentProxy> {
  const info = statSync(path);
  return openPdfKeyed(`file:${path}:${info.size}:${info.mtimeMs}`, () => new Uint8Array(readFileSync(path)));
}

export async function pdfFileText(path: string, from: number, to: number): Promise<PdfFileText> {
  const doc = await open(path);
  const pages: string[] = [];
  for (let n = Math.max(1, from); n <= Math.min(to, doc.numPages); n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(layerText(content.items.filter((item): item is TextItem => 'str' in item)));
    page.cleanup();
  }
  return { pageCount: doc.numPages, pages };
}
