import type { Hit } from './documentHits';

/** The hit to start on when the viewer opens at `page`: its first one there, or none when it has none. */
export function firstHitOn(hits: readonly Hit[], page: number): number | null {
  const found = hits.findIndex((hit) => hit.page === page);
  return found >= 0 ? found : null;
}

/**
 * The next (or previous) hit, wrapping round the document's ends. From the current hit while the
 * lawyer is still on its page; once they have turned to another page, from where they are: "next" is
 * the first hit on that page or after it, "previous" the last one on it or before it.
 */
export function stepHit(hits: readonly Hit[], current: number | null, shownPage: number, direction: 1 | -1): number | null {
  const count = hits.length;
  if (count === 0) return null;
  if (current !== null && hits[current]?.page === shownPage) return (current + direction + count) % count;
  if (direction === 1) {
    const next = hits.findIndex((hit) => hit.page >= shownPage);
    return next >= 0 ? next : 0;
  }
  const previous = hits.findLastIndex((hit) => hit.page <= shownPage);
  return previous >= 0 ? previous : count - 1;
}

/** The hits on one page, and the page index of the current one when it is on this page. */
export interface PageHits {
  hits: Hit[];
  currentIndex: number | null;
}

export function hitsOnPage(hits: readonly Hit[], page: number, current: number | null): PageHits {
  const onPage = hits.filter((hit) => hit.page === page);
  const currentHit = current === null ? undefined : hits[current];
  return { hits: onPage, currentIndex: currentHit && currentHit.page === page ? currentHit.index : null };
}
