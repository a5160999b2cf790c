/**
 * The OCR port: what the importer asks of an OCR engine. The tesseract.js implementation is
 * tesseractEngine.ts; tests and other engines implement the same interface.
 */
import type { ImportErrorCode, OcrLanguage, Word } from '../../../shared/domain/document';
import type { PageScript } from './pageScript';

export type { PageScript };

/**
 * Mean word confidence under which a page's reading is flagged "read with low confidence — wrong
 * language?", and under which the engine asks for the page's script (bestReading.ts). It lies midway
 * between two measurements of the first, upright reading of the 30 upright corpus scans: read in their
 * own languages they score 77.8 (the fax) to 95.6; read in languages that do not write their main
 * script, 72.3 at most (the kk/ru/en refugee card read with eng alone: its English lines right, its
 * Kazakh ones garbage), 69.7 (the zh+en passport copy with rus+kaz+eng), 56.1 (the Chinese notice
 * scan_0017 with rus+kaz+eng), 68.1 or less for the other 33 such readings (rus+kaz+eng, rus+kaz or
 * eng alone). The exception is chi_sim, which reads Latin letters and turns Cyrillic into them (4 of
 * its 27 such readings score 76.4 to 86.9): their letters are in a script chi_sim does not write,
 * which pageScript.ts's check catches.
 */
export const LOW_CONFIDENCE = 75;

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
  /** mean word confidence 0–100; below LOW_CONFIDENCE the page is worth a look (wrong language?) */
  confidence: number;
  /** the script tesseract's script detection found on the page; null when detection did not run or found none */
  script: PageScript | null;
  /** the languages of the reading kept: the caller's, or the detected script's when they read better */
  languages: OcrLanguage[];
}

export interface OcrInput {
  /** PNG/JPEG/TIFF-page encoded: anything sharp decodes */
  image: Buffer;
  languages: readonly OcrLanguage[];
  /** the scan's resolution when the caller knows it (a PDF page rendered at a DPI) */
  dpi?: number;
  /**
   * Script detection. Absent: only when the reading in `languages` is poor (low confidence, or letters
   * of another script), and the page is then read again in the detected script's languages; the
   * better reading is kept. true: always, before reading, and the page is read in the detected
   * script's languages ("read the page as it prints"; `languages` only if those read poorly).
   * false: never; the page is read in `languages` only.
   */
  detectScript?: boolean;
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
