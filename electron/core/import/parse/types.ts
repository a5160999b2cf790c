import type { FileKind, ImportErrorCode, ImportWarning, OverlayWord, Word } from '../../../../shared/domain/document';
import type { OriginalPages } from './originalPageData';

/** What `inspect` learns about a file without rendering any page. */
export interface InspectedFile {
  kind: FileKind;
  mime: string;
  pageCount: number;
  warnings: ImportWarning[];
  /**
   * A PDF that opened only with a password: the same document decrypted (pdfReadingCopy.ts), for every
   * later reading. The original is stored as it was given.
   */
  readingCopy?: Uint8Array;
}

/**
 * One page, ready for the page store and the OCR queue. `pixels` are the page decoded, 8 bits per
 * channel row by row, upright (EXIF honoured), one channel (grey) unless the page carries colour, then
 * three (sRGB); they show the page as it prints (a PDF's printable form fields and annotations drawn
 * in, hidden ones and optional content that does not print left out); word boxes are in those pixels,
 * top-left origin. `pagePng` (raster.ts) encodes them where a PNG is wanted.
 * - `overlays`: the text of printable form fields and annotations, which is not in the page's text layer.
 * - `flatten`: the page shows what a copy of its content stream alone would not (printable annotations
 *   or form fields), so a bundle must take its image rather than its vectors.
 */
export type PageContent = ({ source: 'text-layer'; text: string; words: Word[] } | { source: 'raster' }) & {
  pixels: Buffer;
  channels: 1 | 3;
  width: number;
  height: number;
  dpi: number;
  overlays: OverlayWord[];
  flatten: boolean;
};

/** The text of pages `from`..`to` of a PDF file, as pdf.js extracts it, one string per page. */
export interface PdfFileText {
  pageCount: number;
  pages: string[];
}

/** Why a file (or one of its pages) could not be read. Branch on `code`; show `message` to the lawyer. */
export class ImportFailure extends Error {
  override readonly name = 'ImportFailure';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FileParser {
  /**
   * Sniff, validate, count pages. Throws ImportFailure. Cheap: no page rendering. `password` opens a PDF
   * that asks for one (`pdf-password-required` without it, `pdf-password-wrong` when it does not open the
   * file), which then comes with its reading copy; it is used for this call and kept nowhere.
   */
  inspect(bytes: Uint8Array, fileName: string, options?: { signal?: AbortSignal; password?: string }): Promise<InspectedFile>;
  /**
   * One page (1-based): its text layer when usable, else a raster for OCR. PDF pages are rendered at
   * ≤ 300 DPI within a pixel budget (see limits.ts); scanned pages at their own resolution when lower.
   */
  page(bytes: Uint8Array, kind: FileKind, page: number, options?: { signal?: AbortSignal }): Promise<PageContent>;
  /**
   * The text of pages `from`..`to` (1-based, inclusive) of a PDF Dalel wrote itself (a bundle), read from
   * its path: the leak check reads a finished bundle back as any reader would.
   */
  fileText(path: string, from: number, to: number, options?: { signal?: AbortSignal }): Promise<PdfFileText>;
  /**
   * Pages (0-based) of an original PDF taken out for a bundle: content and checked resources as plain
   * data, or why a page cannot be copied (originalPages.ts). The original is parsed here, never in the
   * process that writes the bundle.
   */
  originalPages(bytes: Uint8Array, pages: number[], options?: { signal?: AbortSignal }): Promise<OriginalPages>;
  /** Stops every parser process; calls still waiting fail with `cancelled`. */
  close(): Promise<void>;
}

export const MIME_BY_KIND: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
};
