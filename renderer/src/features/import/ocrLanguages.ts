import { DEFAULT_OCR_LANGUAGES, OCR_LANGUAGES, type OcrLanguage } from '../../../../shared/domain/document';

/**
 * The languages Dalel reads text in (tesseract codes), and the import's remembered choice.
 *
 * The choice is kept in localStorage, which is not encrypted and outlives a locked vault: it must never
 * hold anything from a case. Language codes say nothing about one, so they may stay there.
 */
export const IMPORT_LANGUAGES_STORAGE_KEY = 'dalel.importLanguages';

/** Known codes only, each once, in the order Dalel lists them, so the same choice always reads the same. */
export function normalizeLanguages(codes: readonly unknown[]): OcrLanguage[] {
  return OCR_LANGUAGES.filter((code) => codes.includes(code));
}

/** The remembered choice; the default when there is none or it no longer makes sense. */
export function parseLanguageChoice(stored: string | null): OcrLanguage[] {
  if (stored === null) return [...DEFAULT_OCR_LANGUAGES];
  try {
    const parsed: unknown = JSON.parse(stored);
    const codes = Array.isArray(parsed) ? normalizeLanguages(parsed) : [];
    return codes.length > 0 ? codes : [...DEFAULT_OCR_LANGUAGES];
  } catch {
    return [...DEFAULT_OCR_LANGUAGES];
  }
}

export function toggleLanguage(current: readonly OcrLanguage[], code: OcrLanguage, on: boolean): OcrLanguage[] {
  return normalizeLanguages(on ? [...current, code] : current.filter((other) => other !== code));
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** Storage can be missing or refuse access (a locked-down profile); the default then applies. */
export function loadImportLanguages(storage: StorageLike | null): OcrLanguage[] {
  try {
    return parseLanguageChoice(storage?.getItem(IMPORT_LANGUAGES_STORAGE_KEY) ?? null);
  } catch {
    return [...DEFAULT_OCR_LANGUAGES];
  }
}

export function saveImportLanguages(storage: StorageLike | null, languages: readonly OcrLanguage[]): void {
  try {
    storage?.setItem(IMPORT_LANGUAGES_STORAGE_KEY, JSON.stringify(normalizeLanguages(languages)));
  } catch {
    // Not remembered: the next import starts from the default again, which is only a small bother.
  }
}
