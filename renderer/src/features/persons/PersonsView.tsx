import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AddPersonForm } from './AddPersonForm';
import { sortPersons } from './personForm';
import { useRegister } from './useRegister';

interface Props {
  onOpenPerson: (personId: string) => void;
  onBack: () => void;
}

/** Everyone in the case register, and a form to add someone. */
export function PersonsView({ onOpenPerson, onBack }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { persons, error, reload } = useRegister();

  return (
    <main className="library-body persons" data-testid="persons-view">
      <div className="library-toolbar">
        <button type="button" className="button-quiet" onClick={onBack} data-testid="persons-back">
          <span aria-hidden="true">← </span>
          {t('viewer.back')}
        </button>
        <h1>{t('persons.title')}</h1>
      </div>
      {error && <ErrorAlert error={describeError(t, error)} testId="persons-error" />}
      <div className="persons-columns">
        <section aria-labelledby="persons-list-title">
          <h2 id="persons-list-title" className="visually-hidden">
            {t('persons.listLabel')}
          </h2>
          {persons === null && !error && <p className="hint">{t('persons.loading')}</p>}
          {persons?.length === 0 && <p className="hint" data-testid="persons-empty">{t('persons.empty')}</p>}
          {persons && persons.length > 0 && (
            <ul className="person-list" data-testid="person-list">
              {sortPersons(persons, i18n.language).map((person) => (
                <li key={person.id}>
                  <button type="button" className="person-card" onClick={() => onOpenPerson(person.id)} data-testid="person-card" data-person-id={person.id}>
                    <span className="person-card-name">{person.name}</span>
                    <span className="hint">{t(`persons.roles.${person.role}`)}</span>
                    {person.protected && <span className="badge badge-warning">{t('persons.protectedBadge')}</span>}
                    <span className="hint">{t('persons.spellingsCount', { count: person.variants.length })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <AddPersonForm onAdded={reload} />
      </div>
    </main>
  );
}
