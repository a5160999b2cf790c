import type { DocumentSummary } from '../../../../shared/domain/document';
import { formatMoment } from '../../ui/dayInput';

/**
 * What to say about a document's state. It follows the core's `status` alone: a document whose pages
 * are still being read is "processing" with n of m pages, however many of them happen to be done, and
 * is never shown as complete.
 */
export type DocumentStatusView =
  | { tone: 'processing'; key: 'library.status.processing'; values: { done: number; total: number } }
  | { tone: 'ready'; key: 'library.status.ready'; values: Record<string, never> }
  | { tone: 'partial'; key: 'library.status.partial'; values: { count: number } }
  | { tone: 'failed'; key: 'library.status.failed'; values: Record<string, never> };

export function documentStatusView(doc: Pick<DocumentSummary, 'status' | 'pageCount' | 'pagesDone' | 'pagesFailed'>): DocumentStatusView {
  switch (doc.status) {
    case 'processing': {
      // Pages given up on are finished work too; "n of m" counts every page no longer waiting.
      const done = Math.min(doc.pagesDone + doc.pagesFailed, doc.pageCount);
      return { tone: 'processing', key: 'library.status.processing', values: { done, total: doc.pageCount } };
    }
    case 'failed':
      return { tone: 'failed', key: 'library.status.failed', values: {} };
    case 'ready':
      return doc.pagesFailed > 0
        ? { tone: 'partial', key: 'library.status.partial', values: { count: doc.pagesFailed } }
        : { tone: 'ready', key: 'library.status.ready', values: {} };
  }
}

/** The import time: the day as the interface language writes it, and the local time. */
export function formatImportedAt(iso: string, language: string): string {
  return formatMoment(iso, language);
}
