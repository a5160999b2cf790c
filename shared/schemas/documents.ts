import { z } from 'zod';
import { IMPORT_ERROR_CODES } from '../domain/documentKinds';
import { DOCUMENT_TYPES } from '../domain/taggingKinds';
import { ImportError, ImportWarning, OcrLanguage, day } from './common';

/** Documents and their pages, the import. The types of these shapes are inferred here, nowhere else. */

export const FileKind = z.enum(['pdf', 'jpeg', 'png', 'tiff']);
export type FileKind = z.infer<typeof FileKind>;
export const DocumentStatus = z.enum(['processing', 'ready', 'failed']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;
export const PageStatus = z.enum(['pending', 'done', 'failed']);
export type PageStatus = z.infer<typeof PageStatus>;

/** A person a document is tagged with, as the library shows it. */
export const DocumentPerson = z.object({ id: z.string(), name: z.string(), protected: z.boolean() });
export type DocumentPerson = z.infer<typeof DocumentPerson>;

/** A document as the library lists it. */
export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  kind: FileKind,
  mime: z.string(),
  languages: z.array(OcrLanguage),
  status: DocumentStatus,
  pageCount: z.number().int(),
  pagesDone: z.number().int(),
  pagesFailed: z.number().int(),
  warnings: z.array(ImportWarning),
  importedAt: z.string(),
  /** the lawyer's notes on it */
  notes: z.string(),
  /** its date, YYYY-MM-DD, as the lawyer accepted or typed it (a document-date tag); null until then */
  documentDate: day.nullable(),
  /** its type (a type tag: refusal, certificate, …); null until set */
  type: z.enum(DOCUMENT_TYPES).nullable(),
  /** the persons it is tagged with, by name */
  persons: z.array(DocumentPerson),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** What the lawyer may change about a document; a field left out stays as it is, null clears it. */
export const DocumentEdit = z
  .object({
    title: z.string().min(1).max(300).optional(),
    notes: z.string().max(10_000).optional(),
    documentDate: day.nullable().optional(),
    type: z.enum(DOCUMENT_TYPES).nullable().optional(),
  })
  .strict();
export type DocumentEdit = z.infer<typeof DocumentEdit>;

/** A word on a page: its box in upright page-image pixels [x0, y0, x1, y1], confidence 0–100. */
export const Word = z.object({
  text: z.string(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  conf: z.number(),
  /**
   * Degrees (clockwise) the word's line runs at when OCR read it at an angle of its own — a picture
   * pasted sideways, upside down or tilted on an upright page. Its box is then the upright box around
   * the turned word, and its letters cannot be placed inside it one by one. 0 for a level word whose
   * letters cannot be placed either (a machine-readable zone read again: its box is the whole row).
   */
  angle: z.number().optional(),
});
export type Word = z.infer<typeof Word>;

/** Where a page's text came from: the PDF's own text layer, or OCR of the page image. */
export const PageSource = z.enum(['ocr', 'text-layer']);
export type PageSource = z.infer<typeof PageSource>;

/**
 * The second reading of a page: OCR of the page as it prints (pictures, stamps, form fields and
 * annotations drawn in). Redaction matches names on it as well as on the page's text. `pending` until
 * the background reader has done it; for a scanned page the import's own OCR is that reading.
 */
export const PrintReadingStatus = z.enum(['pending', 'done', 'failed']);
export type PrintReadingStatus = z.infer<typeof PrintReadingStatus>;

export const PrintReading = z.object({
  status: PrintReadingStatus,
  /** mean word confidence 0–100 */
  confidence: z.number().nullable(),
  /** the script OCR saw ('Han', 'Cyrillic', 'Latin', 'Arabic', …), when it looked */
  script: z.string().nullable(),
  error: z.string().nullable(),
});
export type PrintReading = z.infer<typeof PrintReading>;

/** Where a word a redaction matched was read: the page's text, OCR of the page as it prints, a form field or an annotation. */
export const ReadingOrigin = z.enum(['text-layer', 'ocr', 'picture', 'form-field', 'annotation']);
export type ReadingOrigin = z.infer<typeof ReadingOrigin>;

/** One page's stored result, without its image bytes. */
export const PageRecord = z.object({
  page: z.number().int(),
  status: PageStatus,
  source: PageSource.nullable(),
  errorCode: z.enum(IMPORT_ERROR_CODES).nullable(),
  errorMessage: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  dpi: z.number().int().nullable(),
  rotation: z.number().int(),
  skew: z.number(),
  confidence: z.number().nullable(),
  text: z.string().nullable(),
  words: z.array(Word),
  /** the page read as it prints; see PrintReading */
  print: PrintReading,
  /** read with low confidence (the wrong language?) and not yet confirmed by the lawyer */
  lowConfidence: z.boolean(),
  /** when the lawyer confirmed a low-confidence reading as good enough */
  readingConfirmedAt: z.string().nullable(),
});
export type PageRecord = z.infer<typeof PageRecord>;

/**
 * What happened to one file of an import. `skipped`: not a regular file (a symbolic link in a chosen
 * folder, a FIFO, a socket, a device); its `error` says which. Reported, never silently left out.
 */
export const FileImportStatus = z.enum(['queued', 'reading', 'processing', 'imported', 'duplicate', 'rejected', 'skipped', 'cancelled']);
export type FileImportStatus = z.infer<typeof FileImportStatus>;

export const FileImportProgress = z.object({
  /** The file name as the lawyer sees it (no folder). */
  file: z.string(),
  status: FileImportStatus,
  docId: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  pagesDone: z.number().int(),
  warnings: z.array(ImportWarning),
  error: ImportError.nullable(),
});
export type FileImportProgress = z.infer<typeof FileImportProgress>;

/** Pushed on every change while an import runs. `batchId` is null for work resumed after a restart. */
export const ImportProgress = z.object({
  batchId: z.string().nullable(),
  files: z.array(FileImportProgress),
  done: z.boolean(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
