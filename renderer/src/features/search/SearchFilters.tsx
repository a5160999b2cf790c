import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OCR_LANGUAGES } from '../../../../shared/domain/document';
import { toggleLanguage } from '../import/ocrLanguages';
import { TagFilterSelects } from './TagFilterSelects';
import { hasFilters, NO_FILTERS, type FilterChoice } from './searchResults';
import { DayField } from '../../ui/DayField';
import { dayRange } from '../../ui/dayInput';
import { PopoverChip } from '../../ui/PopoverChip';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  value: FilterChoice;
  onChange: (filters: FilterChoice) => void;
}

/**
 * Narrow the results by the documents' languages, import day, and tags (person, law, type): one row of
 * chips, each saying its choice, so the results keep the page (three stacked groups took half of it).
 */
export function SearchFilters({ value, onChange }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const fromId = useId();
  const toId = useId();
  const languages = value.languages.map((code) => t(`ocrLanguages.${code}`)).join(', ');
  return (
    <fieldset className="filter-chips search-filters" data-testid="search-filters">
      <legend className="visually-hidden">{t('search.filters.legend')}</legend>
      <PopoverChip
        name={t('search.filters.languages')}
        summary={languages || t('search.filters.any')}
        active={value.languages.length > 0}
        testId="search-filter-languages"
      >
        {OCR_LANGUAGES.map((code) => (
          <label key={code} className="chip">
            <input
              type="checkbox"
              checked={value.languages.includes(code)}
              onChange={(event) => onChange({ ...value, languages: toggleLanguage(value.languages, code, event.target.checked) })}
              data-testid={`search-filter-language-${code}`}
            />
            <span>{t(`ocrLanguages.${code}`)}</span>
          </label>
        ))}
      </PopoverChip>
      <PopoverChip
        name={t('search.filters.imported')}
        summary={dayRange(value.from, value.to, dayStyle) ?? t('search.filters.any')}
        active={value.from !== '' || value.to !== ''}
        testId="search-filter-imported"
      >
        <label htmlFor={fromId} className="search-filter-name">
          {t('search.filters.from')}
        </label>
        <DayField id={fromId} value={value.from} onChange={(day) => onChange({ ...value, from: day })} testId="search-filter-from" />
        <label htmlFor={toId} className="search-filter-name">
          {t('search.filters.to')}
        </label>
        <DayField id={toId} value={value.to} onChange={(day) => onChange({ ...value, to: day })} testId="search-filter-to" />
      </PopoverChip>
      <TagFilterSelects value={value} onChange={(change) => onChange({ ...value, ...change })} testIdPrefix="search-filter" chips />
      {hasFilters(value) && (
        <button type="button" className="button-link" onClick={() => onChange(NO_FILTERS)} data-testid="search-filters-clear">
          {t('search.filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
