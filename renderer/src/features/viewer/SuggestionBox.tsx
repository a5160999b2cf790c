import { useEffect, useRef } from 'react';
import { boxInView, rotatedSize, type BBox, type Size, type ViewRotation } from './viewGeometry';

interface Props {
  bbox: BBox;
  page: Size;
  rotation: ViewRotation;
  scale: number;
}

/** Where the selected suggestion was read, drawn over the page like the search's matches, and scrolled to. */
export function SuggestionBox({ bbox, page, rotation, scale }: Props): React.JSX.Element {
  const view = rotatedSize(page, rotation);
  const width = view.width * scale;
  const height = view.height * scale;
  const box = boxInView(bbox, page, rotation, scale);
  const rect = useRef<SVGRectElement>(null);

  useEffect(() => {
    rect.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [bbox, rotation, scale]);

  return (
    <svg className="match-boxes" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <rect ref={rect} className="suggestion-box" x={box.x - 3} y={box.y - 3} width={box.width + 6} height={box.height + 6} data-testid="suggestion-box" />
    </svg>
  );
}
