/** A piece of a page's text: plain, a match, or the match the viewer is on. */
export interface TextPiece {
  text: string;
  mark: 'none' | 'match' | 'current';
}

/**
 * The page text cut at the matches' [start, end) offsets, for <mark>s in the text pane. The pane shows
 * the text trimmed, so offsets move by the whitespace cut from the start. Ranges reaching outside the
 * text are cut to it; where two overlap, the text is marked once, and as current if either is.
 */
export function markedText(text: string, ranges: ReadonlyArray<readonly [number, number]>, current: number | null): TextPiece[] {
  const shown = text.trim();
  const lead = text.length - text.trimStart().length;
  const spans = ranges
    .map(([start, end], index) => ({ start: Math.max(0, start - lead), end: Math.min(shown.length, end - lead), current: index === current }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);

  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of spans) {
    const mark = span.current ? 'current' : 'match';
    const previous = pieces.at(-1);
    if (span.start < at && previous) {
      // Overlaps the match before: extend it rather than mark the same letters twice.
      if (span.end > at) previous.text += shown.slice(at, span.end);
      if (span.current) previous.mark = 'current';
      at = Math.max(at, span.end);
      continue;
    }
    if (span.start > at) pieces.push({ text: shown.slice(at, span.start), mark: 'none' });
    pieces.push({ text: shown.slice(span.start, span.end), mark });
    at = span.end;
  }
  if (at < shown.length) pieces.push({ text: shown.slice(at), mark: 'none' });
  return pieces;
}
