import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '../../../../shared/domain/tagging';
import { useRegister } from '../persons/useRegister';
import { lawTitle } from '../viewer/suggestionGroups';

export interface TagFilterValue {
  personId: string;
  law: string;
  docType: string;
}

interface Props {
  value: TagFilterValue;
  onChange: (change: Partial<TagFilterValue>) => void;
  /** "search-filter" or "library-filter": the selects' test ids are `${prefix}-person|law|type` */
  testIdPrefix: string;
  /** each label and its select as one chip of a one-row filter bar, marked when a choice is made */
  chips?: boolean;
}

/** A label and its select, as they are or as one chip. */
function Choice({ chip, active, children }: { chip: boolean; active: boolean; children: React.ReactNode }): React.JSX.Element {
  return chip ? (
    <span className="filter-chip" data-active={active}>
      {children}
    </span>
  ) : (
    <>{children}</>
  );
}

/** Person, law and document type from the case register: the same three choices in search and in the library. */
export function TagFilterSelects({ value, onChange, testIdPrefix, chips = false }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { persons, laws } = useRegister();
  return (
    <>
      <Choice chip={chips} active={value.personId !== ''}>
        <label htmlFor={`${id}-person`} className="search-filter-name">
          {t('search.filters.person')}
        </label>
        <select id={`${id}-person`} value={value.personId} onChange={(event) => onChange({ personId: event.target.value })} data-testid={`${testIdPrefix}-person`}>
          <option value="">{t('search.filters.any')}</option>
          {(persons ?? []).map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </Choice>
      <Choice chip={chips} active={value.law !== ''}>
        <label htmlFor={`${id}-law`} className="search-filter-name">
          {t('search.filters.law')}
        </label>
        <select id={`${id}-law`} value={value.law} onChange={(event) => onChange({ law: event.target.value })} data-testid={`${testIdPrefix}-law`}>
          <option value="">{t('search.filters.any')}</option>
          {laws.map((law) => (
            <option key={law.id} value={law.id}>
              {law.number ? `${law.number} ` : ''}
              {lawTitle(law, law.id, i18n.language)}
            </option>
          ))}
        </select>
      </Choice>
      <Choice chip={chips} active={value.docType !== ''}>
        <label htmlFor={`${id}-type`} className="search-filter-name">
          {t('search.filters.type')}
        </label>
        <select id={`${id}-type`} value={value.docType} onChange={(event) => onChange({ docType: event.target.value })} data-testid={`${testIdPrefix}-type`}>
          <option value="">{t('search.filters.any')}</option>
          {DOCUMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`search.filters.types.${type}`)}
            </option>
          ))}
        </select>
      </Choice>
    </>
  );
}
