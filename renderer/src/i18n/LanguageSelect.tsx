import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from './language';

interface Props {
  value: Language | null;
  onChange: (language: Language | null) => void;
  disabled?: boolean;
  /** Compact: a one-line control under the first-run and unlock forms. */
  compact?: boolean;
}

/** The interface language; null follows the computer's language. */
export function LanguageSelect({ value, onChange, disabled, compact }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={compact ? 'language-select language-select-compact' : 'field language-select'}>
      <label htmlFor={id}>{t('settings.languageLabel')}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(isLanguage(event.target.value) ? event.target.value : null)}
        disabled={disabled}
        data-testid="language-select"
      >
        <option value="">{t('settings.languageAuto')}</option>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
