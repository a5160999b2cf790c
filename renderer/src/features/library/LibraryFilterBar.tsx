import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sortCases } from '../cases/caseForm';
import { useCases } from '../cases/useCases';
import { TagFilterSelects } from '../search/TagFilterSelects';
import { hasLibraryFilters, NO_LIBRARY_FILTERS, type LibraryFilterChoice } from './libraryFilters';
import { DayField } from '../../ui/DayField';
import { dayRange } from '../../ui/dayInput';
import { PopoverChip } from '../../ui/PopoverChip';
import { useDayStyle } from '../../ui/dayStyle';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  value: LibraryFilterChoice;
  onChange: (filters: LibraryFilterChoice) => void;
}

/**
 * Narrow the library to a case, a person, a law, a type of document, or the documents' own dates: one
 * row of chips, each showing its choice, so that the documents stay in view (four stacked full-width
 * filters once pushed them below the fold).
 */
export function LibraryFilterBar({ value, onChange }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { cases } = useCases();
  const set = <K extends keyof LibraryFilterChoice>(key: K, next: LibraryFilterChoice[K]) => onChange({ ...value, [key]: next });

  return (
    <fieldset className="filter-chips library-filters" data-testid="library-filters">
      <legend className="visually-hidden">{t('library.filters.legend')}</legend>
      <span className="filter-chip" data-active={value.caseId !== ''}>
        <label htmlFor={`${id}-case`} className="search-filter-name">
          {t('library.filters.case')}
        </label>
        <select id={`${id}-case`} value={value.caseId} onChange={(event) => set('caseId', event.target.value)} data-testid="library-filter-case">
          <NamedOptions empty={t('search.filters.any')} items={sortCases(cases ?? [], i18n.language)} />
        </select>
      </span>
      <TagFilterSelects value={value} onChange={(change) => onChange({ ...value, ...change })} testIdPrefix="library-filter" chips />
      <DatesChip value={value} onChange={(dateFrom, dateTo) => onChange({ ...value, dateFrom, dateTo })} />
      {hasLibraryFilters(value) && (
        <button type="button" className="button-link" onClick={() => onChange(NO_LIBRARY_FILTERS)} data-testid="library-filters-clear">
          {t('search.filters.clear')}
        </button>
      )}
    </fieldset>
  );
}

/** The documents' own dates: a chip that says the range chosen and opens two date fields under it. */
function DatesChip({ value, onChange }: { value: LibraryFilterChoice; onChange: (from: string, to: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const id = useId();
  return (
    <PopoverChip
      name={t('library.filters.dates')}
      summary={dayRange(value.dateFrom, value.dateTo, dayStyle) ?? t('search.filters.any')}
      active={value.dateFrom !== '' || value.dateTo !== ''}
      testId="library-filter-dates"
    >
      <label htmlFor={`${id}-from`} className="search-filter-name">
        {t('library.filters.dateFrom')}
      </label>
      <DayField id={`${id}-from`} value={value.dateFrom} onChange={(day) => onChange(day, value.dateTo)} testId="library-filter-date-from" />
      <label htmlFor={`${id}-to`} className="search-filter-name">
        {t('library.filters.dateTo')}
      </label>
      <DayField id={`${id}-to`} value={value.dateTo} onChange={(day) => onChange(value.dateFrom, day)} testId="library-filter-date-to" />
    </PopoverChip>
  );
}
