import type { DocumentSummary } from '../../../../shared/domain/document';

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

/** The import time in the interface language's own format; the raw value if it cannot be read. */
export function formatImportedAt(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!knowsMonthNames(language)) return numericDateTime(date);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * Chromium's ICU data has no Kazakh month names and formats "2024 M05 14" instead. The numeric form
 * used on Kazakh (and Russian) documents reads better than that.
 */
function knowsMonthNames(language: string): boolean {
  const month = new Intl.DateTimeFormat(language, { month: 'long' }).format(new Date(2024, 4, 14));
  return !/^M\d+$/.test(month);
}

/** 14.05.2024, 10:32 in local time. */
export function numericDateTime(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}, ${two(date.getHours())}:${two(date.getMinutes())}`;
}
