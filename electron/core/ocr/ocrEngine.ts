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
  /**
   * The upright, deskewed page the viewer shows, as 8-bit grey pixels row by row (width × height
   * bytes); `words` boxes refer to it. Not encoded: the importer encodes it once, for the vault.
   */
  pixels: Buffer;
  width: number;
  height: number;
  /**
   * `pixels`' pixels per pixel of the input: the engine reads a page at 200 dpi at most, so a 300 dpi
   * scan comes back at 2/3 of its size. The page's resolution is the input's times this; a page
   * stored with the input's resolution would print at 2/3 of its size in a bundle.
   */
  scale: number;
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

/**
 * A page already decoded, 8 bits per channel row by row (grey, grey+alpha, RGB or RGBA): how the
 * parser hands a page over, so that it is not encoded to be decoded again at once.
 */
export interface PagePixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

export interface OcrInput {
  /** the page: encoded (PNG, JPEG, a TIFF page: anything sharp decodes) or decoded pixels */
  image: Buffer | PagePixels;
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
  /** reading the page, from when a worker is free for it, orientation checks included; the engine's default when absent */
  timeoutMs?: number;
  /** called once a worker has taken the page: reading starts, and `timeoutMs` runs, from then (a page may wait for a worker first) */
  onStarted?: () => void;
}

/** A page already read, looked at again for text at an angle of its own (angledText.ts). */
export interface AngledInput {
  /** the page image its words were read on */
  image: Buffer | PagePixels;
  languages: readonly OcrLanguage[];
  dpi?: number;
  /** the page's words, boxes in `image` pixels */
  words: readonly Word[];
}

export interface OcrEngine {
  /** Reads a page; text at an angle of its own on it (a picture pasted sideways) comes with its words. */
  recognize(input: OcrInput, options?: OcrOptions): Promise<OcrPageResult>;
  /**
   * Only the text at an angle of its own on a page read before angled text was looked for (vault
   * migration 0015): its words, with their angle, boxes in `image` pixels.
   */
  readAngled(input: AngledInput, options?: OcrOptions): Promise<Word[]>;
  /**
   * `pages` pages (at least) in these languages are coming: get ready for them now, one worker a page
   * up to the pool's size, so that the first ones do not wait for workers to start. Returns at once.
   */
  warmUp(languages: readonly OcrLanguage[], pages: number): void;
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
