import type { Page } from '@playwright/test';
import { createVault, expect, test } from './fixtures';
import { expectEveryScreenRead, expectPlantedEnglishCaught, type Screens, sameEverywhereGiven, screenReader, switchLanguage, untranslated } from './languageWalk';
import { daysIn, daysInOtherForms, type DayStyle } from './dateFormats';
import { APPEAL, seedAppeal } from './seedVault';

/**
 * Issue 14 item 3, "every word in the lawyer's language": the main screens walked in English, then in
 * Russian and in Kazakh, on the same vault (how a walk reads and compares: languageWalk.ts). The vault's
 * doors and the library's dialogs are walked in languageVault.spec.
 */
test.use({ viewport: { width: 1280, height: 800 } });

const CASE = APPEAL.caseTitle;
const BUNDLE = APPEAL.bundleTitle;
const PREPARED_BY = APPEAL.preparedBy;
/** a section the lawyer named in English: data, shown as written */
const SECTION = APPEAL.section;
/** a word the bundle redacts */
const REDACTED_WORD = 'Шыңжаң';
/** The lawyer's own words, shown back in whatever language they were written. */
const FIXTURES = [...APPEAL.documents.flatMap((doc) => [doc.title, doc.text]), ...APPEAL.persons, CASE, BUNDLE, PREPARED_BY, SECTION, REDACTED_WORD];

const sameEverywhere = sameEverywhereGiven(FIXTURES);

/** The setting's own example of an ISO day, shown in every language. */
const DAY_EXAMPLES = ['(ISO)'];

/**
 * Issue 14 item 2: every day the screens show is written the one way of the language (or of the ISO
 * setting), and the walk saw enough of them (deadlines, document dates, the timeline, import times,
 * suggestions) for that to mean something.
 */
function expectDaysAsWritten(screens: Screens, style: DayStyle): void {
  expect(daysInOtherForms(screens, style, FIXTURES, DAY_EXAMPLES), `${style}: days in another form`).toEqual([]);
  const days = [...screens.values()].flatMap((strings) => [...strings].flatMap((text) => daysIn(text)));
  expect(days.length, `${style}: days seen`).toBeGreaterThan(5);
}

/** The main screens, each read once it has settled; the walk ends where it began (the library). */
async function walk(page: Page, docId: string): Promise<Screens> {
  const { screens, read } = screenReader(page);

  await expect(page.getByTestId('document-card')).toHaveCount(APPEAL.documents.length);
  await expect(page.getByTestId('deadline').first()).toBeVisible();
  await read('library and deadlines');
  await page.getByTestId('library-view-list').click();
  await read('library as a list');
  await page.getByTestId('library-view-grid').click();

  await page.locator(`[data-testid="document-card"][data-doc-id="${docId}"]`).click();
  await expect(page.getByTestId('viewer-page-image')).toBeVisible();
  await read('document viewer');
  await page.getByTestId('viewer-tab-suggestions').click();
  await expect(page.getByTestId('suggestions-panel')).toHaveAttribute('aria-busy', 'false');
  await read('suggestions');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+K');
  await page.keyboard.type('Aigerim Dauletkyzy');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await read('search results');
  await page.getByTestId('search-clear').click();

  await page.getByTestId('persons-button').click();
  await read('persons');
  await page.getByTestId('person-card').first().click();
  await expect(page.getByTestId('person-page')).toBeVisible();
  await read('person page');
  await page.getByTestId('person-back').click();
  await page.getByTestId('persons-back').click();

  await page.getByTestId('cases-button').click();
  await page.getByTestId('case-card').first().click();
  await read('case page');
  await page.getByTestId('case-back').click();
  await page.getByTestId('cases-back').click();

  await page.getByTestId('bundles-button').click();
  await expect(page.getByTestId('bundle-card')).toHaveCount(1);
  await read('bundles');
  await page.getByTestId('bundle-open').first().click();
  await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', 'arrange');
  await read('bundle: arrange');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', 'redact');
  await expect(page.getByTestId('bundle-redact')).toBeVisible();
  await read('bundle: redaction review');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('preview-image')).toBeVisible({ timeout: 30_000 });
  await read('bundle: preview');
  await page.getByTestId('bundle-wizard-back').click();
  if (await page.getByTestId('bundle-leave-confirm').isVisible()) await page.getByTestId('bundle-leave-confirm').click();
  if (await page.getByTestId('bundles-back').isVisible()) await page.getByTestId('bundles-back').click();

  await page.getByTestId('settings-button').click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await read('settings');
  await page.keyboard.press('Escape');
  return screens;
}

test('every main screen in Russian and Kazakh shows no string as its English twin does', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await expect(page.getByTestId('create-vault-screen')).toBeVisible();
  await page.getByTestId('language-select').selectOption('en');
  await createVault(page, host);

  const vault = host.session.vault();
  const ids = await seedAppeal(vault, { entries: 3, redactedTerms: [REDACTED_WORD] });
  // the library reads the seeded vault when it is shown again
  await page.getByTestId('persons-button').click();
  await page.getByTestId('persons-back').click();

  const english = await walk(page, ids[0]!);
  expectEveryScreenRead(english);
  expectDaysAsWritten(english, 'en');
  for (const language of ['ru', 'kk'] as const) {
    await switchLanguage(page, language);
    const other = await walk(page, ids[0]!);
    expect(untranslated(english, other, sameEverywhere), `${language}: visible strings identical to English`).toEqual([]);
    expectDaysAsWritten(other, language);
  }
  // Control: the English screens' days are not the Russian way of writing them.
  expect(daysInOtherForms(english, 'ru', FIXTURES, DAY_EXAMPLES).length).toBeGreaterThan(3);

  // The setting "Dates: 2021-04-08" writes every day of every screen in ISO, in Kazakh as in English.
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-dates').selectOption('iso');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-dialog')).toBeHidden();
  expectDaysAsWritten(await walk(page, ids[0]!), 'iso');

  // Control: an English string of the library put on the Kazakh library is caught.
  await expectPlantedEnglishCaught(page, english, 'library and deadlines', sameEverywhere);
});
