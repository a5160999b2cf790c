import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/domain/tagging';
import { DayField } from '../../ui/DayField';

export interface PersonFacts {
  role: PersonRole;
  dateOfBirth: string;
  protected: boolean;
}

interface Props {
  /** the form's useId(), so labels stay tied to their inputs */
  id: string;
  facts: PersonFacts;
  onChange: (change: Partial<PersonFacts>) => void;
  testIds: { role: string; birth: string; protected: string };
}

/** Role, date of birth and protection: the same fields when a person is added and when edited. */
export function PersonFactsFields({ id, facts, onChange, testIds }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <div className="person-form-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('persons.role')}</label>
          <select id={`${id}-role`} value={facts.role} onChange={(event) => onChange({ role: event.target.value as PersonRole })} data-testid={testIds.role}>
            {PERSON_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`persons.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-birth`}>{t('persons.dateOfBirth')}</label>
          <DayField id={`${id}-birth`} value={facts.dateOfBirth} onChange={(day) => onChange({ dateOfBirth: day })} testId={testIds.birth} />
        </div>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={facts.protected} onChange={(event) => onChange({ protected: event.target.checked })} data-testid={testIds.protected} />
        {t('persons.protected')}
      </label>
      <p className="hint">{t('persons.protectedHint')}</p>
    </>
  );
}
