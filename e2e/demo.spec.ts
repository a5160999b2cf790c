import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_VAULT_PASSPHRASE } from '../shared/domain/demo';
import { loadDemoSet, defaultDemoDir } from '../electron/core/demo/demoSet';
import { CORPUS, expect, OCR_TIMEOUT, test } from './fixtures';
import { BundlePage } from './pages/BundlePage';
import { CasesPage } from './pages/CasesPage';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { DemoPage } from './pages/DemoPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { LibraryPage } from './pages/LibraryPage';
import { saveScreen } from './pages/screenshots';
import { SearchPage } from './pages/SearchPage';

/**
 * First run, "Try Dalel with sample documents" (issue 14 item 10), in the built renderer against the
 * loopback test host (the real core: the demo vault made by the real import with OCR, nothing mocked):
 * the library shows the sample documents under the demo banner, search finds the demo client, the
 * bundle wizard opens on the sample case with its documents, and an import is refused in plain words.
 * The banner is read in Russian too, and "Leave the demo" goes back to the first-run screen. Run
 * `npm run build` first.
 */

const SAMPLES = loadDemoSet(defaultDemoDir()).documents;
const BANNER = {
  en: 'Demo vault — fictional sample documents. Do not add real documents.',
  ru: 'Демо-хранилище — вымышленные образцы документов. Не добавляйте настоящие документы.',
};
const REFUSED = 'This is the demo vault with sample documents. Create your own vault for real documents.';

/** Serious or critical WCAG 2.1 A/AA violations inside `selector`, as accessibility.spec.ts counts them. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

// What the "Import…" dialog answers: a real-looking scan the lawyer might try to put in.
test.use({ pickedFiles: [join(CORPUS, 'scan_0001.jpg')] });

test('first run: try Dalel with sample documents, see them, search a person, open a bundle, and be refused an import', async ({ page, host }, testInfo) => {
  test.setTimeout(OCR_TIMEOUT + 120_000);
  const create = new CreateVaultPage(page);
  const demo = new DemoPage(page);
  const library = new LibraryPage(page);
  const documents = new DocumentsPage(page);
  const search = new SearchPage(page);
  const cases = new CasesPage(page);
  const bundles = new BundlePage(page);
  const imports = new ImportPage(page);

  await page.goto(host.url);
  await expect(create.root).toBeVisible();
  await expect(demo.tryButton).toHaveText('Try Dalel with sample documents');
  await saveScreen(page, testInfo, 'en/demo-first-run');
  expect(await seriousViolations(page, '.demo-offer')).toEqual([]);
  await demo.tryButton.click();

  // The library of the demo vault, in its own folder beside the proposed one, under the banner.
  await expect(library.root).toBeVisible({ timeout: 60_000 });
  await expect(library.vaultPath).toHaveAttribute('title', join(host.session.status().defaultPath, '..', 'Dalel Demo Vault'));
  await expect(demo.banner).toContainText(BANNER.en);
  await expect(demo.bannerPassphrase).toContainText(DEMO_VAULT_PASSPHRASE);
  // The library shows the demo vault as soon as it is open; its samples are listed as they are stored, seconds later on a busy machine.
  for (const sample of SAMPLES) await expect(documents.card(sample.file)).toBeVisible({ timeout: 30_000 });
  // The scan is read by OCR, with the progress the library shows for any import.
  await expect(documents.card('cert_nurlan.jpg')).toHaveAttribute('data-status', 'ready', { timeout: OCR_TIMEOUT });
  await saveScreen(page, testInfo, 'en/demo-library');
  expect(await seriousViolations(page, '[data-testid="demo-banner"]')).toEqual([]);

  // Search finds the demo client, on the appeal's text layer and on the certificate read by OCR.
  await search.search('Askaruly');
  await expect(search.hit('appeal_draft_Askaruly_v2.pdf')).toBeVisible();
  await expect(search.hit('cert_nurlan.jpg')).toBeVisible();
  await expect(demo.banner).toBeVisible();
  await saveScreen(page, testInfo, 'en/demo-search');
  await search.clear.click();

  // The sample case: its bundle wizard opens with the case's documents.
  await cases.open();
  await expect(demo.banner).toBeVisible();
  await cases.cards.first().click();
  await expect(cases.casePage).toBeVisible();
  await expect(cases.documents).toHaveCount(SAMPLES.filter((sample) => sample.inCase).length);
  await page.getByTestId('build-bundle').click();
  await expect(bundles.wizard).toBeVisible();
  const inCase = SAMPLES.filter((sample) => sample.inCase);
  await expect(page.getByTestId('bundle-chosen')).toHaveCount(inCase.length);
  await expect(demo.banner).toBeVisible();
  await saveScreen(page, testInfo, 'en/demo-bundle');
  await bundles.next.click();
  await bundles.atStep('arrange');
  for (const sample of inCase) await expect(bundles.entry(sample.file)).toBeVisible();
  // Left without saving it (the wizard asks first).
  await bundles.back.click();
  await page.getByTestId('bundle-leave-confirm').click();
  await expect(bundles.list).toBeVisible();
  await bundles.navButton.click();

  // An import is refused by the core, in plain words; nothing was added.
  await expect(imports.importButton).toBeVisible();
  await imports.importButton.click();
  await expect(page.getByTestId('import-error')).toContainText(REFUSED);
  await expect(documents.cards).toHaveCount(SAMPLES.length);
  await saveScreen(page, testInfo, 'en/demo-import-refused');

  // The banner in Russian.
  await library.chooseLanguage('ru');
  await expect(demo.banner).toContainText(BANNER.ru);
  await saveScreen(page, testInfo, 'ru/demo-library');
  await library.chooseLanguage('en');

  // Leaving the demo goes back to the first-run screen: the demo is never the vault Dalel starts on.
  await demo.leaveButton.click();
  await expect(create.root).toBeVisible();
  await expect(demo.banner).toHaveCount(0);
  // Trying again opens the same demo vault as it was left: nothing imported twice.
  await demo.tryButton.click();
  await expect(demo.banner).toContainText(BANNER.en);
  await expect(documents.cards).toHaveCount(SAMPLES.length);
  await expect(documents.card('cert_nurlan.jpg')).toHaveAttribute('data-status', 'ready');
});
