import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UncheckedPage } from '../../../../shared/domain/bundle';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { RerunOcrDialog } from '../viewer/RerunOcrDialog';
import { canConfirm, firstRows } from './reviewChecks';

interface Props {
  pages: UncheckedPage[];
  /** Pages still to be read as they print (the export reads them first). */
  printPending: number;
  docs: Map<string, DocumentSummary>;
  titleOf: (docId: string) => string;
  /** Plan again: a page was confirmed, or is being read again. */
  onChanged: () => void;
  onShowPage: (docId: string, page: number) => void;
}

/** A list of hundreds of pages helps nobody at first sight. */
const FIRST_ROWS = 10;

/**
 * Pages Dalel could not fully check for names: each with why, in plain words, and what the lawyer can
 * do — read its document again in other languages, or say they looked at the page themselves. A bundle
 * with redaction is not exported until each one is settled.
 */
export function UncheckedPages({ pages, printPending, docs, titleOf, onChanged, onShowPage }: Props): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const [rerunning, setRerunning] = useState<DocumentSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Map<string, ErrorText>>(new Map());
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  if (pages.length === 0 && printPending === 0) return null;

  const keyOf = (page: UncheckedPage) => `${page.docId}#${page.page}`;
  const confirm = async (page: UncheckedPage) => {
    const key = keyOf(page);
    setBusy(key);
    const done = await request(() => window.dalel.documents.confirmReading({ docId: page.docId, page: page.page }));
    setBusy(null);
    setErrors((current) => {
      const next = new Map(current);
      if (done.ok) next.delete(key);
      else next.set(key, describeError(t, done.error));
      return next;
    });
    if (done.ok) onChanged();
  };

  const { shown, hidden } = firstRows(pages, showAll, FIRST_ROWS);
  return (
    <>
      {printPending > 0 && (
        <p className="alert alert-info" role="status" data-testid="redact-print-pending" data-count={printPending}>
          {t('bundles.redact.unchecked.printPending', { count: printPending })}
        </p>
      )}
      {pages.length > 0 && (
        <section className="alert alert-warning redact-notice" aria-labelledby="redact-unchecked-title" data-testid="redact-unchecked">
          <h3 id="redact-unchecked-title">{t('bundles.redact.unchecked.title', { count: pages.length })}</h3>
          <p>{t('bundles.redact.unchecked.explain')}</p>
          <ul className="redact-notice-list">
            {shown.map((page) => {
              const key = keyOf(page);
              const doc = docs.get(page.docId);
              const error = errors.get(key);
              return (
                <li key={key} className="redact-notice-item" data-testid="unchecked-page" data-reason={page.reason} data-doc-id={page.docId} data-page={page.page}>
                  <div className="redact-notice-head">
                    <strong>{t('bundles.redact.unchecked.where', { title: titleOf(page.docId), page: page.page })}</strong>
                  </div>
                  <p>
                    {page.reason === 'low-confidence'
                      ? t('bundles.redact.unchecked.lowConfidence', { percent: page.confidence === null ? '—' : percent.format(page.confidence / 100) })
                      : t(page.reason === 'not-read' ? 'bundles.redact.unchecked.notRead' : 'bundles.redact.unchecked.printFailed')}
                  </p>
                  <div className="actions">
                    <button type="button" className="button-link" onClick={() => onShowPage(page.docId, page.page)} data-testid="unchecked-show">
                      {t('bundles.redact.unchecked.show')}
                    </button>
                    {doc && (
                      <button type="button" onClick={() => setRerunning(doc)} data-testid="unchecked-rerun">
                        {t('bundles.redact.unchecked.rerun')}
                      </button>
                    )}
                    {canConfirm(page) && (
                      <button type="button" onClick={() => void confirm(page)} disabled={busy === key} data-testid="unchecked-confirm">
                        {t('bundles.redact.unchecked.confirm')}
                      </button>
                    )}
                  </div>
                  {error && <ErrorAlert error={error} testId="unchecked-error" />}
                </li>
              );
            })}
          </ul>
          {hidden > 0 && (
            <button type="button" className="button-quiet" onClick={() => setShowAll(true)} data-testid="unchecked-show-all">
              {t('bundles.redact.unchecked.showAll', { count: pages.length })}
            </button>
          )}
        </section>
      )}
      {rerunning && <RerunOcrDialog document={rerunning} onStarted={onChanged} onClose={() => setRerunning(null)} />}
    </>
  );
}
