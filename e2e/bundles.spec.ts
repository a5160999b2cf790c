import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleManifest } from '../shared/domain/bundle';
import { CORPUS, createVault, expect, OCR_TIMEOUT, test } from './fixtures';
import { saveScreen, SCREENS_DIR } from './pages/screenshots';
import { journeyPages } from './pages/journeyPages';
import { writePdfPagePng } from '../electron/core/testing/pdfRender';

/**
 * An evidence bundle for a client, in the built renderer against the loopback test host (the real core:
 * import, OCR, tags, the bundle planner and PDF writer, nothing mocked): her documents in two sections,
 * her father (still in Xinjiang, protected) redacted on the page images, the cover and index previewed,
 * the PDF exported and checked the way a court would see it. Run `npx electron-vite build` first.
 */

/** An NGO memo with a text layer: names Aigerim, and her father Daulet Kosherbaiuly who still lives in Emin County. */
const MEMO = 'memo_relatives_xinjiang.pdf';
/** The extension of her refugee certificate (a scan, read by OCR). */
const EXTENSION = 'scan_0013.jpg';
const AIGERIM = 'Aigerim Dauletkyzy';
const FATHER = 'Daulet Kosherbaiuly';
const FATHER_SPELLINGS = ['Даулет Кошербайулы', '道来提·库谢尔拜'];

