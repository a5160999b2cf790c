/**
 * The code lists of the document domain: OCR languages, why an import failed, what it warns about.
 * Values, read alike by the schemas (shared/schemas), the core and the renderer. This file imports
 * nothing, so the renderer and the sandboxed preload can take these lists without the schemas (zod).
 */

/** OCR languages Dalel ships (tesseract codes). */
export const OCR_LANGUAGES = ['rus', 'kaz', 'eng', 'chi_sim', 'uig'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
export const DEFAULT_OCR_LANGUAGES: readonly OcrLanguage[] = ['rus', 'kaz', 'eng'];

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
