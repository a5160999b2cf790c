import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../shared/domain/document';
import { ImportFileRow } from './ImportFileRow';
import { batchKey, summarizeBatch, type PasswordOutcome } from './importProgress';

interface Props {
  batch: ImportProgress;
  onCancel: (batchId: string) => Promise<void>;
  /** Try a file of the batch again with its password. */
  onPassword: (batchId: string, file: number, password: string) => Promise<PasswordOutcome>;
  onDismiss: (key: string) => void;
  onOpen: (docId: string) => void;
}

/** One import: every file with its status, page progress and, when refused, the reason in words. */
export function ImportPanel({ batch, onCancel, onPassword, onDismiss, onOpen }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const titleId = useId();
  const [cancelling, setCancelling] = useState(false);
  const summary = summarizeBatch(batch);
  // Files refused before they reached the core belong to no batch the core could cancel.
  const cancellable = batch.batchId !== null && !batch.batchId.startsWith('local-');

  const cancel = async () => {
    if (!batch.batchId) return;
    setCancelling(true);
    await onCancel(batch.batchId);
    setCancelling(false);
  };

  const outcome = [
    summary.imported > 0 && t('import.summary.imported', { n: summary.imported }),
    summary.duplicate > 0 && t('import.summary.duplicate', { n: summary.duplicate }),
    summary.rejected > 0 && t('import.summary.rejected', { n: summary.rejected }),
    summary.skipped > 0 && t('import.summary.skipped', { n: summary.skipped }),
    summary.cancelled > 0 && t('import.summary.cancelled', { n: summary.cancelled }),
  ].filter(Boolean);

  return (
    <section className="import-panel" aria-labelledby={titleId} data-testid="import-panel" data-running={summary.running}>
      <div className="import-panel-head">
        <div aria-live="polite">
          <h2 id={titleId}>
            {summary.running
              ? t('import.running', { finished: summary.finished, total: summary.files })
              : t(summary.cancelled > 0 ? 'import.cancelledTitle' : 'import.finished')}
          </h2>
          {outcome.length > 0 && <p className="hint">{outcome.join(' · ')}</p>}
        </div>
        {summary.running && cancellable && (
          <button type="button" onClick={() => void cancel()} disabled={cancelling} data-testid="import-cancel">
            {cancelling ? t('import.cancelling') : t('import.cancel')}
          </button>
        )}
        {!summary.running && (
          <button type="button" className="button-quiet" onClick={() => onDismiss(batchKey(batch))} data-testid="import-dismiss">
            {t('common.close')}
          </button>
        )}
      </div>
      {summary.running && summary.pagesTotal > 0 && (
        <div className="import-panel-pages">
          <progress
            max={summary.pagesTotal}
            value={summary.pagesDone}
            aria-label={t('import.pagesProgress', { done: summary.pagesDone, total: summary.pagesTotal })}
          />
          <span className="hint">{t('import.pagesProgress', { done: summary.pagesDone, total: summary.pagesTotal })}</span>
        </div>
      )}
      <ul className="import-files">
        {batch.files.map((file, index) => (
          // Names repeat (two "scan.jpg" from different folders); the position in the batch does not.
          <ImportFileRow
            key={index}
            file={file}
            onOpen={onOpen}
            onPassword={cancellable && batch.batchId ? (password) => onPassword(batch.batchId!, index, password) : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

interface PanelsProps extends Omit<Props, 'batch'> {
  batches: ImportProgress[];
}

/** The imports of this session above the document list, oldest first, each until it is closed. */
export function ImportPanels({ batches, ...handlers }: PanelsProps): React.JSX.Element | null {
  const { t } = useTranslation();
  if (batches.length === 0) return null;
  return (
    <div className="import-panels" role="region" aria-label={t('import.panelsLabel')}>
      {batches.map((batch) => (
        <ImportPanel key={batchKey(batch)} batch={batch} {...handlers} />
      ))}
    </div>
  );
}
