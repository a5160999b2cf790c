import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, createVault, expect, OCR_TIMEOUT, test } from './fixtures';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { LibraryPage } from './pages/LibraryPage';
import { saveScreen } from './pages/screenshots';
import { ViewerPage } from './pages/ViewerPage';

/**
 * Import and reading, in the built renderer against the loopback test host: the real core, parser
 * and OCR, nothing mocked. Run `npx electron-vite build` first: the host serves out/renderer.
 */

/** An English flatbed scan (OCR), a Russian PDF with a text layer, and text pretending to be a PDF. */
const SCAN = 'scan_0008.jpg';
const LETTER = 'ngo_letter_45-21.pdf';
const NOT_A_PDF = 'notes_client.pdf';
/** Two pages with a text layer, chosen through the "Import…" dialog. */
const APPEAL = 'appeal_draft_Askaruly_v2.pdf';

// The test host's "Import…" dialog answers as if the lawyer had chosen the appeal draft.
test.use({ pickedFiles: [join(CORPUS, APPEAL)] });

/** A word the truth file says is on the page, so the test asserts what the lawyer should read. */
function wordFromTruth(file: string, page: number, word: string): string {
  const truth = JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as { page_text: string[] };
  expect(truth.page_text[page - 1], `${file} page ${page}`).toContain(word);
  return word;
}

