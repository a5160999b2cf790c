import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  /** Display pixels per page pixel, as now shown. */
  scale: number;
  fitting: boolean;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: () => void;
  onRotate: () => void;
  showBoxes: boolean;
  onToggleBoxes: () => void;
}

/** Page, zoom and view controls. Rotating and zooming change the view only, never the document. */
export function ViewerToolbar(props: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { page, pageCount, onPage } = props;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(props.scale);

  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.toolbarLabel')}>
      <div className="viewer-toolbar-group">
        <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-keyshortcuts="PageUp" data-testid="page-prev">
          <span aria-hidden="true">‹ </span>
          {t('viewer.prev')}
        </button>
        <span className="viewer-page-indicator" aria-live="polite" data-testid="page-indicator">
          {t('viewer.pageIndicator', { page, total: pageCount })}
        </span>
        <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pageCount} aria-keyshortcuts="PageDown" data-testid="page-next">
          {t('viewer.next')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <div className="viewer-toolbar-group">
        <button type="button" onClick={props.onZoomOut} aria-label={t('viewer.zoomOut')} title={t('viewer.zoomOut')} data-testid="zoom-out">
          −
        </button>
        <span className="viewer-zoom" data-testid="zoom-level">
          <span className="visually-hidden">{t('viewer.zoomLabel')} </span>
          {percent}
        </span>
        <button type="button" onClick={props.onZoomIn} aria-label={t('viewer.zoomIn')} title={t('viewer.zoomIn')} data-testid="zoom-in">
          +
        </button>
        <button type="button" onClick={props.onFitWidth} aria-pressed={props.fitting} data-testid="zoom-fit">
          {t('viewer.fitWidth')}
        </button>
      </div>
      <div className="viewer-toolbar-group">
        <button type="button" onClick={props.onRotate} title={t('viewer.rotateHint')} data-testid="rotate-view">
          <span aria-hidden="true">↻ </span>
          {t('viewer.rotate')}
        </button>
        <button type="button" onClick={props.onToggleBoxes} aria-pressed={props.showBoxes} data-testid="word-boxes-toggle">
          {t('viewer.wordBoxes')}
        </button>
      </div>
    </div>
  );
}
