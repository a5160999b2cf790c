import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { PersonFactsFields } from './PersonFactsFields';
import { editOf, personChange, type PersonEdit } from './personForm';
import { FormActions } from '../../ui/FormActions';

interface Props {
  person: Person;
  onSaved: () => void;
  onClose: () => void;
}

/** Change what the register says of a person: name, role, date of birth, notes, protection. */
export function EditPersonDialog({ person, onSaved, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [edit, setEdit] = useState<PersonEdit>(() => editOf(person));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const set = <K extends keyof PersonEdit>(key: K, value: PersonEdit[K]) => setEdit((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!edit.name.trim()) return;
    setBusy(true);
    const saved = await request(() => window.dalel.persons.save(personChange(person.id, edit)));
    setBusy(false);
    if (!saved.ok) return setError(describeError(t, saved.error));
    onSaved();
    onClose();
  };

  return (
    <Modal title={t('persons.editTitle', { name: person.name })} onClose={onClose} testId="edit-person-dialog">
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('persons.name')}</label>
          <input id={`${id}-name`} value={edit.name} onChange={(event) => set('name', event.target.value)} required data-testid="edit-person-name" />
          {edit.name.trim() !== person.name && <p className="hint">{t('persons.renameHint', { name: person.name })}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-notes`}>{t('persons.notes')}</label>
          <textarea id={`${id}-notes`} rows={3} value={edit.notes} onChange={(event) => set('notes', event.target.value)} data-testid="edit-person-notes" />
        </div>
        <PersonFactsFields
          id={id}
          facts={edit}
          onChange={(change) => setEdit((current) => ({ ...current, ...change }))}
          testIds={{ role: 'edit-person-role', birth: 'edit-person-birth', protected: 'edit-person-protected' }}
        />
        {error && <ErrorAlert error={error} testId="edit-person-error" />}
        <FormActions submit={busy ? t('common.saving') : t('common.save')} busy={busy} disabled={!edit.name.trim()} onCancel={onClose} testId="edit-person-save" />
      </form>
    </Modal>
  );
}
