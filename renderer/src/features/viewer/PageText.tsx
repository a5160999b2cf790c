import { useTranslation } from 'react-i18next';
import type { PageRecord } from '../../../../shared/domain/document';
import { describeImportError } from '../import/importMessages';
import type { PageHits } from './hitStepping';
import { MarkedText } from './MarkedText';
import { readingOf, shownConfidence } from './pageFacts';

const STATUS_TONES = { pending: 'info', done: 'success', failed: 'danger' } as const;

interface Props {
  page: PageRecord;
  /** The search's matches on this page, marked in the text. */
  matches: PageHits | null;
}

/** What is known about one page: its state, where its text came from, how sure OCR was, the text. */
export function PageText({ page, matches }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const reading = readingOf(page);
  const confidence = shownConfidence(page);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <>
      <div className="page-facts" data-testid="viewer-page-facts">
        <span className={`badge badge-${STATUS_TONES[page.status]}`} data-testid="viewer-page-status" data-status={page.status}>
          {t(`viewer.pageStatus.${page.status}`)}
        </span>
        {page.status === 'done' && page.source && <span data-testid="viewer-page-source">{t(`viewer.source.${page.source}`)}</span>}
        {confidence !== null && <span data-testid="viewer-page-confidence">{t('viewer.confidence', { percent: percent.format(confidence) })}</span>}
        {page.status === 'done' && page.rotation % 360 !== 0 && <span>{t('viewer.uprighted', { degrees: ((page.rotation % 360) + 360) % 360 })}</span>}
      </div>
      {page.status === 'failed' && (
        <p className="alert alert-error" data-testid="viewer-page-error" data-code={page.errorCode ?? ''}>
          {describeImportError(t, page.errorCode ?? 'ocr-failed')}
        </p>
      )}
      <div className="page-text" data-testid="viewer-text" data-state={reading ? 'read' : page.status}>
        {reading && (reading.text.trim() ? <MarkedText text={reading.text} matches={matches} /> : <span className="hint">{t('viewer.textEmpty')}</span>)}
        {page.status === 'pending' && <span className="hint">{t('viewer.textPending')}</span>}
        {page.status === 'failed' && <span className="hint">{t('viewer.textFailed')}</span>}
      </div>
    </>
  );
}
