import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileImportProgress, FileImportStatus } from '../../../../shared/domain/document';
import { describeImportError, describeImportWarning, FILE_STATUS_KEYS } from './importMessages';
import { filePages, isRunning, waitsForPassword, type PasswordOutcome } from './importProgress';
import { PdfPasswordForm } from './PdfPasswordForm';

interface Props {
  file: FileImportProgress;
  onOpen: (docId: string) => void;
  /** Try the file again with its password (files of an import the core runs). */
  onPassword?: (password: string) => Promise<PasswordOutcome>;
}

const TONES: Record<FileImportStatus, 'neutral' | 'info' | 'success' | 'danger'> = {
  queued: 'neutral',
  reading: 'info',
  processing: 'info',
  imported: 'success',
  duplicate: 'neutral',
  rejected: 'danger',
  skipped: 'neutral',
  cancelled: 'neutral',
};

export function ImportFileRow({ file, onOpen, onPassword }: Props): React.JSX.Element {
  const { t } = useTranslation();
  // Once asked, the form stays while a password is tried (a refused file goes back to `reading` only so),
  // so that a wrong one leaves the field where it was, in focus.
  const [asked, setAsked] = useState(false);
  const waits = waitsForPassword(file);
  if (waits && !asked) setAsked(true);
  const asksPassword = onPassword && (waits || (asked && file.status === 'reading'));
  const pages = filePages(file);
  const running = isRunning(file);
  // "Cancelled" already says it; the matching error would only repeat it.
  const error = file.error && !(file.status === 'cancelled' && file.error.code === 'cancelled') ? file.error : null;
  // A duplicate opens the copy already in the vault; a file still being read opens as "processing".
  const openable = file.status === 'imported' || file.status === 'duplicate' || file.status === 'processing' ? file.docId : null;

  return (
    <li className="import-file" data-testid="import-file-row" data-status={file.status} data-doc-id={file.docId ?? undefined}>
      <div className="import-file-head">
        <span className="import-file-name" title={file.file}>
          {file.file}
        </span>
        <span className={`badge badge-${TONES[file.status]}`} data-testid="import-file-status">
          {t(FILE_STATUS_KEYS[file.status])}
        </span>
      </div>
      {pages && running && (
        <div className="import-file-pages">
          <progress max={pages.total} value={pages.done} aria-label={t('import.pagesProgress', pages)} />
          <span className="hint">{t('import.pagesProgress', pages)}</span>
        </div>
      )}
      {/* Busy without a page count yet: moving, but not pretending to know how far along it is. */}
      {file.status !== 'queued' && running && !pages && <progress className="import-file-indeterminate" aria-label={t(FILE_STATUS_KEYS[file.status])} />}
      {error && (
        <p className="import-file-error" data-testid="import-file-error" data-code={error.code}>
          {describeImportError(t, error.code)}
        </p>
      )}
      {asksPassword && <PdfPasswordForm fileName={file.file} checking={file.status === 'reading'} onSubmit={onPassword} />}
      {file.warnings.map((warning) => (
        <p key={warning} className="import-file-warning" data-testid="import-file-warning" data-code={warning}>
          {describeImportWarning(t, warning)}
        </p>
      ))}
      {openable && (
        <button type="button" className="button-link" onClick={() => onOpen(openable)} data-testid="import-file-open">
          {t('import.open')}
        </button>
      )}
    </li>
  );
}
