import { join } from 'node:path';
import { CORPUS, createVault, expect, OCR_TIMEOUT, test } from './fixtures';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { saveScreen } from './pages/screenshots';
import { ViewerPage } from './pages/ViewerPage';

/**
 * Issue 14, item 1: a document renamed, dated and typed in the viewer shows so in the library; a wrong
 * client's document is deleted and is gone from the library. In the built renderer against the
 * loopback test host (real core). Run `npx electron-vite build` first.
 */
const LETTER = 'ngo_letter_45-21.pdf';
const SCAN = 'scan_0005.jpg';
const COMPLAINT = 'shagym_Toktarkyzy.pdf';

test('rename, date and type a document, then delete another one', async ({ page, host }, testInfo) => {
  test.setTimeout(OCR_TIMEOUT + 120_000);
  const imports = new ImportPage(page);
  const documents = new DocumentsPage(page);
  const viewer = new ViewerPage(page);
  await createVault(page, host);

  await imports.dragFiles([join(CORPUS, LETTER), join(CORPUS, SCAN), join(CORPUS, COMPLAINT)]);
  await expect(imports.row(COMPLAINT)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(LETTER)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(SCAN)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });

  await documents.card(LETTER).click();
  await expect(viewer.root).toBeVisible();
  await page.getByTestId('edit-document').click();
  const dialog = page.getByTestId('edit-document-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('edit-document-title').fill('NGO letter on the Dauletkyzy refusal');
  // a day the interface cannot read is refused in words, and nothing is saved
  await dialog.getByTestId('edit-document-date').fill('04/08/2021');
  await dialog.getByTestId('edit-document-save').click();
  await expect(dialog.getByRole('alert')).toContainText('8 Apr 2021');
  await dialog.getByTestId('edit-document-date').fill('25 Oct 2021');
  await dialog.getByTestId('edit-document-type').selectOption('application');
  await dialog.getByTestId('edit-document-notes').fill('Original with the client.');
  await saveScreen(page, testInfo, '70-edit-document');
  await dialog.getByTestId('edit-document-save').click();
  await expect(dialog).toBeHidden();
  await expect(viewer.root.locator('.viewer-title')).toHaveText('NGO letter on the Dauletkyzy refusal');
  await expect(page.getByTestId('viewer-facts')).toHaveText('25 Oct 2021 · application');

  // reopened, the dialog shows what was saved
  await page.getByTestId('edit-document').click();
  await expect(dialog.getByTestId('edit-document-date')).toHaveValue('25 Oct 2021');
  await expect(dialog.getByTestId('edit-document-notes')).toHaveValue('Original with the client.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Escape leaves the document (and not while a dialog has it)
  await page.getByTestId('edit-document').click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(viewer.root).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer.root).toBeHidden();
  await expect(documents.card(LETTER)).toContainText('NGO letter on the Dauletkyzy refusal');
  await expect(documents.card(LETTER).getByTestId('document-card-facts')).toHaveText('25 Oct 2021 · application');
  // sorted by title, then by the document's date
  await page.getByTestId('library-sort').selectOption('title');
  await expect(documents.cards.first()).toHaveAttribute('data-file-name', LETTER);
  await page.getByTestId('library-sort').selectOption('date');
  await expect(documents.cards.first()).toHaveAttribute('data-file-name', LETTER);

  // the first Tab reaches the skip link, which goes past the header to the documents
  // start the Tab order from the top of the page, as on arriving at the screen
  await page.evaluate("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex')");
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.library main')).toBeFocused();

  // the scan belongs to another client: deleted, after saying what goes with it
  await documents.card(SCAN).click();
  await page.getByTestId('delete-document').click();
  const confirm = page.getByTestId('delete-document-dialog');
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByTestId('delete-document-cancel').click();
  await expect(confirm).toBeHidden();
  await page.getByTestId('delete-document').click();
  await confirm.getByTestId('delete-document-confirm').click();
  await expect(documents.card(SCAN)).toHaveCount(0);
  await expect(documents.card(LETTER)).toBeVisible();
  await expect(documents.cards).toHaveCount(2);

  // selected in the library and deleted together with the others selected
  await page.locator(`[data-testid="document-select"][data-doc-id="${await documents.card(COMPLAINT).getAttribute('data-doc-id')}"]`).check();
  await expect(page.getByTestId('library-selection')).toContainText('1 selected');
  await page.getByTestId('library-delete-selected').click();
  await expect(confirm).toContainText('shagym');
  await confirm.getByTestId('delete-document-confirm').click();
  await expect(documents.card(COMPLAINT)).toHaveCount(0);
  await expect(documents.cards).toHaveCount(1);
  await expect(page.getByTestId('library-selection')).toHaveCount(0);

  // Ctrl+L locks at once
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('unlock-screen')).toBeVisible();
});
