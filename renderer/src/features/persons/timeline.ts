import type { PersonPage } from '../../../../shared/ipc/contract';

export type TimelineEntry = PersonPage['timeline'][number];

/**
 * A person's documents in the order things happened (refusal → application → extension); documents
 * whose date is not known yet come last, so they are seen and dated rather than lost in the middle.
 */
export function orderTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => {
    if (a.date === b.date) return a.title.localeCompare(b.title);
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  });
}
