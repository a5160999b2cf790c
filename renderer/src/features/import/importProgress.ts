import type { FileImportProgress, FileImportStatus, ImportProgress } from '../../../../shared/domain/document';

/**
 * What the import panel shows, worked out from the core's `import:progress` snapshots. Each event holds
 * the whole batch, so the newest one replaces the last; nothing is added up across events.
 */

const RUNNING: readonly FileImportStatus[] = ['queued', 'reading', 'processing'];

export function isRunning(file: FileImportProgress): boolean {
  return RUNNING.includes(file.status);
}

/** How a password sent for a file ended: the file was stored, refused again, or the password never got there. */
export type PasswordOutcome = 'opened' | 'refused' | 'not-sent';

/** Refused for want of its password, or for a wrong one: the panel asks for the password. */
export function waitsForPassword(file: FileImportProgress): boolean {
  return file.status === 'rejected' && (file.error?.code === 'pdf-password-required' || file.error?.code === 'pdf-password-wrong');
}

/** Batches resumed after a restart have no id; they still need a key of their own. */
export function batchKey(progress: ImportProgress): string {
  return progress.batchId ?? 'resumed';
}

/** Pages read (or given up on) out of the file's pages; null while the page count is not known yet. */
export function filePages(file: FileImportProgress): { done: number; total: number } | null {
  if (file.pageCount === null) return null;
  return { done: Math.min(file.pagesDone, file.pageCount), total: file.pageCount };
}

export interface BatchSummary {
  files: number;
  finished: number;
  imported: number;
  duplicate: number;
  rejected: number;
  /** not regular files (links inside a folder, pipes, devices): reported, never read */
  skipped: number;
  cancelled: number;
  /** Pages of the files whose page count is known. */
  pagesDone: number;
  pagesTotal: number;
  /** Work is going on: the batch is not done, or a file in it is still being read. */
  running: boolean;
}

export function summarizeBatch(progress: ImportProgress): BatchSummary {
  const summary: BatchSummary = {
    files: progress.files.length,
    finished: 0,
    imported: 0,
    duplicate: 0,
    rejected: 0,
    skipped: 0,
    cancelled: 0,
    pagesDone: 0,
    pagesTotal: 0,
    running: false,
  };
  for (const file of progress.files) {
    if (isRunning(file)) summary.running = true;
    else summary.finished += 1;
    if (file.status === 'imported') summary.imported += 1;
    if (file.status === 'duplicate') summary.duplicate += 1;
    if (file.status === 'rejected') summary.rejected += 1;
    if (file.status === 'skipped') summary.skipped += 1;
    if (file.status === 'cancelled') summary.cancelled += 1;
    // A duplicate's pages were read in an earlier import; counting them would inflate this one.
    const pages = file.status === 'duplicate' ? null : filePages(file);
    if (pages) {
      summary.pagesDone += pages.done;
      summary.pagesTotal += pages.total;
    }
  }
  // `done` alone is not trusted: a half-read file keeps the batch running whatever the flag says.
  if (!progress.done) summary.running = true;
  return summary;
}

export interface ImportsState {
  /** Oldest first, the order the lawyer started them in. */
  batches: ImportProgress[];
  /** Batches the lawyer closed; a late event for one of them does not bring it back. */
  dismissed: string[];
}

export type ImportsAction = { type: 'progress'; progress: ImportProgress } | { type: 'dismiss'; key: string };

export const NO_IMPORTS: ImportsState = { batches: [], dismissed: [] };

export function importsReducer(state: ImportsState, action: ImportsAction): ImportsState {
  switch (action.type) {
    case 'progress': {
      const key = batchKey(action.progress);
      if (state.dismissed.includes(key)) return state;
      const index = state.batches.findIndex((batch) => batchKey(batch) === key);
      const batches = index < 0 ? [...state.batches, action.progress] : state.batches.with(index, action.progress);
      return { ...state, batches };
    }
    case 'dismiss': {
      const batch = state.batches.find((candidate) => batchKey(candidate) === action.key);
      // A running import cannot be hidden: its progress and errors are what the lawyer must see.
      if (!batch || summarizeBatch(batch).running) return state;
      return { batches: state.batches.filter((other) => other !== batch), dismissed: [...state.dismissed, action.key] };
    }
  }
}
