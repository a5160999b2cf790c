import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Settings } from '../../shared/ipc/contract';
import { App } from './App';
import { createI18n } from './i18n/i18n';
import { pickLanguage } from './i18n/language';
import { request } from './ipc/request';
// Order matters: the base tokens and elements first, then what each part of the app adds.
import './styles/base.css';
import './ui/modal.css';
import './features/vault/vault.css';
import './features/library/library.css';
import './features/import/import.css';
import './features/viewer/viewer.css';
import './features/search/search.css';
import './features/viewer/suggestions.css';
import './features/persons/persons.css';
import './features/deadlines/deadlines.css';
import './features/cases/cases.css';
import './features/bundles/bundles.css';
import './features/bundles/arrangement.css';
import './features/bundles/redaction.css';
import './features/bundles/export.css';
import './features/backup/backup.css';

/** Used only if the settings cannot be read; the same as the core's own defaults. */
const FALLBACK_SETTINGS: Settings = { autoLockMinutes: 10, language: null, dateFormat: 'language' };

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');

  // Settings first, so the first screen is already in the lawyer's language.
  const loaded = await request(() => window.dalel.settings.get());
  const settings = loaded.ok ? loaded.value : FALLBACK_SETTINGS;
  const i18n = createI18n(pickLanguage(settings.language, navigator.languages));

  const reflectLanguage = (language: string) => {
    document.documentElement.lang = language;
    document.title = i18n.t('app.name');
  };
  reflectLanguage(i18n.language);
  i18n.on('languageChanged', reflectLanguage);

  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App initialSettings={settings} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