test('drop scans and PDFs, see a bad file refused in words, read a document beside its image', async ({ page, host }, testInfo) => {
  test.setTimeout(2 * OCR_TIMEOUT + 120_000);
  const library = new LibraryPage(page);
  const imports = new ImportPage(page);
  const documents = new DocumentsPage(page);
  const viewer = new ViewerPage(page);
  await createVault(page, host);
  await expect(library.empty).toBeVisible();

  // Files dragged over any part of the window light it up.
  const dropped = [join(CORPUS, SCAN), join(CORPUS, LETTER), join(CORPUS, 'bad', NOT_A_PDF)];
  await imports.dragFiles(dropped, { drop: false });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await saveScreen(page, testInfo, '20-library-drag-over');
  await imports.dragFiles(dropped);
  await expect(page.locator('.drop-overlay')).toBeHidden();

  // Every dropped file has a row with its progress, in the order dropped.
  await expect(imports.panel).toBeVisible();
  await expect(imports.rows).toHaveCount(3);
  await expect(imports.rows.locator('.import-file-name')).toHaveText([SCAN, LETTER, NOT_A_PDF]);
  await saveScreen(page, testInfo, '21-import-progress');

  // The file that is text pretending to be a PDF is refused, and the lawyer is told why in words.
  // Files are checked one after another, so it waits for the two before it.
  const bad = imports.row(NOT_A_PDF);
  await expect(bad).toHaveAttribute('data-status', 'rejected', { timeout: OCR_TIMEOUT });
  await expect(bad.getByTestId('import-file-error')).toHaveAttribute('data-code', 'unsupported-file');
  await expect(bad.getByTestId('import-file-error')).toHaveText('This is not a scan or a PDF. Dalel imports JPEG, PNG and TIFF images and PDF files.');

  // Each document is listed as soon as it is stored, while its text is still being read.
  await expect(documents.cards).toHaveCount(2);

  await expect(imports.row(SCAN)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(LETTER)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.panel).toHaveAttribute('data-running', 'false');
  await expect(imports.panel).toContainText('Added: 2');
  await expect(imports.panel).toContainText('Not imported: 1');
  await saveScreen(page, testInfo, '22-import-finished-with-bad-file');
  await imports.panel.getByTestId('import-dismiss').click();
  await expect(imports.panel).toBeHidden();

  // The library lists both, with a thumbnail of page 1, and the honest empty state is gone.
  await expect(library.empty).toBeHidden();
  await expect(documents.card(SCAN)).toHaveAttribute('data-status', 'ready');
  await expect(documents.card(LETTER)).toHaveAttribute('data-status', 'ready');
  await expect(documents.card(SCAN)).toContainText('1 page');
  await expect(documents.card(SCAN).getByTestId('document-thumbnail')).toBeVisible();
  await expect(documents.card(LETTER).getByTestId('document-thumbnail')).toBeVisible();
  await saveScreen(page, testInfo, '23-library-documents');

  // "Import…" asks the shell for files; a two-page PDF with a text layer comes in without OCR.
  await imports.importButton.click();
  await expect(imports.row(APPEAL)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(documents.cards).toHaveCount(3);

  // The scan: its image and the text OCR read from it, side by side.
  await documents.card(SCAN).click();
  await expect(viewer.root).toBeVisible();
  await expect(viewer.image).toBeVisible();
  await expect(viewer.text).toContainText(wordFromTruth('scan_0008.truth.json', 1, 'refugee'));
  await expect(viewer.indicator).toHaveText('Page 1 of 1');
  await expect(viewer.next).toBeDisabled();
  await expect(page.getByTestId('viewer-page-source')).toHaveText('Text read by OCR');
  await saveScreen(page, testInfo, '24-viewer-scan');

  // Word boxes on, then off again.
  await expect(viewer.boxes).toHaveCount(0);
  await viewer.boxesToggle.click();
  await expect(viewer.boxesToggle).toHaveAttribute('aria-pressed', 'true');
  expect(await viewer.boxes.count()).toBeGreaterThan(0);
  await saveScreen(page, testInfo, '25-viewer-word-boxes');
  await viewer.boxesToggle.click();
  await expect(viewer.boxes).toHaveCount(0);

  // Zoom steps by a quarter and back; rotating turns the view on its side.
  const fitted = await viewer.imageSize();
  await viewer.zoomIn.click();
  await expect.poll(async () => (await viewer.imageSize()).width).toBeCloseTo(fitted.width * 1.25, 0);
  await viewer.zoomOut.click();
  await expect.poll(async () => (await viewer.imageSize()).width).toBeCloseTo(fitted.width, 0);
  await viewer.zoomOut.click();
  await viewer.rotate.click();
  await expect(viewer.frame).toHaveAttribute('data-rotation', '90');
  const turned = await viewer.imageSize();
  expect(turned.width / turned.height).toBeCloseTo(fitted.height / fitted.width, 1);
  await viewer.boxesToggle.click();
  expect(await viewer.boxes.count()).toBeGreaterThan(0);
  await saveScreen(page, testInfo, '26-viewer-rotated-zoomed-out');
  await viewer.boxesToggle.click();

  // The two-page appeal: next, previous, and the keyboard's Page Down / Page Up.
  await viewer.back.click();
  await documents.card(APPEAL).click();
  await expect(viewer.indicator).toHaveText('Page 1 of 2');
  await expect(viewer.prev).toBeDisabled();
  await viewer.next.click();
  await expect(viewer.indicator).toHaveText('Page 2 of 2');
  await expect(viewer.text).toContainText(wordFromTruth('appeal_draft_Askaruly_v2.truth.json', 2, 'Annexes'));
  await expect(page.getByTestId('viewer-page-source')).toHaveText('Text from the PDF itself');
  await saveScreen(page, testInfo, '27-viewer-text-layer-page-2');
  await page.keyboard.press('PageUp');
  await expect(viewer.indicator).toHaveText('Page 1 of 2');
  await page.keyboard.press('PageDown');
  await expect(viewer.indicator).toHaveText('Page 2 of 2');

  // Re-run OCR on the scan in English alone: its page shows as being read, then read again.
  await viewer.back.click();
  await documents.card(SCAN).click();
  await expect(viewer.text).toContainText('refugee');
  await viewer.rerun.click();
  const dialog = page.getByTestId('rerun-ocr-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('ocr-language-rus').uncheck();
  await dialog.getByTestId('ocr-language-kaz').uncheck();
  await expect(dialog.getByTestId('ocr-language-eng')).toBeChecked();
  await saveScreen(page, testInfo, '28-rerun-ocr-dialog');
  await dialog.getByTestId('rerun-ocr-submit').click();
  await expect(dialog).toBeHidden();
  await expect(viewer.pageStatus).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'processing');
  await saveScreen(page, testInfo, '29-viewer-rerun-processing');
  await expect(viewer.pageStatus).toHaveAttribute('data-status', 'done', { timeout: OCR_TIMEOUT });
  await expect(viewer.text).toContainText('refugee');
  await expect(page.locator('.viewer-languages')).toHaveText('English');
});

test('cancel an import: nothing half-read stays in the vault', async ({ page, host }, testInfo) => {
  test.setTimeout(OCR_TIMEOUT);
  const library = new LibraryPage(page);
  const imports = new ImportPage(page);
  const documents = new DocumentsPage(page);
  await createVault(page, host);

  await imports.dragFiles([join(CORPUS, SCAN), join(CORPUS, 'scan_0001.jpg')]);
  await expect(imports.rows).toHaveCount(2);
  // OCR of the first scan takes seconds: long enough to change one's mind.
  await imports.panel.getByTestId('import-cancel').click();
  await expect(imports.panel).toHaveAttribute('data-running', 'false', { timeout: OCR_TIMEOUT });
  await saveScreen(page, testInfo, '30-import-cancelled');

  // A file finished before the click stays, complete; anything else is gone, not left half-read.
  const statuses = await imports.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
  expect(statuses.every((status) => status === 'cancelled' || status === 'imported'), statuses.join()).toBe(true);
  const imported = statuses.filter((status) => status === 'imported').length;
  if (imported === 0) await expect(library.empty).toBeVisible();
  await expect(documents.cards).toHaveCount(imported);
  for (const card of await documents.cards.all()) await expect(card).toHaveAttribute('data-status', 'ready');
});
