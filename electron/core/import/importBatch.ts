import { randomBytes } from 'node:crypto';
import type { FileImportProgress, ImportErrorCode, ImportProgress, OcrLanguage, SkipReason } from '../../../shared/domain/document';

/**
 * One import as the lawyer follows it: the files chosen together, each one's row of progress, and those
 * refused for their password, kept to be tried again. ImportService moves the rows on; here is what they hold.
 */
export interface FileToImport {
  /** Where it came from: a path on disk, or just a name for bytes handed over by the renderer. */
  name: string;
  path?: string;
  data?: Uint8Array;
  /** Found inside a chosen folder: a symbolic link there is not followed, even one that appears later. */
  noFollow?: boolean;
  /** Not a regular file (expandPaths): reported as `skipped` with this reason, never read. */
  skip?: { code: SkipReason; message: string };
}

/** A file refused for want of its password, or for a wrong one, can be tried again with one (`retryWithPassword`). */
export const PASSWORD_CODES: readonly ImportErrorCode[] = ['pdf-password-required', 'pdf-password-wrong'];

export interface ImportBatch {
  id: string;
  files: FileImportProgress[];
  docIds: Set<string>;
  controller: AbortController;
  finished: boolean;
  languages: readonly OcrLanguage[];
  /**
   * Where the files refused for their password came from (a path, or the bytes dropped on the window),
   * by position in `files`, so that the lawyer can give the password without choosing the file again.
   * Held in memory until the vault locks.
   */
  awaitingPassword: Map<number, FileToImport>;
}

/** A new import of `files`: each `queued`, or `skipped` with its reason when expandPaths found it is no regular file. */
export function newBatch(files: readonly FileToImport[], languages: readonly OcrLanguage[]): ImportBatch {
  return {
    id: `imp_${randomBytes(6).toString('base64url')}`,
    files: files.map((file) => ({
      file: file.name,
      status: file.skip ? 'skipped' : 'queued',
      docId: null,
      pageCount: null,
      pagesDone: 0,
      warnings: [],
      error: file.skip ? { ...file.skip } : null,
    })),
    docIds: new Set(),
    controller: new AbortController(),
    finished: false,
    languages,
    awaitingPassword: new Map(),
  };
}

/** The batch's progress as reported: a copy, so that later changes to the rows do not reach a report already sent. */
export function batchProgress(batch: ImportBatch): ImportProgress {
  return { batchId: batch.id, files: batch.files.map((file) => ({ ...file, warnings: [...file.warnings] })), done: batch.finished };
}
