import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DayField } from '../../ui/DayField';

interface Props {
  persons: readonly Person[];
  onAdded: () => void;
  onCancel: () => void;
}

/** A deadline typed by hand: a hearing, an appeal's last day; for a person or for the case. */
export function AddDeadlineForm({ persons, onAdded, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [due, setDue] = useState('');
  const [title, setTitle] = useState('');
  const [personId, setPersonId] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const added = await request(() => window.dalel.deadlines.add({ due, title: title.trim(), ...(personId ? { personId } : {}) }));
    setSaving(false);
    if (added.ok) onAdded();
    else setError(describeError(t, added.error));
  };

  return (
    <form className="deadline-form" onSubmit={(event) => void submit(event)} data-testid="add-deadline-form">
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('deadlines.due')}</label>
        <DayField id={`${id}-due`} value={due} onChange={setDue} required testId="deadline-due-input" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('deadlines.what')}</label>
        <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} required data-testid="deadline-title-input" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-person`}>{t('deadlines.person')}</label>
        <select id={`${id}-person`} value={personId} onChange={(event) => setPersonId(event.target.value)} data-testid="deadline-person-input">
          <option value="">{t('deadlines.noPerson')}</option>
          {persons.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      {error && <ErrorAlert error={error} />}
      <div className="actions">
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={saving || !due || !title.trim()} data-testid="deadline-add-submit">
          {t('deadlines.add')}
        </button>
      </div>
    </form>
  );
}
