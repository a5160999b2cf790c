import type { Word } from '../../../../shared/domain/document';
import { isLowConfidence } from './pageFacts';
import { boxInView, rotatedSize, type Size, type ViewRotation } from './viewGeometry';

interface Props {
  words: Word[];
  page: Size;
  rotation: ViewRotation;
  scale: number;
}

/**
 * Where OCR found each word, drawn over the page image. Hidden from screen readers: the same words are
 * in the text beside the image, in reading order.
 */
export function WordBoxes({ words, page, rotation, scale }: Props): React.JSX.Element {
  const view = rotatedSize(page, rotation);
  const width = view.width * scale;
  const height = view.height * scale;
  return (
    <svg className="word-boxes" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" data-testid="word-boxes">
      {words.map((word, index) => {
        const box = boxInView(word.bbox, page, rotation, scale);
        return (
          <rect
            // Words repeat on a page; their order in the reading does not change while it is shown.
            key={index}
            className={isLowConfidence(word.conf) ? 'word-box word-box-low' : 'word-box'}
            x={box.x}
            y={box.y}
            width={box.width}
            height={box.height}
            data-testid="word-box"
          >
            <title>{`${word.text} (${Math.round(word.conf)})`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
