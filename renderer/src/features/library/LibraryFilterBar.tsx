import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sortCases } from '../cases/caseForm';
import { useCases } from '../cases/useCases';
import { TagFilterSelects } from '../search/TagFilterSelects';
import { hasLibraryFilters, NO_LIBRARY_FILTERS, type LibraryFilterChoice } from './libraryFilters';
import { DayField } from '../../ui/DayField';

interface Props {
  value: LibraryFilterChoice;
  onChange: (filters: LibraryFilterChoice) => void;
}

/** Narrow the library to a case, a person, a law, a type of document, or the documents' own dates. */
export function LibraryFilterBar({ value, onChange }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
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
        <TagFilterSelects value={value} onChange={(change) => onChange({ ...value, ...change })} testIdPrefix="library-filter" />
      </div>
      <div className="search-filter-group">
        <label htmlFor={`${id}-from`} className="search-filter-name">
          {t('library.filters.dateFrom')}
        </label>
        <DayField id={`${id}-from`} value={value.dateFrom} onChange={(day) => set('dateFrom', day)} testId="library-filter-date-from" />
        <label htmlFor={`${id}-to`} className="search-filter-name">
          {t('library.filters.dateTo')}
        </label>
        <DayField id={`${id}-to`} value={value.dateTo} onChange={(day) => set('dateTo', day)} testId="library-filter-date-to" />
        {hasLibraryFilters(value) && (
          <button type="button" className="button-link" onClick={() => onChange(NO_LIBRARY_FILTERS)} data-testid="library-filters-clear">
            {t('search.filters.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
