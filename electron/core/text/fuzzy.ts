/**
 * Words one or two letters away from a query word, taken from the index's own vocabulary: an OCR
 * error (миграцыи) or a spelling variant (Musakhan / Musahan) must not hide a page.
 */

/** Letters a word may differ by: none below 4 letters, 1 up to 6, 2 from 7 on. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), or `max + 1` as soon
 * as it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n]!;
}

/** A 32-bit set of the letters in a word (by code point modulo 32): a cheap test before the distance. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask >>> 0;
}

/** Set bits of a 32-bit value (the SWAR count: near() asks it twice for every word of the vocabulary). */
function bits(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The vocabulary bucketed by length, so a lookup compares only words of a possible length. */
export class Vocabulary {
  private readonly byLength = new Map<number, Array<{ term: string; mask: number }>>();
  private readonly terms = new Set<string>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) this.add(term);
  }

  /** A word the index has come to hold (a page was indexed): found from now on. */
  add(term: string): void {
    if (this.terms.has(term)) return;
    this.terms.add(term);
    const length = [...term].length;
    let bucket = this.byLength.get(length);
    if (!bucket) this.byLength.set(length, (bucket = []));
    bucket.push({ term, mask: letterMask(term) });
  }

  /** Terms within the allowed edits of `word` (never `word` itself), closest first, at most `limit`. */
  near(word: string, limit = 24): string[] {
    const chars = [...word];
    const max = allowedEdits(chars.length);
    if (max === 0) return [];
    const found: Array<{ term: string; distance: number }> = [];
    const mask = letterMask(word);
    for (let length = chars.length - max; length <= chars.length + max; length++) {
      for (const { term, mask: termMask } of this.byLength.get(length) ?? []) {
        // Each edit brings in at most one letter the other word lacks.
        if (term === word || bits(mask & ~termMask) > max || bits(termMask & ~mask) > max) continue;
        const distance = editDistance(word, term, max);
        if (distance <= max) found.push({ term, distance });
      }
    }
    found.sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term));
    return found.slice(0, limit).map((entry) => entry.term);
  }
}
