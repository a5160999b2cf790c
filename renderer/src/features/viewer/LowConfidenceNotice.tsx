import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageRecord } from '../../../../shared/domain/document';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Props {
  docId: string;
  page: PageRecord;
  /** Open the "Re-run OCR" dialog. */
  onReadAgain: () => void;
  /** The page was confirmed: show it anew. */
  onConfirmed: () => void;
}

/**
 * A page read with low confidence — most often in the wrong language — may hide a name that redaction
 * would miss. The lawyer reads it again in other languages, or says the reading is right (recorded in
 * the audit log); until then a bundle with redaction will not export it.
 */
export function LowConfidenceNotice({ docId, page, onReadAgain, onConfirmed }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  if (page.status !== 'done' || !page.lowConfidence) return null;

  const confirm = async () => {
    setBusy(true);
    const done = await request(() => window.dalel.documents.confirmReading({ docId, page: page.page }));
    setBusy(false);
    if (!done.ok) return setError(describeError(t, done.error));
    setError(null);
    onConfirmed();
  };

  return (
    <section className="alert alert-warning viewer-low-confidence" aria-labelledby="viewer-low-confidence-title" data-testid="viewer-low-confidence" data-page={page.page}>
      <p id="viewer-low-confidence-title">
        <strong>{t('viewer.lowConfidence.title')}</strong>
      </p>
      <p>{t('viewer.lowConfidence.explain')}</p>
      <div className="actions">
        <button type="button" onClick={onReadAgain} data-testid="low-confidence-rerun">
          {t('viewer.lowConfidence.readAgain')}
        </button>
        <button type="button" onClick={() => void confirm()} disabled={busy} data-testid="low-confidence-confirm">
          {t('viewer.lowConfidence.confirm')}
        </button>
      </div>
      {error && <ErrorAlert error={error} testId="low-confidence-error" />}
    </section>
  );
}
