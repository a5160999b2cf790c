export const LANGUAGES = ['en', 'ru', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language named in itself, so a lawyer who cannot read the current interface language can still
 * find their own. That is why these are not in the locale files.
 */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language: the one chosen in settings, else the first of the computer's languages that
 * Dalel has, else English. Only the primary subtag counts (`ru-KZ` is Russian, `kk-Cyrl-KZ` Kazakh).
 */
export function pickLanguage(chosen: string | null | undefined, preferred: readonly string[]): Language {
  if (isLanguage(chosen)) return chosen;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}
