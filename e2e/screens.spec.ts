import type { Page, TestInfo } from '@playwright/test';
import { createVault, expect, test } from './fixtures';
import { saveScreen } from './pages/screenshots';
import { APPEAL, seedAppeal } from './seedVault';

/**
 * Issue 14: every main screen in English, Russian and Kazakh, as a lawyer's 1280×800 window shows it,
 * kept under e2e/artifacts/screens/<language>/ — the first-run and recovery screens, the library in
 * cards and as a list, a document with its text and its suggestions, search results, the persons, a
 * person's page, the cases and a case, the laws, the bundles and the wizard, the settings, the shortcuts,
 * the unlock screen. A vault with documents, persons, a case and a bundle is put in place directly (no
 * OCR): the import journeys show reading.
 */
test.use({ viewport: { width: 1280, height: 800 } });

const LANGUAGES = ['en', 'ru', 'kk'] as const;


async function shot(page: Page, testInfo: TestInfo, language: string, name: string): Promise<void> {
  await saveScreen(page, testInfo, `${language}/${name}`, { fullPage: false });
}

for (const language of LANGUAGES) {
  test(`every main screen in ${language}`, async ({ page, host }, testInfo) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await expect(page.getByTestId('create-vault-screen')).toBeVisible();
    await page.getByTestId('language-select').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await shot(page, testInfo, language, '01-create-vault');
    await createVault(page, host);

    const vault = host.session.vault();
    const ids = await seedAppeal(vault, { entries: 2, redactedTerms: [] });

    await page.getByTestId('persons-button').click();
    await shot(page, testInfo, language, '03-persons');
    await page.getByTestId('person-card').first().click();
    await expect(page.getByTestId('person-page')).toBeVisible();
    await shot(page, testInfo, language, '04-person-page');
    await page.getByTestId('person-back').click();
    await page.getByTestId('persons-back').click();

    await expect(page.getByTestId('document-card')).toHaveCount(APPEAL.documents.length);
    await shot(page, testInfo, language, '02-library');
    await page.getByTestId('library-view-list').click();
    await shot(page, testInfo, language, '05-library-list');
    await page.getByTestId('library-view-grid').click();

    await page.locator(`[data-testid="document-card"][data-doc-id="${ids[0]!}"]`).click();
    await expect(page.getByTestId('viewer-page-image')).toBeVisible();
    await shot(page, testInfo, language, '06-viewer-text');
    await page.getByTestId('viewer-tab-suggestions').click();
    await expect(page.getByTestId('suggestions-panel')).toHaveAttribute('aria-busy', 'false');
    await shot(page, testInfo, language, '07-viewer-suggestions');
    await page.getByTestId('viewer-back').click();
    await expect(page.getByTestId('viewer')).toBeHidden();

    await page.keyboard.press('Control+K');
    await page.keyboard.type('Aigerim Dauletkyzy');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
    await shot(page, testInfo, language, '08-search-results');
    await page.getByTestId('search-clear').click();

    await page.getByTestId('cases-button').click();
    await shot(page, testInfo, language, '09-cases');
    await page.getByTestId('case-card').first().click();
    await shot(page, testInfo, language, '10-case-page');
    await page.getByTestId('case-back').click();
    await page.getByTestId('cases-back').click();

    await page.getByTestId('laws-button').click();
    await shot(page, testInfo, language, '11-laws');
    await page.getByTestId('laws-back').click();

    await page.getByTestId('bundles-button').click();
    await expect(page.getByTestId('bundle-card')).toHaveCount(1);
    await shot(page, testInfo, language, '12-bundles');
    await page.getByTestId('bundle-open').first().click();
    // a saved bundle opens where its documents are arranged
    await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', 'arrange');
    await shot(page, testInfo, language, '13-bundle-arrange');
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', 'redact');
    await shot(page, testInfo, language, '14-bundle-redaction');
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', 'preview');
    await expect(page.getByTestId('preview-image')).toBeVisible({ timeout: 30_000 });
    await shot(page, testInfo, language, '15-bundle-preview');
    await page.getByTestId('bundle-wizard-back').click();
    if (await page.getByTestId('bundle-leave-confirm').isVisible()) await page.getByTestId('bundle-leave-confirm').click();
    if (await page.getByTestId('bundles-back').isVisible()) await page.getByTestId('bundles-back').click();

    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('settings-dialog')).toBeVisible();
    await shot(page, testInfo, language, '16-settings');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    await shot(page, testInfo, language, '17-shortcuts');
    await page.keyboard.press('Escape');

    await page.getByTestId('lock-button').click();
    await expect(page.getByTestId('unlock-screen')).toBeVisible();
    await shot(page, testInfo, language, '18-unlock');
  });
}
