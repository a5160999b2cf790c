import { IMPORT_ERROR_CODES, type ImportErrorCode } from '../../../shared/domain/document';

/**
 * Any error thrown while storing a file or reading a page, as the code its row or page shows; shared by
 * ImportService (files) and the page pump (pages). One that carries no import code is `internal-error`,
 * whose message says no more (the error itself goes to `logError`, never to the renderer).
 */
export function asImportFailure(error: unknown): { code: ImportErrorCode | 'internal-error'; message: string } {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    const { code, message } = error as { code: string; message: string };
    if ((IMPORT_ERROR_CODES as readonly string[]).includes(code)) return { code: code as ImportErrorCode, message };
  }
  return { code: 'internal-error', message: 'Dalel could not read this because of an unexpected error.' };
}
