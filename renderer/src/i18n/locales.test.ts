import { describe, expect, it } from 'vitest';
import { BUNDLE_WORDS } from '../../../shared/domain/bundleWords';
import { GLOSSARY } from './glossary';
import { LANGUAGES, type Language } from './language';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';

const locales: Record<Language, unknown> = { en, ru, kk };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  }
  return out;
}

/** Keys with the plural suffixes folded away: Russian has four forms where English has two. */
function baseKeys(strings: Map<string, string>): Set<string> {
  return new Set([...strings.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!).sort();
}

const flat = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(locales[language])])) as Record<
  Language,
  Map<string, string>
>;

describe('locales', () => {
  it('all have the same keys as English', () => {
    const reference = [...baseKeys(flat.en)].sort();
    for (const language of LANGUAGES) expect([...baseKeys(flat[language])].sort(), language).toEqual(reference);
  });

  it('have no empty strings', () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of flat[language]) expect(text.trim(), `${language}: ${key}`).not.toBe('');
    }
  });

  it('have every plural form their language needs, and no others', () => {
    const pluralBases = new Set([...flat.en.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of pluralBases) {
        const present = [...flat[language].keys()].filter((key) => key.replace(PLURAL_SUFFIX, '') === base && key !== base);
        expect(present.map((key) => key.match(PLURAL_SUFFIX)![1]).sort(), `${language}: ${base}`).toEqual([...needed].sort());
      }
    }
  });

  it('use the same {{variables}} as English in every string', () => {
    const englishVariables = new Map<string, string[]>();
    for (const [key, text] of flat.en) englishVariables.set(key.replace(PLURAL_SUFFIX, ''), variables(text));
    for (const language of LANGUAGES) {
      for (const [key, text] of flat[language]) {
        expect(variables(text), `${language}: ${key}`).toEqual(englishVariables.get(key.replace(PLURAL_SUFFIX, '')));
      }
    }
  });

  it('are translated, not copied from English (except the app name and codes)', () => {
    // errors.dayStyle is no words but the language's way of writing days, for errorMessages.ts
    const sameEverywhere = new Set(['app.name', 'errors.dayStyle']);
    for (const language of ['ru', 'kk'] as const) {
      for (const [key, text] of flat[language]) {
        if (sameEverywhere.has(key)) continue;
        // a string that only joins other words ("{{what}} — {{outcome}}.") has no letters to translate
        if (!/\p{L}/u.test(text.replace(/\{\{\s*\w+\s*\}\}/g, ''))) continue;
        expect(text, `${language}: ${key}`).toMatch(/[\u0400-\u04FF]/);
      }
    }
  });

  it('write Kazakh with the Kazakh letters, not Russian stand-ins', () => {
    const all = [...flat.kk.values()].join(' ');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(all, letter).toContain(letter);
  });

  it('say each term of the glossary one way on every screen', () => {
    for (const entry of GLOSSARY) {
      for (const language of ['ru', 'kk'] as const) {
        const { use, avoid } = entry[language];
        expect([...flat[language].values()].some((text) => text.toLowerCase().includes(use)), `${language}: ${entry.term} is «${use}»`).toBe(true);
        for (const [key, text] of flat[language]) {
          if (entry.except?.includes(key)) continue;
          // a word that starts so («адамын»), not one that holds it («қадамдары»)
          for (const word of avoid) expect(text.toLowerCase(), `${language}: ${key} says «${word}…» for ${entry.term}; the glossary says «${use}»`).not.toMatch(new RegExp(`(^|[^\\p{L}])${word}`, 'u'));
        }
      }
    }
  });

  it('print in bundles the words the screens use for the same things', () => {
    for (const language of LANGUAGES) {
      const strings = flat[language];
      const words = BUNDLE_WORDS[language];
      // the review's reasons are the redaction log's reasons, and a word's label is its reason numbered
      expect(words.manifest.reasons['protected-person'], language).toBe(strings.get('bundles.redact.reasons.protected-person'));
      expect(words.manifest.reasons.term, language).toBe(strings.get('bundles.redact.reasons.term'));
      expect(words.term(1).toLowerCase(), language).toBe(`${strings.get('bundles.redact.reasons.term')} 1`.toLowerCase());
      expect(words.cover.heading, language).toBe(strings.get('bundles.defaultTitle'));
      expect(words.manifest.heading, language).toBe(strings.get('bundles.export.manifest'));
      expect(words.manifest.reasons.manual, language).toBe(strings.get('bundles.redact.reasons.manual'));
    }
  });
});
