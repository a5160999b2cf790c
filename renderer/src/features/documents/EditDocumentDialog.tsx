import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { DOCUMENT_TYPES, type DocumentType } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { dayPattern, formatDay, parseDay } from '../../ui/dayInput';
import { useDayStyle } from '../../ui/dayStyle';
import { FormActions } from '../../ui/FormActions';

interface Props {
  document: DocumentSummary;
  onSaved: (document: DocumentSummary) => void;
  onClose: () => void;
}

/**
 * A document's title, date, type and notes, as the lawyer wants them shown in the library, results,
 * timeline, deadlines and bundles instead of the scanner's file name.
 */
export function EditDocumentDialog({ document, onSaved, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const id = useId();
  const [title, setTitle] = useState(document.title);
  const [day, setDay] = useState(document.documentDate ? formatDay(document.documentDate, dayStyle) : '');
  const [type, setType] = useState<DocumentType | ''>(document.type ?? '');
  const [notes, setNotes] = useState(document.notes);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const parsedDay = day.trim() === '' ? null : parseDay(day);
  const titleProblem = tried && title.trim() === '' ? t('documents.titleNone') : null;
  const dayProblem = tried && day.trim() !== '' && parsedDay === null ? t('documents.dayInvalid', { pattern: dayPattern(dayStyle) }) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (title.trim() === '' || (day.trim() !== '' && parsedDay === null)) return;
    setBusy(true);
    const saved = await request(() => window.dalel.documents.edit({ docId: document.id, title: title.trim(), notes, documentDate: parsedDay, type: type === '' ? null : type }));
    setBusy(false);
    if (!saved.ok) return setError(describeError(t, saved.error));
    onSaved(saved.value);
    onClose();
  };

  return (
    <Modal title={t('documents.editTitle')} onClose={onClose} testId="edit-document-dialog">
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <label htmlFor={`${id}-title`}>{t('documents.title')}</label>
        <input id={`${id}-title`} value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} aria-invalid={titleProblem !== null} aria-describedby={titleProblem ? `${id}-title-problem` : undefined} data-testid="edit-document-title" />
        {titleProblem && (
          <p id={`${id}-title-problem`} className="field-error" role="alert">
            {titleProblem}
          </p>
        )}
        <p className="hint">{t('documents.fileName', { name: document.fileName })}</p>

        <label htmlFor={`${id}-date`}>{t('documents.date')}</label>
        <input
          id={`${id}-date`}
          value={day}
          inputMode="numeric"
          placeholder={dayPattern(dayStyle)}
          onChange={(event) => setDay(event.target.value)}
          aria-invalid={dayProblem !== null}
          aria-describedby={`${id}-date-hint`}
          data-testid="edit-document-date"
        />
        <p id={`${id}-date-hint`} className={dayProblem ? 'field-error' : 'hint'} role={dayProblem ? 'alert' : undefined}>
          {dayProblem ?? t('documents.dayHint', { pattern: dayPattern(dayStyle) })}
        </p>

        <label htmlFor={`${id}-type`}>{t('documents.type')}</label>
        <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value as DocumentType | '')} data-testid="edit-document-type">
          <option value="">{t('documents.typeNone')}</option>
          {DOCUMENT_TYPES.map((kind) => (
            <option key={kind} value={kind}>
              {t(`suggestions.types.${kind}`)}
            </option>
          ))}
        </select>

        <label htmlFor={`${id}-notes`}>{t('documents.notes')}</label>
        <textarea id={`${id}-notes`} value={notes} maxLength={10_000} rows={4} onChange={(event) => setNotes(event.target.value)} data-testid="edit-document-notes" />

        {error && <ErrorAlert error={error} testId="edit-document-error" />}
        <FormActions submit={busy ? t('documents.saving') : t('common.save')} busy={busy} onCancel={onClose} testId="edit-document-save" />
      </form>
    </Modal>
  );
}
