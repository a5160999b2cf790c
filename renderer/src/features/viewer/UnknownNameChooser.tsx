import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type Person, type PersonRole, type Suggestion } from '../../../../shared/domain/tagging';
import type { Input } from '../../../../shared/ipc/contract';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  suggestion: Suggestion;
  persons: readonly Person[];
  busy: boolean;
  onAccept: (input: Input<'tags:accept'>) => void;
  onCancel: () => void;
}

/**
 * A name that matches nobody known: the lawyer says who it is. Either a person already in the register
 * (the spelling becomes one of theirs) or a new person, named as the letter spells it unless corrected.
 */
export function UnknownNameChooser({ suggestion, persons, busy, onAccept, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [personId, setPersonId] = useState('');
  // The base form the core proposes (Асқарұлы, not the Асқарұлына a letter may use), else the spelling.
  const [name, setName] = useState(suggestion.detail.baseName || suggestion.surface);
  const [role, setRole] = useState<PersonRole>('client');
  const [isProtected, setProtected] = useState(false);

  return (
    <div className="name-chooser" data-testid="name-chooser">
      {persons.length > 0 && (
        <form
          className="name-chooser-part"
          onSubmit={(event) => {
            event.preventDefault();
            if (personId) onAccept({ suggestionId: suggestion.id, personId });
          }}
        >
          <label htmlFor={`${id}-person`}>{t('suggestions.existingPerson')}</label>
          <div className="name-chooser-row">
            <select id={`${id}-person`} value={personId} onChange={(event) => setPersonId(event.target.value)} data-testid="chooser-person">
              <NamedOptions empty={t('suggestions.choosePerson')} items={persons} />
            </select>
            <button type="submit" disabled={busy || !personId} data-testid="chooser-accept-existing">
              {t('suggestions.acceptAsPerson')}
            </button>
          </div>
        </form>
      )}
      <form
        className="name-chooser-part"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) onAccept({ suggestionId: suggestion.id, newPerson: { name: name.trim(), role, protected: isProtected } });
        }}
      >
        <fieldset>
          <legend>{t('suggestions.newPerson')}</legend>
          <label htmlFor={`${id}-name`}>{t('persons.name')}</label>
          <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} data-testid="chooser-name" />
          <label htmlFor={`${id}-role`}>{t('persons.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as PersonRole)} data-testid="chooser-role">
            {PERSON_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`persons.roles.${value}`)}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input type="checkbox" checked={isProtected} onChange={(event) => setProtected(event.target.checked)} data-testid="chooser-protected" />
            {t('persons.protected')}
          </label>
        </fieldset>
        <div className="name-chooser-row">
          <button type="submit" className="button-primary" disabled={busy || !name.trim()} data-testid="chooser-add-new">
            {t('suggestions.addAsNew')}
          </button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
