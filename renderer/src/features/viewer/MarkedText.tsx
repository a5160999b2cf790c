import { Fragment, useEffect, useRef } from 'react';
import type { PageHits } from './hitStepping';
import { markedText } from './markedText';

/** A page's text with the search's matches in <mark>s; the current one stands out and is scrolled to. */
export function MarkedText({ text, matches }: { text: string; matches: PageHits | null }): React.JSX.Element {
  // Only matches with a place in the text can be marked in it.
  const placed = (matches?.hits ?? []).flatMap((hit) => (hit.range ? [{ range: hit.range, index: hit.index }] : []));
  const current = placed.findIndex((hit) => hit.index === matches?.currentIndex);
  const pieces = markedText(
    text,
    placed.map((hit) => hit.range),
    current >= 0 ? current : null,
  );
  const currentMark = useRef<HTMLElement>(null);

  useEffect(() => {
    currentMark.current?.scrollIntoView({ block: 'center' });
  }, [current, matches?.currentIndex]);

  return (
    <>
      {pieces.map((piece, index) =>
        piece.mark === 'none' ? (
          <Fragment key={index}>{piece.text}</Fragment>
        ) : (
          <mark
            key={index}
            ref={piece.mark === 'current' ? currentMark : undefined}
            className={piece.mark === 'current' ? 'text-match text-match-current' : 'text-match'}
            data-testid="text-match"
            data-current={piece.mark === 'current'}
          >
            {piece.text}
          </mark>
        ),
      )}
    </>
  );
}
