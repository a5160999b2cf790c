import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from './language';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';

export const resources = {
  en: { translation: en },
  ru: { translation: ru },
  kk: { translation: kk },
} as const;

/**
 * One i18next instance for the window. The strings are bundled (the app never fetches anything), so
 * initialisation is synchronous and the first paint is already in the right language.
 */
export function createI18n(language: Language): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ru', 'kk'],
    initAsync: false,
    // React escapes text itself; escaping here would show "&amp;" in folder names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
