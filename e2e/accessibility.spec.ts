import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CaseStore } from '../electron/core/tagging/caseStore';
import { RegisterStore } from '../electron/core/tagging/registerStore';
import { TagStore } from '../electron/core/tagging/tagStore';
import { createVault, expect, test } from './fixtures';
import { seedDocuments } from './seedVault';

/**
 * Issue 14, item 8: axe-core (WCAG 2.1 A and AA rules) on every main screen reports no serious or
 * critical violation — the library in cards and as a list, search results, a document with its
 * suggestions, a person's page, the persons, cases and laws registers, a case, the bundle wizard, the
 * settings — and the unlock and create screens. A vault with documents, a person and a case is put in
 * place directly (no OCR): this journey is about the screens, the import journeys about reading.
 */
const CERTIFICATE = 'Удостоверение беженца № 000418 выдано Даулеткызы Айгерим 03.06.2021. Действительно до 03.06.2022. Ст. 49 Закона № 477-IV.';
const LETTER = 'Ответ на обращение Даулеткызы Айгерим от 12.03.2021 о постоянном проживании. Отказано на основании статьи 49 Закона № 477-IV.';

/** The violations that would stop a lawyer who uses a screen reader or the keyboard, or cannot read faint text. */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen}: ${violation.id} (${violation.impact}) — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ')}`);
}

test('no serious or critical axe violation on the main screens', async ({ page, host }) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  await page.goto(host.url);
  await expect(page.getByTestId('create-vault-screen')).toBeVisible();
  found.push(...(await seriousViolations(page, 'create vault')));
  await createVault(page, host);
  found.push(...(await seriousViolations(page, 'empty library')));

  const vault = host.session.vault();
  const db = vault.db;
  const [certificate, letter] = await seedDocuments(vault, [
    { title: 'Удостоверение беженца Даулеткызы', text: CERTIFICATE },
    { title: 'Ответ МВД Даулеткызы', text: LETTER },
  ]);
  RegisterStore.open(db, () => new Date()).createPerson({ id: 'P-AIGERIM', name: 'Aigerim Dauletkyzy', variants: ['Даулеткызы Айгерим'], role: 'client' });
  const tags = new TagStore(db, () => new Date());
  tags.addTag(certificate!, 'person', 'P-AIGERIM');
  tags.addTag(certificate!, 'valid-until', '2027-01-20');
  tags.addTag(letter!, 'type', 'refusal');
  const appeal = new CaseStore(db, () => new Date()).save({ title: 'Dauletkyzy residence appeal' });
  new CaseStore(db, () => new Date()).setMember(appeal.id, { docId: letter! }, true);

  await page.getByTestId('persons-button').click();
  found.push(...(await seriousViolations(page, 'persons')));
  await page.getByTestId('person-card').first().click();
  await expect(page.getByTestId('person-page')).toBeVisible();
  found.push(...(await seriousViolations(page, 'person page')));
  await page.getByTestId('person-back').click();
  await page.getByTestId('persons-back').click();

  await expect(page.getByTestId('document-card')).toHaveCount(2);
  found.push(...(await seriousViolations(page, 'library (cards, deadlines)')));
  await page.getByTestId('library-view-list').click();
  found.push(...(await seriousViolations(page, 'library (list)')));
  await page.getByTestId('library-filter-dates').click();
  found.push(...(await seriousViolations(page, 'library (dates chip open)')));
  await page.keyboard.press('Escape');
  await page.getByTestId('library-view-grid').click();

  await page.getByTestId('document-card').first().click();
  await expect(page.getByTestId('viewer')).toBeVisible();
  found.push(...(await seriousViolations(page, 'viewer')));
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+K');
  await page.keyboard.type('Даулеткызы');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  found.push(...(await seriousViolations(page, 'search results')));
  await page.getByTestId('search-filter-languages').click();
  found.push(...(await seriousViolations(page, 'search results (languages chip open)')));
  await page.keyboard.press('Escape');
  await page.getByTestId('search-clear').click();

  for (const [button, back, screen] of [
    ['cases-button', 'cases-back', 'cases'],
    ['laws-button', 'laws-back', 'laws'],
  ] as const) {
    await page.getByTestId(button).click();
    found.push(...(await seriousViolations(page, screen)));
    if (screen === 'cases') {
      await page.getByTestId('case-card').first().click();
      found.push(...(await seriousViolations(page, 'case page')));
      await page.getByTestId('case-back').click();
    }
    await page.getByTestId(back).click();
  }

  await page.getByTestId('bundles-button').click();
  found.push(...(await seriousViolations(page, 'bundles')));
  await page.getByTestId('bundle-new').click();
  await expect(page.getByTestId('bundle-wizard')).toBeVisible();
  found.push(...(await seriousViolations(page, 'bundle wizard')));
  // with a document in it, the unsaved bundle asks before it is left
  await page.getByTestId('bundle-add-option').first().locator('input').check();
  await page.getByTestId('bundle-add-chosen').click();
  await expect(page.getByTestId('bundle-chosen')).toHaveCount(1);
  await page.getByTestId('bundle-wizard-back').click();
  await expect(page.getByTestId('bundle-leave-confirm')).toBeVisible();
  found.push(...(await seriousViolations(page, 'leave the bundle wizard')));
  await page.getByTestId('bundle-leave-confirm').click();
  await expect(page.getByTestId('bundle-wizard')).toBeHidden();
  // the wizard goes back to where it was opened from: the bundles list, or the library
  if (await page.getByTestId('bundles-back').isVisible()) await page.getByTestId('bundles-back').click();

  await page.getByTestId('settings-button').click();
  found.push(...(await seriousViolations(page, 'settings')));
  await page.keyboard.press('Escape');

  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('unlock-screen')).toBeVisible();
  found.push(...(await seriousViolations(page, 'unlock')));

  expect(found).toEqual([]);

  // The control: the same check finds a button without a name and a picture without a text planted on the page.
  await page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<button type=\\'button\\'></button><img src=\\'data:,\\'>')");
  const planted = await seriousViolations(page, 'planted');
  expect(planted.some((line) => line.includes('button-name'))).toBe(true);
  expect(planted.some((line) => line.includes('image-alt'))).toBe(true);
});
