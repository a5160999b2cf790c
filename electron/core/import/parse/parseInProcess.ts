import type { FileKind } from '../../../../shared/domain/document';
import { imagePage, inspectImage } from './imageFile';
import { inspectPdf } from './pdfDocument';
import { pdfPage } from './pdfPage';
import { detectKind, sniffFile } from './sniff';
import { MIME_BY_KIND, type InspectedFile, type PageContent } from './types';

/**
 * The parser itself, run inside the parser process (parserChild.ts). Never call it in the app's own
 * process with untrusted bytes: that is what the process boundary is for.
 */

/** `password` opens a PDF that asks for one (and only such a file); an image ignores it. */
export async function inspectInProcess(bytes: Uint8Array, fileName: string, password?: string): Promise<InspectedFile> {
  const { kind, warnings } = sniffFile(bytes, fileName);
  if (kind === 'pdf') {
    const pdf = await inspectPdf(bytes, password);
    return {
      kind,
      mime: MIME_BY_KIND[kind],
      pageCount: pdf.pageCount,
      warnings: [...warnings, ...pdf.warnings],
      ...(pdf.readingCopy ? { readingCopy: pdf.readingCopy } : {}),
    };
  }
  const image = await inspectImage(bytes, kind);
  return { kind, mime: MIME_BY_KIND[kind], pageCount: image.pageCount, warnings };
}

export async function pageInProcess(bytes: Uint8Array, kind: FileKind, page: number): Promise<PageContent> {
  // The kind comes from an earlier inspect; the bytes are checked again so that a mix-up can never send
  // an image to pdf.js or a PDF to sharp.
  const actual = detectKind(bytes);
  if (actual !== kind) throw new TypeError(`page(): the bytes are ${actual ?? 'not a supported format'}, not ${kind}`);
  return kind === 'pdf' ? pdfPage(bytes, page) : imagePage(bytes, kind, page);
}
