import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OCR_LANGUAGES } from '../../../../shared/domain/document';
import { toggleLanguage } from '../import/ocrLanguages';
import { TagFilterSelects } from './TagFilterSelects';
import { hasFilters, NO_FILTERS, type FilterChoice } from './searchResults';
import { DayField } from '../../ui/DayField';

interface Props {
  value: FilterChoice;
  onChange: (filters: FilterChoice) => void;
}

/** Narrow the results by the documents' languages, import day, and tags: person, law, type. */
export function SearchFilters({ value, onChange }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  return (
    <fieldset className="search-filters" data-testid="search-filters">
      <legend className="visually-hidden">{t('search.filters.legend')}</legend>
      <div className="search-filter-group" role="group" aria-label={t('search.filters.languages')}>
        <span className="search-filter-name" aria-hidden="true">
          {t('search.filters.languages')}
        </span>
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
      </div>
      <div className="search-filter-group">
        <label htmlFor={fromId} className="search-filter-name">
          {t('search.filters.from')}
        </label>
        <DayField id={fromId} value={value.from} onChange={(day) => onChange({ ...value, from: day })} testId="search-filter-from" />
        <label htmlFor={toId} className="search-filter-name">
          {t('search.filters.to')}
        </label>
        <DayField id={toId} value={value.to} onChange={(day) => onChange({ ...value, to: day })} testId="search-filter-to" />
      </div>
      <div className="search-filter-group">
        <TagFilterSelects value={value} onChange={(change) => onChange({ ...value, ...change })} testIdPrefix="search-filter" />
        {hasFilters(value) && (
          <button type="button" className="button-link" onClick={() => onChange(NO_FILTERS)} data-testid="search-filters-clear">
            {t('search.filters.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
