import type { Page, TestInfo } from '@playwright/test';
import { BundleStore } from '../electron/core/bundle/bundleStore';
import { CaseStore } from '../electron/core/tagging/caseStore';
import { RegisterStore } from '../electron/core/tagging/registerStore';
import { TagService } from '../electron/core/tagging/tagService';
import { createVault, expect, test } from './fixtures';
import { saveScreen } from './pages/screenshots';
import { seedDocuments } from './seedVault';

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

const DOCUMENTS = [
  {
    title: 'Отказ МВД Даулеткызы',
    text: 'Министерство внутренних дел Республики Казахстан. Исх. № 3-1-17/Б-1234 от 02.04.2021. Гражданке Даулеткызы Айгерим. В соответствии со статьей 49 Закона Республики Казахстан «О гражданстве Республики Казахстан» № 477-IV в выдаче отказано.',
  },
  {
    title: 'Удостоверение беженца Даулеткызы',
    text: 'Удостоверение беженца № 000418 выдано Даулеткызы Айгерим 03.06.2021. Действительно до 03.06.2027.',
  },
  {
    title: 'Хат: туыстары туралы',
    text: 'Әйгерім Дәулетқызының әкесі Дәулет Көшербайұлы Шыңжаңда тұрады және полиция оны бақылауда ұстайды.',
  },
  { title: 'NGO memo on relatives in Xinjiang', text: 'Memo. Aigerim Dauletkyzy reports that her father Daulet Kosherbaiuly is questioned by the police in Emin County.' },
];

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

    const db = host.session.vault().db;
    const ids = await seedDocuments(db, DOCUMENTS);
    const register = RegisterStore.open(db, () => new Date());
    register.createPerson({ id: 'P-AIGERIM', name: 'Aigerim Dauletkyzy', variants: ['Даулеткызы Айгерим', 'Әйгерім Дәулетқызы'], role: 'client' });
    register.createPerson({ id: 'P-DAULET', name: 'Daulet Kosherbaiuly', variants: ['Дәулет Көшербайұлы'], role: 'relative', protected: true });
    const tags = new TagService(db, () => new Date());
    tags.addTag(ids[0]!, 'person', 'P-AIGERIM');
    tags.addTag(ids[0]!, 'type', 'refusal');
    tags.addTag(ids[0]!, 'document-date', '2021-04-02');
    tags.addTag(ids[1]!, 'person', 'P-AIGERIM');
    tags.addTag(ids[1]!, 'type', 'certificate');
    tags.addTag(ids[1]!, 'valid-until', new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    for (const id of ids) tags.suggest(id);
    const cases = new CaseStore(db, () => new Date());
    const appeal = cases.save({ title: 'Dauletkyzy — residence appeal', notes: '' });
    for (const id of ids.slice(0, 2)) cases.setMember(appeal.id, { docId: id }, true);
    new BundleStore(db).save({
      title: 'Appeal of Aigerim Dauletkyzy',
      caseId: appeal.id,
      personId: 'P-AIGERIM',
      preparedBy: 'M. Seitkaliyeva',
      stampPrefix: '',
      sections: [{ title: 'Evidence', entries: ids.slice(0, 2).map((docId, i) => ({ docId, title: DOCUMENTS[i]!.title, date: null, description: '', translationDocIds: [] })) }],
      redaction: { protectedPersons: true, terms: [], boxes: [], waived: [] },
    });

    await page.getByTestId('persons-button').click();
    await shot(page, testInfo, language, '03-persons');
    await page.getByTestId('person-card').first().click();
    await expect(page.getByTestId('person-page')).toBeVisible();
    await shot(page, testInfo, language, '04-person-page');
    await page.getByTestId('person-back').click();
    await page.getByTestId('persons-back').click();

    await expect(page.getByTestId('document-card')).toHaveCount(DOCUMENTS.length);
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
    await page.keyboard.press('Escape');

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
