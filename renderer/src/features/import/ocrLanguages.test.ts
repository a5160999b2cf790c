import { describe, expect, it } from 'vitest';
import { DEFAULT_OCR_LANGUAGES, OCR_LANGUAGES } from '../../../../shared/domain/document';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import {
  IMPORT_LANGUAGES_STORAGE_KEY,
  loadImportLanguages,
  normalizeLanguages,
  parseLanguageChoice,
  saveImportLanguages,
  toggleLanguage,
} from './ocrLanguages';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('OCR language choice', () => {
  it('defaults to Russian, Kazakh and English', () => {
    expect(parseLanguageChoice(null)).toEqual(['rus', 'kaz', 'eng']);
    expect(loadImportLanguages(null)).toEqual([...DEFAULT_OCR_LANGUAGES]);
  });

  it('keeps only known codes, once each, in a fixed order', () => {
    expect(normalizeLanguages(['eng', 'uig', 'eng', 'klingon', 3])).toEqual(['eng', 'uig']);
    expect(parseLanguageChoice('["uig","chi_sim"]')).toEqual(['chi_sim', 'uig']);
  });

  it('falls back to the default for anything it cannot use', () => {
    for (const stored of ['', 'not json', '{}', '[]', '["xx"]', 'null']) {
      expect(parseLanguageChoice(stored), stored).toEqual([...DEFAULT_OCR_LANGUAGES]);
    }
  });

  it('toggles a language on and off', () => {
    expect(toggleLanguage(['rus', 'eng'], 'kaz', true)).toEqual(['rus', 'kaz', 'eng']);
    expect(toggleLanguage(['rus', 'kaz', 'eng'], 'rus', false)).toEqual(['kaz', 'eng']);
  });

  it('remembers nothing but language codes', () => {
    const storage = memoryStorage();
    saveImportLanguages(storage, ['uig', 'eng']);
    expect([...storage.items.keys()]).toEqual([IMPORT_LANGUAGES_STORAGE_KEY]);
    expect(storage.items.get(IMPORT_LANGUAGES_STORAGE_KEY)).toBe('["eng","uig"]');
    expect(loadImportLanguages(storage)).toEqual(['eng', 'uig']);
  });

  it('survives storage that refuses access', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadImportLanguages(refusing)).toEqual([...DEFAULT_OCR_LANGUAGES]);
    expect(() => saveImportLanguages(refusing, ['eng'])).not.toThrow();
  });

  it('names every OCR language in every interface language', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      const names = OCR_LANGUAGES.map((code) => i18n.getResource(language, 'translation', `ocrLanguages.${code}`) as unknown);
      for (const name of names) expect(name, language).toEqual(expect.any(String));
      expect(new Set(names).size, language).toBe(OCR_LANGUAGES.length);
    }
  });
});
