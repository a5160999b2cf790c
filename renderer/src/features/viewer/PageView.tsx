import { useTranslation } from 'react-i18next';
import type { PageRecord } from '../../../../shared/domain/document';
import { readingOf } from './pageFacts';
import type { PageHits } from './hitStepping';
import { MatchBoxes } from './MatchBoxes';
import { SuggestionBox } from './SuggestionBox';
import { usePageImage } from './usePageImage';
import { imagePlacement, rotatedSize, type BBox, type Size, type ViewRotation } from './viewGeometry';
import { WordBoxes } from './WordBoxes';

interface Props {
  docId: string;
  page: PageRecord;
  /** The page's size in page pixels; null until the image itself has told it. */
  size: Size | null;
  /** Display pixels per page pixel. */
  scale: number;
  rotation: ViewRotation;
  showBoxes: boolean;
  /** The search's matches on this page, when the viewer was opened from a search. */
  matches: PageHits | null;
  /** Where the suggestion the lawyer picked was read on this page. */
  marked?: BBox | null;
  onNaturalSize: (size: Size) => void;
}

/** The page image, turned and zoomed as the lawyer chose, with the word boxes and search matches over it. */
export function PageView({ docId, page, size, scale, rotation, showBoxes, matches, marked = null, onNaturalSize }: Props): React.JSX.Element {
  const { t } = useTranslation();
  // Ask again when the page's state changes: a page being read has no image until it is done.
  const image = usePageImage(docId, page.page, 'image', page.status);

  if (image.status !== 'ready') {
    return (
      <div className="page-placeholder" data-testid="viewer-page-placeholder">
        {image.status === 'loading' ? t('viewer.imageLoading') : t(page.status === 'failed' ? 'viewer.imageNone' : 'viewer.imageMissing')}
      </div>
    );
  }

  const onLoad = (event: React.SyntheticEvent<HTMLImageElement>) =>
    onNaturalSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight });

  if (!size) {
    // Only the image knows its size: load it unshown once to learn it.
    return <img className="page-measure" src={image.url} alt="" onLoad={onLoad} />;
  }

  const view = rotatedSize(size, rotation);
  const place = imagePlacement(size, rotation, scale);
  const reading = readingOf(page);
  return (
    <div className="page-frame" style={{ width: view.width * scale, height: view.height * scale }} data-rotation={rotation}>
      <img
        className="page-image"
        src={image.url}
        alt={t('viewer.imageAlt', { page: page.page })}
        onLoad={onLoad}
        style={{ left: place.x, top: place.y, width: place.width, height: place.height, transform: `rotate(${rotation}deg)` }}
        data-testid="viewer-page-image"
      />
      {showBoxes && reading && <WordBoxes words={reading.words} page={size} rotation={rotation} scale={scale} />}
      {matches && reading && matches.hits.length > 0 && (
        <MatchBoxes hits={matches.hits} current={matches.currentIndex} page={size} rotation={rotation} scale={scale} />
      )}
      {marked && <SuggestionBox bbox={marked} page={size} rotation={rotation} scale={scale} />}
    </div>
  );
}
