import type { TFunction } from 'i18next';
import type { FileImportStatus, ImportErrorCode, ImportWarning } from '../../../../shared/domain/document';

/**
 * Plain words for what happened to a file or a page. Keys, not text, so the locale tests check every
 * language. The core's own message is English and technical: the lawyer sees these words instead.
 */
export const IMPORT_ERROR_KEYS = {
  'empty-file': 'importErrors.emptyFile',
  'corrupt-file': 'importErrors.corruptFile',
  'encrypted-pdf': 'importErrors.encryptedPdf',
  'pdf-password-required': 'importErrors.pdfPasswordRequired',
  'pdf-password-wrong': 'importErrors.pdfPasswordWrong',
  'image-too-large': 'importErrors.imageTooLarge',
  'image-too-small': 'importErrors.imageTooSmall',
  'file-too-large': 'importErrors.fileTooLarge',
  'unsupported-file': 'importErrors.unsupportedFile',
  'ocr-failed': 'importErrors.ocrFailed',
  timeout: 'importErrors.timeout',
  cancelled: 'importErrors.cancelled',
  'symbolic-link': 'importErrors.symbolicLink',
  'special-file': 'importErrors.specialFile',
} as const satisfies Record<ImportErrorCode, string>;

export const IMPORT_WARNING_KEYS = {
  'pdf-javascript': 'importWarnings.pdfJavascript',
  'pdf-encrypted-owner': 'importWarnings.pdfEncryptedOwner',
  'pdf-repaired': 'importWarnings.pdfRepaired',
  'extension-mismatch': 'importWarnings.extensionMismatch',
} as const satisfies Record<ImportWarning, string>;

export const FILE_STATUS_KEYS = {
  queued: 'import.status.queued',
  reading: 'import.status.reading',
  processing: 'import.status.processing',
  imported: 'import.status.imported',
  duplicate: 'import.status.duplicate',
  rejected: 'import.status.rejected',
  skipped: 'import.status.skipped',
  cancelled: 'import.status.cancelled',
} as const satisfies Record<FileImportStatus, string>;

/** A code from a newer core than this renderer still gets words, if less precise ones. */
export function describeImportError(t: TFunction, code: ImportErrorCode): string {
  return t(IMPORT_ERROR_KEYS[code] ?? IMPORT_ERROR_KEYS['corrupt-file']);
}

export function describeImportWarning(t: TFunction, warning: ImportWarning): string {
  const key = IMPORT_WARNING_KEYS[warning];
  return key ? t(key) : '';
}
