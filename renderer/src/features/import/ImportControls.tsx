import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportLanguagesDialog } from './ImportLanguagesDialog';
import { useLanguageNames } from './LanguageChoice';
import type { Imports } from './useImports';

/** "Import…" and the languages new documents will be read in. */
export function ImportControls({ imports }: { imports: Imports }): React.JSX.Element {
  const { t } = useTranslation();
  const names = useLanguageNames();
  const [choosing, setChoosing] = useState(false);

  return (
    <div className="import-controls">
      <p className="import-languages hint" data-testid="import-languages-summary">
        {t('import.languagesSummary', { languages: names(imports.languages) })}{' '}
        <button type="button" className="button-link" onClick={() => setChoosing(true)} data-testid="import-languages-button">
          {t('import.changeLanguages')}
        </button>
      </p>
      <button
        type="button"
        className="button-primary"
        onClick={() => void imports.pickAndImport()}
        disabled={imports.starting}
        data-testid="import-button"
      >
        {t('import.button')}
      </button>
      {choosing && <ImportLanguagesDialog languages={imports.languages} onSave={imports.setLanguages} onClose={() => setChoosing(false)} />}
    </div>
  );
}
