import type { FileKind, ImportErrorCode, ImportWarning, Word } from '../../../../shared/domain/document';

/** What `inspect` learns about a file without rendering any page. */
export interface InspectedFile {
  kind: FileKind;
  mime: string;
  pageCount: number;
  warnings: ImportWarning[];
}

/**
 * One page, ready for the page store and the OCR queue. `image` is always a PNG, upright (EXIF honoured),
 * greyscale unless the page carries colour; word boxes are in that image's pixels, top-left origin.
 */
export type PageContent =
  | { source: 'text-layer'; text: string; words: Word[]; image: Buffer; width: number; height: number; dpi: number }
  | { source: 'raster'; image: Buffer; width: number; height: number; dpi: number };

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
  /** Sniff, validate, count pages. Throws ImportFailure. Cheap: no page rendering. */
  inspect(bytes: Uint8Array, fileName: string, options?: { signal?: AbortSignal }): Promise<InspectedFile>;
  /**
   * One page (1-based): its text layer when usable, else a raster for OCR. PDF pages are rendered at
   * ≤ 300 DPI within a pixel budget (see limits.ts); scanned pages at their own resolution when lower.
   */
  page(bytes: Uint8Array, kind: FileKind, page: number, options?: { signal?: AbortSignal }): Promise<PageContent>;
  /** Stops every parser process; calls still waiting fail with `cancelled`. */
  close(): Promise<void>;
}

export const MIME_BY_KIND: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
};
