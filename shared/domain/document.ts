/**
 * Domain types for imported documents, shared by the core, the contract and the renderer.
 * Pure TypeScript: no imports but the types of the tagging domain.
 */
import type { DocumentType } from './tagging';

/** OCR languages Dalel ships (tesseract codes). */
export const OCR_LANGUAGES = ['rus', 'kaz', 'eng', 'chi_sim', 'uig'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
export const DEFAULT_OCR_LANGUAGES: readonly OcrLanguage[] = ['rus', 'kaz', 'eng'];

/** A word on a page: its box in upright page-image pixels [x0, y0, x1, y1], confidence 0–100. */
export interface Word {
  text: string;
  bbox: [number, number, number, number];
  conf: number;
}

/** Where a page's text came from: the PDF's own text layer, or OCR of the page image. */
export type PageSource = 'ocr' | 'text-layer';

/**
 * Text a PDF page prints from a filled form field or an annotation with an appearance (a FreeText note,
 * a stamp), not from its own content: its box in page-image pixels, and the whole field or annotation
 * it belongs to (`area`), which a redaction covers entirely.
 */
export interface OverlayWord extends Word {
  origin: 'form-field' | 'annotation';
  area: [number, number, number, number];
}

/**
 * The second reading of a page: OCR of the page as it prints (pictures, stamps, form fields and
 * annotations drawn in). Redaction matches names on it as well as on the page's text. `pending` until
 * the background reader has done it; for a scanned page the import's own OCR is that reading.
 */
export type PrintReadingStatus = 'pending' | 'done' | 'failed';

export interface PrintReading {
  status: PrintReadingStatus;
  /** mean word confidence 0–100 */
  confidence: number | null;
  /** the script OCR saw ('Han', 'Cyrillic', 'Latin', 'Arabic', …), when it looked */
  script: string | null;
  error: string | null;
}

/** Where a word a redaction matched was read: the page's text, OCR of the page as it prints, a form field or an annotation. */
export type ReadingOrigin = 'text-layer' | 'ocr' | 'picture' | 'form-field' | 'annotation';

/** Why a file was not imported, or why a page could not be read. Stable codes; branch on them. */
export const IMPORT_ERROR_CODES = [
  'empty-file',
  'corrupt-file',
  'encrypted-pdf', // encrypted in a way Dalel cannot open, even with a password
  'pdf-password-required', // the PDF opens only with a password, and none was given: give it and try again
  'pdf-password-wrong', // the password given does not open the PDF
  'image-too-large',
  'image-too-small',
  'file-too-large',
  'unsupported-file',
  'ocr-failed',
  'timeout',
  'cancelled',
  // Why a file was skipped (status `skipped`): never read, so nothing it points at is imported by accident.
  'symbolic-link', // a link inside a chosen folder: it may lead anywhere on the disk (links chosen directly are followed)
  'special-file', // a named pipe (FIFO), socket or device: reading it could block for ever or never end
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
/** The codes a `skipped` file carries. */
export type SkipReason = Extract<ImportErrorCode, 'symbolic-link' | 'special-file'>;

/** Things worth telling the lawyer about a file that was imported anyway. */
export const IMPORT_WARNINGS = [
  'pdf-javascript', // the PDF carries JavaScript or other active content; it was never executed
  'pdf-encrypted-owner', // encrypted with an owner password only (opens without a password)
  'pdf-repaired', // the PDF's cross-reference table was broken and has been rebuilt while reading
  'extension-mismatch', // the content is not what the file name's extension says
] as const;
export type ImportWarning = (typeof IMPORT_WARNINGS)[number];

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'tiff';

export type DocumentStatus = 'processing' | 'ready' | 'failed';
export type PageStatus = 'pending' | 'done' | 'failed';

/** A document as the library lists it. */
export interface DocumentSummary {
  id: string;
  title: string;
  fileName: string;
  sha256: string;
  size: number;
  kind: FileKind;
  mime: string;
  languages: OcrLanguage[];
  status: DocumentStatus;
  pageCount: number;
  pagesDone: number;
  pagesFailed: number;
  warnings: ImportWarning[];
  importedAt: string;
  /** the lawyer's notes on it */
  notes: string;
  /** its date, YYYY-MM-DD, as the lawyer accepted or typed it (a document-date tag); null until then */
  documentDate: string | null;
  /** its type (a type tag: refusal, certificate, …); null until set */
  type: DocumentType | null;
  /** the persons it is tagged with, by name */
  persons: DocumentPerson[];
}

/** A person a document is tagged with, as the library shows it. */
export interface DocumentPerson {
  id: string;
  name: string;
  protected: boolean;
}

/** What the lawyer may change about a document; a field left out stays as it is, null clears it. */
export interface DocumentEdit {
  title?: string;
  notes?: string;
  documentDate?: string | null;
  type?: DocumentType | null;
}

/** One page's stored result, without its image bytes. */
export interface PageRecord {
  page: number;
  status: PageStatus;
  source: PageSource | null;
  errorCode: ImportErrorCode | null;
  errorMessage: string | null;
  width: number | null;
  height: number | null;
  dpi: number | null;
  rotation: number;
  skew: number;
  confidence: number | null;
  text: string | null;
  words: Word[];
  /** the page read as it prints; see PrintReading */
  print: PrintReading;
  /** read with low confidence (the wrong language?) and not yet confirmed by the lawyer */
  lowConfidence: boolean;
  /** when the lawyer confirmed a low-confidence reading as good enough */
  readingConfirmedAt: string | null;
}

/**
 * What happened to one file of an import. `skipped`: not a regular file (a symbolic link in a chosen
 * folder, a FIFO, a socket, a device); its `error` says which. Reported, never silently left out.
 */
export type FileImportStatus = 'queued' | 'reading' | 'processing' | 'imported' | 'duplicate' | 'rejected' | 'skipped' | 'cancelled';

export interface FileImportProgress {
  /** The file name as the lawyer sees it (no folder). */
  file: string;
  status: FileImportStatus;
  docId: string | null;
  pageCount: number | null;
  pagesDone: number;
  warnings: ImportWarning[];
  error: { code: ImportErrorCode; message: string } | null;
}

/** Pushed on every change while an import runs. `batchId` is null for work resumed after a restart. */
export interface ImportProgress {
  batchId: string | null;
  files: FileImportProgress[];
  done: boolean;
}

/**
 * Where each OCR word is in its page's text (the words are the text, in order): searched for from the
 * end of the word before; null for a word the text does not hold. The core's highlights, snippets and
 * date fields and the viewer's boxes all place words this one way.
 */
export function wordOffsets(text: string, words: readonly Pick<Word, 'text'>[]): Array<[number, number] | null> {
  let cursor = 0;
  return words.map((word) => {
    const at = word.text ? text.indexOf(word.text, cursor) : -1;
    if (at < 0) return null;
    cursor = at + word.text.length;
    return [at, cursor];
  });
}
