import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { isDialogOpen } from '../../ui/keyboard';
import type { SearchHighlight } from './useSearchHighlight';

interface Props {
  query: string;
  highlight: SearchHighlight;
  onStep: (direction: 1 | -1) => void;
}

/** "Hit 2 of 7" with previous and next, across the document's pages; F3 and Shift+F3 step too. */
export function HitBar({ query, highlight, onStep }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { hits, current, loading, error } = highlight;
  const latestStep = useRef(onStep);
  useEffect(() => {
    latestStep.current = onStep;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F3' || event.altKey || event.ctrlKey || event.metaKey || isDialogOpen()) return;
      // F3 is also the browser's "find again": here it means the search Dalel already has.
      event.preventDefault();
      latestStep.current(event.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const position = loading
    ? t('viewer.hits.loading')
    : error
      ? describeError(t, error).message
      : hits.length === 0
        ? t('viewer.hits.none')
        : current === null
          ? t('viewer.hits.count', { count: hits.length })
          : t('viewer.hits.position', { current: current + 1, total: hits.length });

  return (
    <div className="hit-bar" role="group" aria-label={t('viewer.hits.label')} data-testid="hit-bar">
      <span className="hit-bar-query">{t('viewer.hits.query', { query })}</span>
      <span className="hit-bar-position" aria-live="polite" data-testid="hit-position">
        {position}
      </span>
      <button type="button" onClick={() => onStep(-1)} disabled={hits.length === 0} aria-keyshortcuts="Shift+F3" data-testid="hit-prev">
        <span aria-hidden="true">‹ </span>
        {t('viewer.hits.prev')}
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={hits.length === 0} aria-keyshortcuts="F3" data-testid="hit-next">
        {t('viewer.hits.next')}
        <span aria-hidden="true"> ›</span>
      </button>
      <button type="button" className="button-quiet hit-bar-clear" onClick={highlight.clear} data-testid="hit-clear">
        {t('viewer.hits.clear')}
      </button>
    </div>
  );
}
