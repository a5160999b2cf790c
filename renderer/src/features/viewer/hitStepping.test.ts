import { describe, expect, it } from 'vitest';
import type { Hit } from './documentHits';
import { firstHitOn, hitsOnPage, stepHit } from './hitStepping';

/** Two hits on page 1, none on page 2, one on page 3. */
const hits: Hit[] = [
  { page: 1, index: 0, range: [40, 50], boxes: [] },
  { page: 1, index: 1, range: [51, 58], boxes: [] },
  { page: 3, index: 0, range: [0, 7], boxes: [] },
];
const where = (index: number | null) => (index === null ? null : `${hits[index]!.page}.${hits[index]!.index}`);

describe('firstHitOn', () => {
  it('starts on the first hit of the page the search result opened', () => {
    expect(where(firstHitOn(hits, 3))).toBe('3.0');
    expect(firstHitOn(hits, 2)).toBeNull();
  });
});

describe('stepHit', () => {
  it('steps through the hits across pages and wraps round at the end', () => {
    const seen: Array<string | null> = [];
    let current: number | null = 0;
    for (let i = 0; i < 4; i += 1) {
      current = stepHit(hits, current, hits[current!]!.page, 1);
      seen.push(where(current));
    }
    expect(seen).toEqual(['1.1', '3.0', '1.0', '1.1']);
  });

  it('steps back, wrapping round at the start', () => {
    expect(where(stepHit(hits, 0, 1, -1))).toBe('3.0');
    expect(where(stepHit(hits, 2, 3, -1))).toBe('1.1');
  });

  it('goes on from the page the lawyer turned to, not from the hit left behind', () => {
    // On page 2, which has no match: next is on page 3, previous the last one on page 1.
    expect(where(stepHit(hits, 0, 2, 1))).toBe('3.0');
    expect(where(stepHit(hits, 0, 2, -1))).toBe('1.1');
    // Turned back to page 1 from the hit on page 3: next is page 1's first hit.
    expect(where(stepHit(hits, 2, 1, 1))).toBe('1.0');
  });

  it('starts from the page shown when no hit is current', () => {
    expect(where(stepHit(hits, null, 2, 1))).toBe('3.0');
    expect(where(stepHit(hits, null, 1, -1))).toBe('1.1');
  });

  it('has nowhere to go without matches', () => {
    expect(stepHit([], null, 1, 1)).toBeNull();
  });
});

describe('hitsOnPage', () => {
  it('gives the page’s hits and which of them is current', () => {
    expect(hitsOnPage(hits, 1, 1)).toMatchObject({ currentIndex: 1 });
    expect(hitsOnPage(hits, 1, 1).hits).toHaveLength(2);
    expect(hitsOnPage(hits, 1, 2).currentIndex).toBeNull();
    expect(hitsOnPage(hits, 2, 0).hits).toEqual([]);
  });
});
