import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { caseInput, EMPTY_CASE_DRAFT, type CaseDraft } from './caseForm';

interface Props {
  onOpened: (opened: CaseDetail) => void;
}

/** A new case: a title the lawyer will recognise it by, and notes. */
export function OpenCaseForm({ onOpened }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<CaseDraft>(EMPTY_CASE_DRAFT);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft.title.trim()) return;
    setSaving(true);
    const saved = await request(() => window.dalel.cases.save(caseInput(draft)));
    setSaving(false);
    if (!saved.ok) {
      setError(describeError(t, saved.error));
      return;
    }
    setError(null);
    setDraft(EMPTY_CASE_DRAFT);
    onOpened(saved.value);
  };

  return (
    <form className="person-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} data-testid="open-case-form">
      <h2 id={`${id}-title`}>{t('cases.openTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('cases.caseTitle')}</label>
        <input
          id={`${id}-name`}
          value={draft.title}
          onChange={(event) => setDraft((current) => ({ ...current, title: event.target.value }))}
          required
          maxLength={500}
          data-testid="case-title-input"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('cases.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={draft.notes}
          onChange={(event) => setDraft((current) => ({ ...current, notes: event.target.value }))}
          data-testid="case-notes-input"
        />
      </div>
      {error && <ErrorAlert error={error} testId="open-case-error" />}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={saving || !draft.title.trim()} data-testid="open-case-submit">
          {saving ? t('common.saving') : t('cases.open')}
        </button>
      </div>
    </form>
  );
}
