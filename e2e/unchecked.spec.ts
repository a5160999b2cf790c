import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { createVault, expect, OCR_TIMEOUT, test } from './fixtures';
import { BundlePage } from './pages/BundlePage';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { PersonsPage } from './pages/PersonsPage';
import { RedactionReviewPage } from './pages/RedactionReviewPage';
import { saveScreen } from './pages/screenshots';
import { ViewerPage } from './pages/ViewerPage';
import { writePdfPagePng } from '../electron/core/testing/pdfRender';

/**
 * Pages that could not be fully checked for names (issue 11), in the built renderer against the
 * loopback test host: scans read with low confidence — as a page read in the wrong language is. The
 * viewer asks whether the language was wrong; a bundle with redaction refuses to export such a page
 * until it is read again or the lawyer has checked it, and says which page.
 */

const FONT = join(__dirname, '..', 'resources', 'fonts', 'DejaVuSans.ttf');
const PROTECTED = 'Yerlan Tursynbayev';

/**
 * A scan in a script none of Dalel's OCR languages reads (Georgian, typed in DejaVu Sans and
 * rasterised): every language reads it with confidence near 0, as a page read in the wrong language.
 */
async function georgianScan(dir: string, name: string, lines: string[]): Promise<string> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Whole: pdf-lib's subsetting drops glyphs of scripts it shapes poorly.
  const font = await doc.embedFont(readFileSync(FONT), { subset: false });
  const page = doc.addPage([595, 842]);
  lines.forEach((line, index) => page.drawText(line, { x: 60, y: 760 - index * 36, size: 22, font }));
  writeFileSync(join(dir, `${name}.pdf`), await doc.save());
  await writePdfPagePng(join(dir, `${name}.pdf`), 1, 200, join(dir, `${name}.png`));
  return join(dir, `${name}.png`);
}

const NOTICE = 'notice_household.png';
const SECOND_NOTICE = 'notice_summons.png';

test('a page read with low confidence: the viewer asks whether the language was wrong, an export with redaction refuses it until the review has it checked', async ({ page, host, dataDir }, testInfo) => {
  test.setTimeout(OCR_TIMEOUT + 240_000);
  // Inside the journey's data folder, which the fixture removes afterwards.
  const work = join(dataDir, 'work');
  mkdirSync(work);
  const notice = await georgianScan(work, 'notice_household', ['საქართველოს შინაგან საქმეთა სამინისტრო', 'შეტყობინება სასამართლო სხდომის შესახებ']);
  const summons = await georgianScan(work, 'notice_summons', ['შეტყობინება სასამართლო სხდომის შესახებ', 'განმცხადებელი უნდა გამოცხადდეს პირადად', 'საქართველოს შინაგან საქმეთა სამინისტრო']);
  const imports = new ImportPage(page);
  const documents = new DocumentsPage(page);
  const viewer = new ViewerPage(page);
  const persons = new PersonsPage(page);
  const bundles = new BundlePage(page);
  const review = new RedactionReviewPage(page);
  await createVault(page, host);

  // Someone protected: the bundle is redacted, so every page must have been checked for names.
  await persons.open();
  await persons.add({ name: PROTECTED, spellings: ['Ерлан Турсынбаев'], role: 'relative', protected: true });
  await persons.backToDocuments();

  // Georgian notices imported with the usual languages (Russian, Kazakh, English).
  await imports.dragFiles([notice, summons]);
  await expect(imports.row(NOTICE)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(SECOND_NOTICE)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });

  // The viewer says the reading is doubtful and offers to read it again, or to accept it.
  await documents.card(NOTICE).click();
  await expect(viewer.image).toBeVisible();
  const doubt = page.getByTestId('viewer-low-confidence');
  await expect(doubt).toContainText('Read with low confidence — wrong language?');
  await saveScreen(page, testInfo, '71-viewer-low-confidence');
  await doubt.getByTestId('low-confidence-rerun').click();
  await expect(page.getByTestId('rerun-ocr-dialog')).toBeVisible();
  await page.getByTestId('rerun-ocr-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('rerun-ocr-dialog')).toBeHidden();
  await doubt.getByTestId('low-confidence-confirm').click();
  await expect(doubt).toHaveCount(0);
  // The rest of the viewer is as it was: its suggestions tab still opens.
  await page.getByTestId('viewer-tab-suggestions').click();
  await expect(page.getByTestId('suggestions-panel')).toBeVisible();
  await viewer.back.click();

  // A bundle of both: the second notice was never confirmed.
  await bundles.navButton.click();
  await page.getByTestId('bundle-new').click();
  await bundles.atStep('select');
  await bundles.addEveryOffered(2);
  await bundles.next.click();
  await bundles.atStep('arrange');
  await bundles.next.click();
  await bundles.atStep('redact');
  await expect(review.unchecked).toBeVisible({ timeout: 60_000 });
  const unchecked = review.unchecked.getByTestId('unchecked-page');
  await expect(unchecked).toHaveCount(1);
  await expect(unchecked).toHaveAttribute('data-reason', 'low-confidence');
  await expect(unchecked).toContainText('perhaps in the wrong language');
  await saveScreen(page, testInfo, '72-redaction-unchecked-page');

  // The export refuses, naming the page, and leads back to the review.
  await page.getByTestId('wizard-step-export').click();
  await bundles.atStep('export');
  await bundles.chooseTarget();
  await page.getByTestId('export-run').click();
  const refused = page.getByTestId('export-error');
  await expect(refused).toContainText('Some pages could not be fully checked for names', { timeout: 60_000 });
  await expect(refused.locator('.alert-detail')).toContainText('page 1 of');
  await saveScreen(page, testInfo, '73-export-refused-unchecked-pages');
  await page.getByTestId('export-to-review').click();
  await bundles.atStep('redact');

  // Checked by the lawyer: the plan is asked again and the page is settled.
  await review.unchecked.getByTestId('unchecked-confirm').click();
  await expect(review.unchecked).toHaveCount(0, { timeout: 60_000 });
  await page.getByTestId('wizard-step-export').click();
  await bundles.chooseTarget();
  await page.getByTestId('export-run').click();
  await expect(bundles.exportResult).toBeVisible({ timeout: 240_000 });
});