/** The memo's truth file: both names are on its one page, so the protected one has something to redact. */
function memoNamesHerAndHerFather(): void {
  const truth = JSON.parse(readFileSync(join(CORPUS, 'memo_relatives_xinjiang.truth.json'), 'utf8')) as { page_text: string[] };
  expect(truth.page_text[0]).toContain(AIGERIM);
  expect(truth.page_text[0]).toContain(FATHER);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const pdfPages = (path: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
const pdfText = (path: string, page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });

test('build a bundle for a client in two sections, review the redaction of her protected father on the page, preview, export', async ({ page, host }, testInfo) => {
  test.setTimeout(OCR_TIMEOUT + 240_000);
  memoNamesHerAndHerFather();
  const { imports, documents, viewer, suggestions, persons, bundles } = journeyPages(page);
  await createVault(page, host);

  await imports.dragFiles([join(CORPUS, MEMO), join(CORPUS, EXTENSION)]);
  await expect(imports.row(MEMO)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(EXTENSION)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(documents.card(EXTENSION)).toHaveAttribute('data-status', 'ready');

  // The client, and her father: protected, because he still lives in Xinjiang.
  await persons.open();
  await persons.add({ name: AIGERIM, spellings: ['Айгерим Даулеткызы', 'Әйгерім Дәулетқызы'] });
  await persons.add({ name: FATHER, spellings: FATHER_SPELLINGS, role: 'relative', protected: true });
  await persons.openPerson(AIGERIM);
  await page.getByTestId('relation-type-input').selectOption('daughter-of');
  await page.getByTestId('relation-person-input').selectOption({ label: FATHER });
  await page.getByTestId('add-relation-submit').click();
  await expect(page.getByTestId('person-relation')).toContainText(FATHER);
  await persons.backToDocuments();

  // Both documents are hers; the extension is a certificate's extension.
  for (const fileName of [MEMO, EXTENSION]) {
    await documents.card(fileName).click();
    await expect(viewer.image).toBeVisible();
    await suggestions.open();
    await suggestions.addByHand({ person: AIGERIM });
    if (fileName === EXTENSION) {
      await suggestions.manual.getByTestId('manual-tag-kind').selectOption('type');
      await suggestions.manual.getByTestId('manual-tag-type').selectOption('extension');
      await suggestions.manual.getByTestId('manual-tag-add').click();
      await expect(suggestions.panel).toHaveAttribute('aria-busy', 'false');
    }
    await expect(suggestions.tagsOfKind('person').filter({ hasText: AIGERIM })).toHaveCount(1);
    await viewer.back.click();
  }

  // From her page: the wizard opens with her two documents.
  await persons.open();
  await persons.openPerson(AIGERIM);
  await page.getByTestId('build-bundle').click();
  await bundles.atStep('select');
  await expect(page.getByTestId('bundle-chosen')).toHaveCount(2);
  await expect(page.getByTestId('bundle-wizard-title')).toHaveText(`Bundle: ${AIGERIM}`);
  await bundles.next.click();

  // Order and sections: proposed by type, one section each.
  await bundles.atStep('arrange');
  await expect(bundles.sections).toHaveCount(2);
  await expect(bundles.section(0).getByTestId('bundle-section-title')).toHaveValue('Certificates');
  await expect(bundles.section(1).getByTestId('bundle-section-title')).toHaveValue('Correspondence');
  await bundles.section(1).getByTestId('bundle-section-title').fill('Memoranda');
  await page.getByTestId('bundle-prepared-by').fill('Madina Seitkaliyeva');
  await page.getByTestId('bundle-stamp-prefix').fill('Appeal ');

  // Dragged into the first section, the memo leaves the second one empty, which cannot be saved…
  await bundles.drag(bundles.entry(MEMO), bundles.section(0).getByTestId('bundle-section-drop'));
  await expect(bundles.section(0).getByTestId('bundle-entry')).toHaveCount(2);
  await expect(bundles.section(1).getByTestId('bundle-entry')).toHaveCount(0);
  await bundles.next.click();
  await expect(bundles.problems).toContainText('Section «Memoranda» is empty');
  await bundles.atStep('arrange');
  // …and from the keyboard it goes back down, across the section boundary.
  await bundles.entry(MEMO).getByTestId('bundle-entry-down').click();
  await expect(bundles.section(1).getByTestId('bundle-entry')).toHaveCount(1);
  await expect(bundles.section(1).getByTestId('bundle-entry')).toHaveAttribute('data-file-name', MEMO);
  await bundles.entry(MEMO).getByTestId('bundle-entry-title').fill('Memo on relatives in Xinjiang');
  await bundles.entry(MEMO).getByTestId('bundle-entry-date').fill('2021-05-12');
  await bundles.entry(MEMO).getByTestId('bundle-entry-description').fill('Pressure on the family');
  // the index line is kept for the document itself: the next bundle (and the library) start from it
  await bundles.entry(MEMO).getByTestId('bundle-entry-keep').click();
  await expect(bundles.entry(MEMO).getByTestId('bundle-entry-keep')).toHaveCount(0);
  await saveScreen(page, testInfo, '60-bundle-sections');

  // Going on saves the bundle in the vault.
  await bundles.next.click();
  await bundles.atStep('redact');
  await expect(bundles.saveStatus).toHaveText('Saved in the vault');

  // The review: her father's name is blacked out on the memo's page image.
  await expect(page.getByTestId('redact-protected')).toBeChecked();
  await expect(bundles.summary).toBeVisible({ timeout: 60_000 });
  const memoReview = bundles.redactDocument(MEMO);
  const fatherBoxes = memoReview.locator('[data-testid="redaction-box"][data-reason="protected-person"]');
  await expect(fatherBoxes.first()).toBeVisible();
  await expect(memoReview.getByTestId('redact-page-image')).toBeVisible();
  const image = await memoReview.getByTestId('redact-page-image').first().boundingBox();
  const black = await fatherBoxes.first().boundingBox();
  expect(image && black && black.x >= image.x - 1 && black.x + black.width <= image.x + image.width + 1).toBe(true);
  await expect(fatherBoxes.first()).toHaveAttribute('data-waived', 'false');

  // A box can be waived and restored; waived it is an outline, not black.
  const firstItem = memoReview.locator('[data-testid="redaction-item"][data-reason="protected-person"]').first();
  await firstItem.getByTestId('redaction-toggle').click();
  await expect(firstItem).toHaveAttribute('data-waived', 'true');
  await firstItem.getByTestId('redaction-toggle').click();
  await expect(firstItem).toHaveAttribute('data-waived', 'false');

  // A rectangle drawn by hand over the memo's letterhead address, with its reason.
  const manualBefore = await memoReview.locator('[data-testid="redaction-box"][data-reason="manual"]').count();
  await bundles.drawBox(memoReview.getByTestId('redact-page').first(), [0.1, 0.08], [0.6, 0.12], 'Address of the legal aid centre');
  await expect(memoReview.locator('[data-testid="redaction-box"][data-reason="manual"]')).toHaveCount(manualBefore + 1, { timeout: 60_000 });
  await saveScreen(page, testInfo, '61-bundle-redaction-review');

  // Preview: the bundle page by page as the PDF prints it, from the cover, and the page total.
  await bundles.next.click();
  await bundles.atStep('preview');
  await expect(bundles.previewTotal).toBeVisible({ timeout: 60_000 });
  const total = Number(await bundles.previewTotal.getAttribute('data-pages'));
  expect(total).toBeGreaterThanOrEqual(4);
  await bundles.previewShows(1);
  await expect(page.getByTestId('preview-caption')).toHaveText('Cover');
  // The index, the next page.
  await bundles.previewNext.click();
  await bundles.previewShows(2);
  mkdirSync(SCREENS_DIR, { recursive: true });
  const indexShot = join(SCREENS_DIR, '62-bundle-index-preview.png');
  await bundles.previewImage.screenshot({ path: indexShot });
  await testInfo.attach('62-bundle-index-preview', { path: indexShot, contentType: 'image/png' });

  // Export: where to, then the PDF with its progress, pages and SHA-256.
  await bundles.next.click();
  await bundles.atStep('export');
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-problem')).toContainText('Choose where to save the bundle PDF first');
  expect(await bundles.chooseTarget()).toMatch(/Bundle-Aigerim-Dauletkyzy\.pdf$/);
  // Unredacted originals in a ZIP need an explicit tick.
  await page.getByTestId('export-zip').check();
  await bundles.chooseTarget('zip');
  await page.getByTestId('export-originals-unredacted').check();
  await expect(page.getByTestId('export-unredacted-warning')).toContainText('The originals are not redacted');
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-problem')).toContainText('Tick that you understand');
  await page.getByTestId('export-originals-none').check();
  await page.getByTestId('export-run').click();
  await expect(bundles.exportResult).toBeVisible({ timeout: 120_000 });
  await saveScreen(page, testInfo, '63-bundle-exported');

  const pdf = (await page.getByTestId('export-result-path').textContent())!;
  const shown = (await page.getByTestId('export-result-sha256').textContent())!;
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  expect(sha256(pdf)).toBe(shown);
  expect(pdfPages(pdf)).toBe(total);
  await expect(page.getByTestId('export-result-pages')).toHaveText(String(total));
  await expect(page.getByTestId('export-result-zip')).toHaveText(/\.zip$/);

  // The redacted page of the exported PDF, as a court would see it: the father's name is not in its text.
  const manifest = JSON.parse(readFileSync((await page.getByTestId('export-result-manifest').textContent())!, 'utf8')) as BundleManifest;
  const memo = manifest.documents.find((doc) => doc.fileName === MEMO)!;
  expect(memo.sha256).toBe(sha256(join(CORPUS, MEMO)));
  const redactedPage = manifest.redactions.find((redaction) => redaction.reason === 'protected-person')!.page;
  expect(redactedPage).toBeGreaterThanOrEqual(memo.firstPage);
  expect(redactedPage).toBeLessThanOrEqual(memo.lastPage);
  const text = pdfText(pdf, redactedPage);
  expect(text).toContain('Emin County');
  expect(text).not.toContain('Kosherbaiuly');
  const redactedShot = join(SCREENS_DIR, '64-bundle-redacted-page.png');
  await writePdfPagePng(pdf, redactedPage, 100, redactedShot);
  await testInfo.attach('64-bundle-redacted-page', { path: redactedShot, contentType: 'image/png' });

  // Saved: the bundle is listed with its export, and opens again as it was left.
  await bundles.back.click();
  await expect(bundles.list).toBeVisible();
  await expect(bundles.cards).toHaveCount(1);
  await expect(bundles.cards.first().getByTestId('bundle-last-export')).toContainText(`${total} pages`);
  await bundles.cards.first().getByTestId('bundle-open').click();
  await bundles.atStep('arrange');
  await expect(bundles.section(1).getByTestId('bundle-section-title')).toHaveValue('Memoranda');
  await expect(bundles.entry(MEMO).getByTestId('bundle-entry-title')).toHaveValue('Memo on relatives in Xinjiang');
});

/** Two born-digital PDFs (text layers, so no OCR wait); the corpus has no text-layer translation, so one stands in for it. */
const LETTER = 'ngo_letter_45-21.pdf';
const STAND_IN_TRANSLATION = 'shagym_Toktarkyzy.pdf';

test('attach a translation in the viewer, pick documents by hand for a new bundle, find the translation under its original, delete the bundle', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  const { imports, documents, viewer, bundles } = journeyPages(page);
  await createVault(page, host);

  await imports.dragFiles([join(CORPUS, LETTER), join(CORPUS, STAND_IN_TRANSLATION)]);
  await expect(imports.row(LETTER)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(STAND_IN_TRANSLATION)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  const translationId = (await documents.card(STAND_IN_TRANSLATION).getAttribute('data-doc-id'))!;

  // In the viewer: "Attach translation…" chooses another document of the vault; it is listed at once.
  await documents.card(LETTER).click();
  await expect(viewer.image).toBeVisible();
  await page.getByTestId('attach-translation').click();
  await page.getByTestId('attach-translation-select').selectOption(translationId);
  await expect(page.getByTestId('attached-translation')).toHaveAttribute('data-doc-id', translationId);
  await viewer.back.click();

  // The translation knows its original.
  await documents.card(STAND_IN_TRANSLATION).click();
  await expect(page.getByTestId('translation-of')).toBeVisible();
  await expect(page.getByTestId('attach-translation')).toHaveCount(0);
  await viewer.back.click();

  // A new bundle, documents picked by hand from the library.
  await bundles.navButton.click();
  await expect(page.getByTestId('bundles-empty')).toBeVisible();
  await page.getByTestId('bundle-new').click();
  await bundles.atStep('select');
  await expect(page.getByTestId('bundle-select-empty')).toBeVisible();
  await bundles.next.click();
  await expect(bundles.problems).toContainText('Choose at least one document');
  await bundles.addEveryOffered(2);

  // Arranged: the translation is not an entry of its own but follows its original.
  await bundles.next.click();
  await bundles.atStep('arrange');
  await expect(bundles.entries).toHaveCount(1);
  await expect(bundles.entry(LETTER).getByTestId('bundle-entry-translation')).toHaveCount(1);
  await page.getByTestId('bundle-title-input').fill('Letters of the legal aid centre');
  await page.getByTestId('bundle-save').click();
  await expect(bundles.saveStatus).toHaveText('Saved in the vault');
  await saveScreen(page, testInfo, '65-bundle-translation-under-original');

  // Listed, never exported; deleting asks first.
  await bundles.back.click();
  await expect(bundles.cards).toHaveCount(1);
  await expect(bundles.cards.first()).toContainText('Letters of the legal aid centre');
  await expect(bundles.cards.first().getByTestId('bundle-last-export')).toHaveText('Not exported yet');
  await bundles.cards.first().getByTestId('bundle-delete').click();
  await expect(page.getByTestId('bundle-delete-dialog')).toBeVisible();
  await page.getByTestId('bundle-delete-confirm').click();
  await expect(page.getByTestId('bundles-empty')).toBeVisible();
  // The documents stay.
  await page.getByTestId('bundles-back').click();
  await expect(documents.cards).toHaveCount(2);
});
