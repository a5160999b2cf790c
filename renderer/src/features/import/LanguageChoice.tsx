import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OCR_LANGUAGES, type OcrLanguage } from '../../../../shared/domain/document';
import { toggleLanguage } from './ocrLanguages';

interface Props {
  value: OcrLanguage[];
  onChange: (languages: OcrLanguage[]) => void;
  disabled?: boolean;
  /** Shown under the boxes when none is ticked: reading needs at least one language. */
  problem?: string | null;
}

/** The languages of a document's text, as checkboxes named in the interface language. */
export function LanguageChoice({ value, onChange, disabled, problem }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const hintId = useId();
  const problemId = useId();
  return (
    <fieldset className="language-choice" aria-describedby={problem ? `${hintId} ${problemId}` : hintId} data-testid="ocr-languages">
      <legend>{t('import.languagesLegend')}</legend>
      <p className="hint" id={hintId}>
        {t('import.languagesHint')}
      </p>
      <div className="language-choice-options">
        {OCR_LANGUAGES.map((code) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(code)}
              onChange={(event) => onChange(toggleLanguage(value, code, event.target.checked))}
              disabled={disabled}
              data-testid={`ocr-language-${code}`}
            />
            <span>{t(`ocrLanguages.${code}`)}</span>
          </label>
        ))}
      </div>
      {problem && (
        <p className="field-error" id={problemId} role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** "Russian, Kazakh, English" in the interface language. */
export function useLanguageNames(): (codes: readonly OcrLanguage[]) => string {
  const { t } = useTranslation();
  // A plain comma list: Intl.ListFormat's Russian "unit" style drops the commas, its "conjunction" adds "и".
  return (codes) => codes.map((code) => t(`ocrLanguages.${code}`)).join(', ');
}
