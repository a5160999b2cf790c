import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { LanguageChoice } from '../import/LanguageChoice';

interface Props {
  document: DocumentSummary;
  onStarted: () => void;
  onClose: () => void;
}

/** Read a document's scanned pages again in other languages (a wrong choice at import is common). */
export function RerunOcrDialog({ document, onStarted, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [languages, setLanguages] = useState(document.languages);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [nothingToRead, setNothingToRead] = useState(false);
  const problem = tried && languages.length === 0 ? t('import.languagesNone') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (languages.length === 0) return;
    setBusy(true);
    const started = await request(() => window.dalel.documents.rerunOcr({ docId: document.id, languages }));
    setBusy(false);
    if (!started.ok) return setError(describeError(t, started.error));
    onStarted();
    // Every page's text came from the PDF itself: there was nothing to read again, so say so.
    if (started.value.pages === 0) setNothingToRead(true);
    else onClose();
  };

  return (
    <Modal title={t('viewer.rerunTitle')} onClose={onClose} testId="rerun-ocr-dialog">
      <form onSubmit={submit} aria-busy={busy}>
        <p className="hint">{t('viewer.rerunExplain')}</p>
        <LanguageChoice value={languages} onChange={setLanguages} disabled={busy} problem={problem} />
        {error && <ErrorAlert error={error} testId="rerun-ocr-error" />}
        {nothingToRead && (
          <p className="alert alert-info" role="status" data-testid="rerun-ocr-nothing">
            {t('viewer.rerunNothing')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="rerun-ocr-submit">
            {busy ? t('viewer.rerunBusy') : t('viewer.rerunSubmit')}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            {nothingToRead ? t('common.close') : t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
