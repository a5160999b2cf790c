import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PersonFactsFields } from './PersonFactsFields';
import { EMPTY_DRAFT, personInput, type PersonDraft } from './personForm';

interface Props {
  onAdded: (person: Person) => void;
}

/** A person for the register: the name, every other spelling (one a line, any script), role, birth, protection. */
export function AddPersonForm({ onAdded }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_DRAFT);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) return;
    setSaving(true);
    const saved = await request(() => window.dalel.persons.save(personInput(draft)));
    setSaving(false);
    if (!saved.ok) {
      setError(describeError(t, saved.error));
      return;
    }
    setError(null);
    setDraft(EMPTY_DRAFT);
    onAdded(saved.value);
  };

  return (
    <form className="person-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} data-testid="add-person-form">
      <h2 id={`${id}-title`}>{t('persons.addTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('persons.name')}</label>
        <input id={`${id}-name`} value={draft.name} onChange={(event) => set('name', event.target.value)} required data-testid="person-name-input" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-spellings`}>{t('persons.spellingsInput')}</label>
        <textarea
          id={`${id}-spellings`}
          rows={3}
          value={draft.spellings}
          onChange={(event) => set('spellings', event.target.value)}
          aria-describedby={`${id}-spellings-hint`}
          data-testid="person-spellings-input"
        />
        <p id={`${id}-spellings-hint`} className="hint">
          {t('persons.spellingsHint')}
        </p>
      </div>
      <PersonFactsFields
        id={id}
        facts={draft}
        onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
        testIds={{ role: 'person-role-input', birth: 'person-birth-input', protected: 'person-protected-input' }}
      />
      {error && <ErrorAlert error={error} testId="add-person-error" />}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={saving || !draft.name.trim()} data-testid="add-person-submit">
          {saving ? t('common.saving') : t('persons.add')}
        </button>
      </div>
    </form>
  );
}
