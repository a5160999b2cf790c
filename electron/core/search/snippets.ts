import type { SnippetPart } from '../../../shared/domain/search';
import type { Match } from './pageMatches';

/** Snippets and highlights: where a hit's matches stand in the page text. */

const SNIPPET_CONTEXT = 70;

export function mergeRanges(matches: readonly Match[]): Array<[number, number]> {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<[number, number]> = [];
  for (const match of sorted) {
    const last = out.at(-1);
    if (last && match.start <= last[1]) last[1] = Math.max(last[1], match.end);
    else out.push([match.start, match.end]);
  }
  return out;
}

export function snippetOf(text: string, ranges: ReadonlyArray<[number, number]>): SnippetPart[] {
  if (ranges.length === 0) {
    const head = text.slice(0, SNIPPET_CONTEXT * 2).replace(/\s+/g, ' ').trim();
    return head ? [{ text: head + (text.length > SNIPPET_CONTEXT * 2 ? '…' : ''), match: false }] : [];
  }
  // The window around the first match that holds the most matches.
  let best = { from: 0, to: 0, count: -1 };
  for (const [start] of ranges) {
    const from = Math.max(0, start - SNIPPET_CONTEXT);
    const to = Math.min(text.length, start + SNIPPET_CONTEXT * 2);
    const count = ranges.filter(([s, e]) => s >= from && e <= to).length;
    if (count > best.count) best = { from, to, count };
  }
  // Cut at word boundaries.
  let { from, to } = best;
  while (from > 0 && /\S/.test(text[from - 1]!)) from--;
  while (to < text.length && /\S/.test(text[to]!)) to++;
  const parts: SnippetPart[] = [];
  const push = (piece: string, match: boolean) => {
    const clean = piece.replace(/\s+/g, ' ');
    if (clean) parts.push({ text: clean, match });
  };
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    if (start > cursor) push(text.slice(cursor, start), false);
    push(text.slice(Math.max(start, cursor), end), true);
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) push(text.slice(cursor, to), false);
  if (from > 0) parts.unshift({ text: '…', match: false });
  if (to < text.length) parts.push({ text: '…', match: false });
  if (parts[0] && !parts[0].match) parts[0] = { ...parts[0], text: parts[0].text.trimStart() };
  return parts;
}
