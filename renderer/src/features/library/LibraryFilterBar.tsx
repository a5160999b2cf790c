import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '../../../../shared/domain/tagging';
import { sortCases } from '../cases/caseForm';
import { useCases } from '../cases/useCases';
import { useRegister } from '../persons/useRegister';
import { hasLibraryFilters, NO_LIBRARY_FILTERS, type LibraryFilterChoice } from './libraryFilters';

interface Props {
  value: LibraryFilterChoice;
  onChange: (filters: LibraryFilterChoice) => void;
}

/** Narrow the library to a case, a person, a law, a type of document, or the documents' own dates. */
export function LibraryFilterBar({ value, onChange }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { persons, laws } = useRegister();
  const { cases } = useCases();
  const set = <K extends keyof LibraryFilterChoice>(key: K, next: LibraryFilterChoice[K]) => onChange({ ...value, [key]: next });

  return (
    <fieldset className="search-filters library-filters" data-testid="library-filters">
      <legend className="visually-hidden">{t('library.filters.legend')}</legend>
      <div className="search-filter-group">
        <label htmlFor={`${id}-case`} className="search-filter-name">
          {t('library.filters.case')}
        </label>
        <select id={`${id}-case`} value={value.caseId} onChange={(event) => set('caseId', event.target.value)} data-testid="library-filter-case">
          <option value="">{t('search.filters.any')}</option>
          {sortCases(cases ?? [], i18n.language).map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-person`} className="search-filter-name">
          {t('search.filters.person')}
        </label>
        <select id={`${id}-person`} value={value.personId} onChange={(event) => set('personId', event.target.value)} data-testid="library-filter-person">
          <option value="">{t('search.filters.any')}</option>
          {(persons ?? []).map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-law`} className="search-filter-name">
          {t('search.filters.law')}
        </label>
        <select id={`${id}-law`} value={value.law} onChange={(event) => set('law', event.target.value)} data-testid="library-filter-law">
          <option value="">{t('search.filters.any')}</option>
          {laws.map((law) => (
            <option key={law.id} value={law.id}>
              {law.number ? `${law.number} ` : ''}
              {law.title.en}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-type`} className="search-filter-name">
          {t('search.filters.type')}
        </label>
        <select id={`${id}-type`} value={value.docType} onChange={(event) => set('docType', event.target.value)} data-testid="library-filter-type">
          <option value="">{t('search.filters.any')}</option>
          {DOCUMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`search.filters.types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="search-filter-group">
        <label htmlFor={`${id}-from`} className="search-filter-name">
          {t('library.filters.dateFrom')}
        </label>
        <input id={`${id}-from`} type="date" value={value.dateFrom} onChange={(event) => set('dateFrom', event.target.value)} data-testid="library-filter-date-from" />
        <label htmlFor={`${id}-to`} className="search-filter-name">
          {t('library.filters.dateTo')}
        </label>
        <input id={`${id}-to`} type="date" value={value.dateTo} onChange={(event) => set('dateTo', event.target.value)} data-testid="library-filter-date-to" />
        {hasLibraryFilters(value) && (
          <button type="button" className="button-link" onClick={() => onChange(NO_LIBRARY_FILTERS)} data-testid="library-filters-clear">
            {t('search.filters.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
