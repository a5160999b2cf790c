import { wordOffsets, type Word } from '../../../../shared/domain/document';
import type { DocumentMatches } from '../../../../shared/domain/search';
import type { BBox } from './viewGeometry';

/**
 * One place where the query meets a document, in reading order: a page, the n-th match on it, where it
 * is in the page's text and the word boxes it covers on the scan (a phrase covers several words; a word
 * that could not be placed in the text, or on the scan, has only the one or the other).
 */
export interface Hit {
  page: number;
  /** Its place among the page's matches. */
  index: number;
  range: readonly [number, number] | null;
  boxes: BBox[];
}

/** A page's own text and words, to tell which text range each matched word box belongs to. */
export interface PageReading {
  page: number;
  text: string;
  words: readonly Word[];
}

type MatchedPage = DocumentMatches['pages'][number];

export function hitsOf(matches: DocumentMatches | null, readings: readonly PageReading[] = []): Hit[] {
  if (!matches) return [];
  const pages = [...matches.pages].sort((a, b) => a.page - b.page);
  return pages.flatMap((matched) => {
    const reading = readings.find((candidate) => candidate.page === matched.page);
    return (reading && hitsByPlace(matched, reading)) ?? hitsByOrder(matched);
  });
}

/**
 * Each box joins the range its word lies in: the word is found by its box among the page's words,
 * and placed in the text the way the core places it (each word searched for after the one before).
 * Null when a box cannot be placed, so the caller falls back to pairing by order.
 */
function hitsByPlace({ page, boxes, ranges }: MatchedPage, reading: PageReading): Hit[] | null {
  if (ranges.length === 0) return null;
  const offsets = wordOffsets(reading.text, reading.words);
  const hits: Hit[] = ranges.map((range, index) => ({ page, index, range, boxes: [] }));
  const used = new Set<number>();
  for (const box of boxes) {
    const word = reading.words.findIndex((candidate, index) => !used.has(index) && sameBox(candidate.bbox, box));
    const at = offsets[word];
    if (word < 0 || !at) return null;
    used.add(word);
    const hit = hits.find(({ range }) => range !== null && at[0] < range[1] && at[1] > range[0]);
    if (!hit) return null;
    hit.boxes.push(box);
  }
  return hits;
}

/** The n-th box with the n-th range: both are listed in reading order, one per matched word. */
function hitsByOrder({ page, boxes, ranges }: MatchedPage): Hit[] {
  const count = Math.max(boxes.length, ranges.length);
  return Array.from({ length: count }, (_, index) => {
    const box = boxes[index];
    return { page, index, range: ranges[index] ?? null, boxes: box ? [box] : [] };
  });
}

const sameBox = (a: BBox, b: BBox) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
