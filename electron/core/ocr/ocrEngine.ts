/**
 * The OCR port: what the importer asks of an OCR engine. The tesseract.js implementation is
 * tesseractEngine.ts; tests and other engines implement the same interface.
 */
import type { ImportErrorCode, OcrLanguage, Word } from '../../../shared/domain/document';

export interface OcrPageResult {
  /** the upright, deskewed page image the viewer shows (greyscale PNG); `words` boxes refer to it */
  image: Buffer;
  width: number;
  height: number;
  /** degrees the input was rotated clockwise to make it upright */
  rotation: 0 | 90 | 180 | 270;
  /** degrees of deskew applied (clockwise) after the quarter turns */
  skew: number;
  /** reading order; lines joined by \n, blocks by \n\n; CJK without spaces between characters */
  text: string;
  /** bbox in `image` pixels */
  words: Word[];
  /** mean word confidence 0–100 */
  confidence: number;
}

export interface OcrInput {
  /** PNG/JPEG/TIFF-page encoded: anything sharp decodes */
  image: Buffer;
  languages: readonly OcrLanguage[];
  /** the scan's resolution when the caller knows it (a PDF page rendered at a DPI) */
  dpi?: number;
}

export interface OcrOptions {
  signal?: AbortSignal;
  /** the whole page, orientation checks included; the engine's default when absent */
  timeoutMs?: number;
}

export interface OcrEngine {
  recognize(input: OcrInput, options?: OcrOptions): Promise<OcrPageResult>;
  /** stops every worker; pending and later calls fail with 'cancelled' */
  close(): Promise<void>;
}

export type OcrFailureCode = Extract<ImportErrorCode, 'ocr-failed' | 'timeout' | 'cancelled'>;

/** Why a page could not be read. Branch on `code`; `message` is a plain sentence for the lawyer. */
export class OcrFailure extends Error {
  override readonly name = 'OcrFailure';
  constructor(
    readonly code: OcrFailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isOcrFailure(error: unknown): error is OcrFailure {
  return error instanceof OcrFailure;
}
