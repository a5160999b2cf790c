import { expect, type Page } from '@playwright/test';

/**
 * Issue 14 item 3, "every word in the lawyer's language": what the language walks (language.spec,
 * languageVault.spec) share. A walk reads the same screens in English, then in Russian and in Kazakh;
 * any visible string (text, placeholder, label, tooltip) that a Russian or Kazakh screen shows exactly
 * as its English twin does is English left untranslated — a core sentence, a label never put through
 * i18n, a word stored in the database — unless it is the lawyer's own data (the walk's fixtures) or on
 * the short reviewed list of what is the same in every language.
 */

/** Reviewed: written the same in English, Russian and Kazakh. */
const SAME_IN_EVERY_LANGUAGE = ['Dalel', 'PDF', 'ZIP', 'SHA-256', 'English', 'Русский', 'Қазақша', '?'];
/** Kinds of file, as their makers name them, and the seeded files' extension. */
const FILE_TYPES = ['JPEG', 'PNG', 'jpg'];

/** Each screen's name, and the strings read on it. */
export type Screens = Map<string, Set<string>>;

/**
 * Every string a lawyer can see on the page: visible text, the chosen option, placeholders, labels,
 * tooltips. Run in the page, so written as the page's JavaScript (the e2e code has no DOM types).
 */
const VISIBLE_STRINGS = `(() => {
  const out = [];
  const shown = (element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = (node.textContent || '').replace(/\\s+/g, ' ').trim();
    // a key's name is the keyboard's (Ctrl+K, Esc, PgDn), printed so on the keys in every language
    if (!text || !parent || parent.closest('option, script, style, kbd, [aria-hidden="true"]') || !shown(parent)) continue;
    out.push(text);
  }
  for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title], select')) {
    if (!shown(element)) continue;
    for (const name of ['placeholder', 'aria-label', 'title']) {
      const value = (element.getAttribute(name) || '').trim();
      if (value) out.push(value);
    }
    if (element.tagName === 'SELECT' && element.selectedOptions[0]) out.push(element.selectedOptions[0].text.trim());
  }
  return out;
})()`;

export async function visibleStrings(page: Page): Promise<Set<string>> {
  const strings = (await page.evaluate(VISIBLE_STRINGS)) as string[];
  return new Set(strings.filter(Boolean));
}

/** Screens read in order, each under its name: `read` once the screen has settled. */
export function screenReader(page: Page): { screens: Screens; read: (name: string) => Promise<void> } {
  const screens: Screens = new Map();
  return {
    screens,
    read: async (name: string) => {
      expect(screens.has(name), `the walk reads «${name}» once`).toBe(false);
      screens.set(name, await visibleStrings(page));
    },
  };
}

/**
 * Whether a string may rightly read the same in every language: the lawyer's data (`fixtures`: titles,
 * names, their files, pieces of the documents' text — a search snippet or a timeline line shows pieces of
 * it, cut anywhere, so each word counts), paths, numbers, and the reviewed list.
 */
export function sameEverywhereGiven(fixtures: readonly string[]): (text: string) => boolean {
  const fixtureWords = new Set(fixtures.flatMap((text) => text.match(/\p{L}+/gu) ?? []));
  return (text: string) => {
    let rest = text;
    for (const value of SAME_IN_EVERY_LANGUAGE) rest = rest.replaceAll(value, ' ');
    // a path runs to the end of its line, spaces and all (…/Dalel Vault)
    rest = rest.replace(/(?:[A-Za-z]:\\|\/)[^\n]*/g, ' ');
    // a law's number, with the Roman numeral of its parliament's convocation (477-IV), as the law is cited
    rest = rest.replace(/\b\d+-[IVXLC]+\b/g, ' ');
    const words = (rest.match(/\p{L}+/gu) ?? []).filter((word) => !fixtureWords.has(word) && !FILE_TYPES.includes(word));
    return words.every((word) => word.length < 2);
  };
}

/** What a Russian or Kazakh screen shows exactly as the English one does, less what may be the same. */
export function untranslated(english: Screens, other: Screens, sameEverywhere: (text: string) => boolean): string[] {
  const found: string[] = [];
  for (const [screen, strings] of other) {
    const twin = english.get(screen) ?? new Set<string>();
    for (const text of strings) if (twin.has(text) && !sameEverywhere(text)) found.push(`${screen}: «${text}»`);
  }
  return found;
}

/** The walk read something on every screen, so an empty reading cannot pass for a translated one. */
export function expectEveryScreenRead(english: Screens): void {
  for (const [screen, strings] of english) expect(strings.size, screen).toBeGreaterThan(3);
}

/**
 * The control: an English string of `screen` put on the page now (read in another language) is caught,
 * and nothing else is. Shows the comparison can fail.
 */
export async function expectPlantedEnglishCaught(page: Page, english: Screens, screen: string, sameEverywhere: (text: string) => boolean): Promise<void> {
  const strings = english.get(screen)!;
  const planted = [...strings].find((text) => !sameEverywhere(text) && text.length > 8)!;
  expect(planted, `an English string of «${screen}» to plant`).toBeTruthy();
  await page.evaluate(`(() => { const p = document.createElement('p'); p.textContent = ${JSON.stringify(planted)}; document.querySelector('main').append(p); })()`);
  const withPlanted = new Map([[screen, await visibleStrings(page)]]);
  expect(untranslated(new Map([[screen, strings]]), withPlanted, sameEverywhere)).toEqual([`${screen}: «${planted}»`]);
}

/** The interface language, chosen in Settings (an unlocked vault). */
export async function switchLanguage(page: Page, language: 'en' | 'ru' | 'kk'): Promise<void> {
  await page.getByTestId('settings-button').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('language-select').selectOption(language);
  await dialog.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
