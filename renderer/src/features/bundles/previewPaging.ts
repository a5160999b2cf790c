import type { BundlePlan, PlannedDocument } from '../../../../shared/domain/bundle';

/**
 * Paging through the bundle as it will print, one page at a time: the core renders each page on
 * demand (burned boxes, stamps), which takes it a moment, so a 500-page bundle is never rendered whole
 * and only the last few pages seen are kept.
 */

/** What a page of the bundle is: the cover, a page of the index, a page of a document, or the manifest. */
export type PreviewPart =
  | { kind: 'cover' }
  | { kind: 'index'; sheet: number }
  | { kind: 'document'; doc: PlannedDocument; page: number; pages: number }
  | { kind: 'manifest'; sheet: number };

export function partOf(page: number, plan: Pick<BundlePlan, 'frontMatterPages' | 'documents'>): PreviewPart {
  if (page <= 1) return { kind: 'cover' };
  if (page <= plan.frontMatterPages) return { kind: 'index', sheet: page - 1 };
  const doc = plan.documents.find((item) => page >= item.firstPage && page <= item.lastPage);
  if (doc) return { kind: 'document', doc, page: page - doc.firstPage + 1, pages: doc.lastPage - doc.firstPage + 1 };
  const lastDocumentPage = Math.max(plan.frontMatterPages, ...plan.documents.map((item) => item.lastPage));
  return { kind: 'manifest', sheet: page - lastDocumentPage };
}

export function clampPage(page: number, total: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.max(1, Math.min(Math.max(1, total), Math.trunc(page)));
}

/**
 * The page a key takes the preview to: Page Down and → the next, Page Up and ← the previous, Home the
 * first, End the last; null for other keys (and at an end, for keys that would not move).
 */
export function pageAfterKey(key: string, page: number, total: number): number | null {
  const to =
    key === 'PageDown' || key === 'ArrowRight'
      ? page + 1
      : key === 'PageUp' || key === 'ArrowLeft'
        ? page - 1
        : key === 'Home'
          ? 1
          : key === 'End'
            ? total
            : null;
  if (to === null) return null;
  const clamped = clampPage(to, total);
  return clamped === page ? null : clamped;
}

/** A page number as the lawyer typed it ("12", " 12 "), or null when it is not a page of the bundle. */
export function typedPage(text: string, total: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const page = Number(trimmed);
  return page >= 1 && page <= total ? page : null;
}

/**
 * The pages to keep rendered after showing `item`: the most recent last, at most `limit`; the ones
 * dropped are let go (their images freed).
 */
export function keepRecent<T>(recent: readonly T[], item: T, limit: number): { recent: T[]; dropped: T[] } {
  const next = [...recent.filter((other) => other !== item), item];
  const over = Math.max(0, next.length - Math.max(1, limit));
  return { recent: next.slice(over), dropped: next.slice(0, over) };
}
