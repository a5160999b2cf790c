import { useEffect, useRef } from 'react';
import type { Hit } from './documentHits';
import { boxInView, rotatedSize, type Size, type ViewRotation } from './viewGeometry';

interface Props {
  hits: Hit[];
  /** The page index of the hit the lawyer is on, if it is on this page. */
  current: number | null;
  page: Size;
  rotation: ViewRotation;
  scale: number;
}

/**
 * The search's matches drawn over the page image, like the word boxes, turned and zoomed with it; the
 * current one stands out and is scrolled into view. Hidden from screen readers: the text pane marks
 * the same words.
 */
export function MatchBoxes({ hits, current, page, rotation, scale }: Props): React.JSX.Element {
  const view = rotatedSize(page, rotation);
  const width = view.width * scale;
  const height = view.height * scale;
  const currentBox = useRef<SVGRectElement>(null);

  useEffect(() => {
    currentBox.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [current, rotation, scale]);

  return (
    <svg className="match-boxes" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" data-testid="match-boxes">
      {hits.flatMap((hit) =>
        hit.boxes.map((bbox, part) => {
          const box = boxInView(bbox, page, rotation, scale);
          const isCurrent = hit.index === current;
          return (
            <rect
              key={`${hit.index}.${part}`}
              ref={isCurrent && part === 0 ? currentBox : undefined}
              className={isCurrent ? 'match-box match-box-current' : 'match-box'}
              x={box.x}
              y={box.y}
              width={box.width}
              height={box.height}
              data-testid="match-box"
              data-current={isCurrent}
            />
          );
        }),
      )}
    </svg>
  );
}
