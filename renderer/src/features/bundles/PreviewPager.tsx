import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundlePlan } from '../../../../shared/domain/bundle';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { isDialogOpen, isTextEntry } from '../../ui/keyboard';
import { pageAfterKey, partOf, typedPage, type PreviewPart } from './previewPaging';
import { usePreviewPage } from './usePreviewPage';

interface Props {
  bundleId: string;
  plan: BundlePlan;
  page: number;
  onPage: (page: number) => void;
}

/**
 * The bundle page by page, each as it will print (burned boxes, stamps), rendered when it is shown:
 * previous and next, a page number to go to, and the keys (Page Up / Page Down anywhere in the step,
 * the arrows on the page, Home and End).
 */
export function PreviewPager({ bundleId, plan, page, onPage }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const inputId = useId();
  const { image, retry } = usePreviewPage(bundleId, page);
  const [typed, setTyped] = useState('');
  const [typedWrong, setTypedWrong] = useState(false);
  const total = plan.pages;
  const part = partOf(page, plan);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
      if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target) || isDialogOpen()) return;
      const to = pageAfterKey(event.key, page, total);
      event.preventDefault();
      if (to !== null) onPage(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [page, total, onPage]);

  const goTyped = (event: React.FormEvent) => {
    event.preventDefault();
    const to = typedPage(typed, total);
    setTypedWrong(to === null);
    if (to !== null) {
      onPage(to);
      setTyped('');
    }
  };

  const what = describePart(t, part);
  return (
    <section className="preview-pager" aria-label={t('bundles.preview.pagerLabel')} data-testid="preview-pager">
      <div className="viewer-toolbar preview-toolbar" role="toolbar" aria-label={t('bundles.preview.pagesLabel')}>
        <div className="viewer-toolbar-group">
          <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-keyshortcuts="PageUp" data-testid="preview-prev">
            <span aria-hidden="true">‹ </span>
            {t('viewer.prev')}
          </button>
          <span className="viewer-page-indicator" aria-live="polite" data-testid="preview-indicator" data-page={page}>
            {t('viewer.pageIndicator', { page, total })}
          </span>
          <button type="button" onClick={() => onPage(page + 1)} disabled={page >= total} aria-keyshortcuts="PageDown" data-testid="preview-next">
            {t('viewer.next')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <form className="viewer-toolbar-group preview-goto" onSubmit={goTyped}>
          <label htmlFor={inputId}>{t('bundles.preview.goTo')}</label>
          <input
            id={inputId}
            inputMode="numeric"
            value={typed}
            size={5}
            aria-invalid={typedWrong}
            onChange={(event) => {
              setTyped(event.target.value);
              setTypedWrong(false);
            }}
            data-testid="preview-goto-input"
          />
          <button type="submit" data-testid="preview-goto">
            {t('bundles.preview.go')}
          </button>
        </form>
      </div>
      {typedWrong && (
        <p className="alert alert-warning" role="alert" data-testid="preview-goto-problem">
          {t('bundles.preview.noSuchPage', { total })}
        </p>
      )}
      <figure
        className="preview-page preview-page-large"
        tabIndex={0}
        aria-busy={image.status === 'loading'}
        aria-describedby={`${inputId}-keys`}
        onKeyDown={(event) => {
          if (event.key === 'PageDown' || event.key === 'PageUp') return; // the window's handler has these
          const to = pageAfterKey(event.key, page, total);
          if (to === null) return;
          event.preventDefault();
          onPage(to);
        }}
        data-testid="preview-page"
        data-page={page}
        data-part={part.kind}
      >
        <figcaption className="preview-caption" data-testid="preview-caption">
          {what}
        </figcaption>
        {image.status === 'loading' && (
          <div className="page-placeholder preview-placeholder" role="status" data-testid="preview-loading">
            {t('bundles.preview.renderingPage', { page })}
          </div>
        )}
        {image.status === 'failed' && (
          <div className="preview-placeholder">
            <ErrorAlert error={describeError(t, image.error)} testId="preview-page-error" />
            <button type="button" onClick={retry} data-testid="preview-retry">
              {t('bundles.preview.retry')}
            </button>
          </div>
        )}
        {image.status === 'ready' && <img src={image.url} alt={t('bundles.preview.pageAlt', { page, what })} data-testid="preview-image" />}
      </figure>
      <p className="hint" id={`${inputId}-keys`}>
        {t('bundles.preview.keysHint')}
      </p>
    </section>
  );
}

function describePart(t: TFunction, part: PreviewPart): string {
  switch (part.kind) {
    case 'cover':
      return t('bundles.preview.cover');
    case 'index':
      return t('bundles.preview.indexSheet', { sheet: part.sheet });
    case 'document':
      return t('bundles.preview.documentPage', { title: part.doc.title, page: part.page, pages: part.pages });
    case 'manifest':
      return t('bundles.preview.manifestSheet', { sheet: part.sheet });
  }
}
