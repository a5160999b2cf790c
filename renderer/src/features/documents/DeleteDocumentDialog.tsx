import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';

interface Props {
  documents: readonly DocumentSummary[];
  onDeleted: () => void;
  onClose: () => void;
}

/** Delete documents for good, after saying what goes with them. */
export function DeleteDocumentDialog({ documents, onDeleted, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const deleted = await request(() => window.dalel.documents.delete({ docIds: documents.map((doc) => doc.id) }));
    setBusy(false);
    if (!deleted.ok) return setError(describeError(t, deleted.error));
    onDeleted();
  };

  return (
    <Modal title={t('documents.deleteTitle', { count: documents.length })} onClose={onClose} testId="delete-document-dialog">
      <ul className="delete-list">
        {documents.map((doc) => (
          <li key={doc.id}>{doc.title}</li>
        ))}
      </ul>
      <p>{t('documents.deleteExplain', { count: documents.length })}</p>
      {error && <ErrorAlert error={error} testId="delete-document-error" />}
      <div className="actions">
        <button type="button" className="button-danger" onClick={() => void confirm()} disabled={busy} data-testid="delete-document-confirm">
          {busy ? t('documents.deleting') : t('documents.deleteConfirm', { count: documents.length })}
        </button>
        <button type="button" onClick={onClose} disabled={busy} data-testid="delete-document-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
