import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { BundleManifest } from '../shared/domain/bundle';
import { createVault, expect, OCR_TIMEOUT, test } from './fixtures';
import { saveScreen, SCREENS_DIR } from './pages/screenshots';
import { journeyPages } from './pages/journeyPages';
import { renderPdfPagePng, writePdfPagePng } from '../electron/core/testing/pdfRender';

/**
 * Redaction that cannot leak (issue 11), in the built renderer against the loopback test host: a
 * statement whose text layer names the client, another client and an unregistered neighbour, and whose
 * only mention of her protected brother is a picture — a copy of his card pasted into the page. The
 * review shows the box Dalel burns over the picture (found by reading the page as it prints), says
 * who else is named, lets the lawyer move and size boxes from the keyboard and the mouse, and the
 * preview shows the document's page as it will print; the export is opened from the app.
 */

const FONT = join(__dirname, '..', 'resources', 'fonts', 'DejaVuSans.ttf');
const STATEMENT = 'statement_family.pdf';
const CLIENT = 'Aigerim Dauletkyzy';
const OTHER_CLIENT = 'Zhanar Tolegenova';
const NEIGHBOUR = 'Serik Bakytzhanov';
const BROTHER = 'Yerlan Tursynbayev';
const LINES = [
  `Statement on the family of ${CLIENT}`,
  `Her neighbour Mr ${NEIGHBOUR} witnessed the search of the house.`,
  `The statement was signed before ${OTHER_CLIENT}.`,
  'The card of her brother, who stayed behind, is copied below:',
];

/**
 * A one-page PDF with a text layer (the typed lines) and a picture that holds a name and no text of
 * it: the name typed into a small PDF of its own, rasterised by pdftoppm, and embedded as a PNG.
 */
async function statementWithPicturedName(dir: string): Promise<string> {
  const font = readFileSync(FONT);
  const card = await PDFDocument.create();
  card.registerFontkit(fontkit);
  const cardFont = await card.embedFont(font, { subset: true });
  const cardPage = card.addPage([420, 90]);
  cardPage.drawRectangle({ x: 4, y: 4, width: 412, height: 82, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 2 });
  cardPage.drawText(BROTHER, { x: 20, y: 36, size: 28, font: cardFont });
  writeFileSync(join(dir, 'card.pdf'), await card.save());
  await writePdfPagePng(join(dir, 'card.pdf'), 1, 200, join(dir, 'card.png'));

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const text = await doc.embedFont(font, { subset: true });
  const page = doc.addPage([595, 842]);
  LINES.forEach((line, index) => page.drawText(line, { x: 60, y: 760 - index * 24, size: 13, font: text }));
  const picture = await doc.embedPng(readFileSync(join(dir, 'card.png')));
  page.drawImage(picture, { x: 60, y: 760 - LINES.length * 24 - 120, width: 420, height: 90 });
  const path = join(dir, STATEMENT);
  writeFileSync(path, await doc.save());
  // The control: the brother's name is nowhere in the PDF's text, only in its picture.
  const layer = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  expect(layer).toContain(NEIGHBOUR);
  expect(layer).not.toContain('Tursynbayev');
  return path;
}

const pdfText = (path: string, page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });

/** What OCR reads on one page of a PDF as it prints (Debian's tesseract, not Dalel's own reader). */
async function ocrOfPage(path: string, page: number): Promise<string> {
  const image = await renderPdfPagePng(path, page, 200);
  return execFileSync('tesseract', ['stdin', 'stdout', '-l', 'eng'], { input: image, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'ignore'] });
}

test('a name only in a picture is boxed in the review, other people named are listed, boxes move from the keyboard and mouse, every page previews, the export opens', async ({ page, host, dataDir }, testInfo) => {
  test.setTimeout(OCR_TIMEOUT + 300_000);
  // Inside the journey's data folder, which the fixture removes afterwards.
  const work = join(dataDir, 'work');
  mkdirSync(work);
  const statement = await statementWithPicturedName(work);
  const { imports, documents, viewer, suggestions, persons, bundles, review } = journeyPages(page);
  await createVault(page, host);

  // The client, another client of the centre, and her brother: protected, he stayed behind.
  await persons.open();
  await persons.add({ name: CLIENT, spellings: ['Айгерим Даулеткызы'], role: 'client' });
  await persons.add({ name: OTHER_CLIENT, spellings: [], role: 'client' });
  await persons.add({ name: BROTHER, spellings: ['Ерлан Турсынбаев'], role: 'relative', protected: true });
  await persons.backToDocuments();

  await imports.dragFiles([statement]);
  await expect(imports.row(STATEMENT)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  // Read for suggestions (the names on it) and tagged with the client.
  await documents.card(STATEMENT).click();
  await expect(viewer.image).toBeVisible();
  await suggestions.open();
  await suggestions.addByHand({ person: CLIENT });
  await viewer.back.click();

  // Her bundle, from her page. Two steps clicked before the first save is back make one bundle.
  await persons.open();
  await persons.openPerson(CLIENT);
  await page.getByTestId('build-bundle').click();
  await bundles.atStep('select');
  await bundles.next.click();
  await bundles.atStep('arrange');
  await page.getByTestId('wizard-step-redact').evaluate((redact) => {
    const click = (element: unknown) => (element as { click(): void }).click();
    click(redact);
    click((redact as unknown as { ownerDocument: { querySelector(selector: string): unknown } }).ownerDocument.querySelector('[data-testid="wizard-step-preview"]'));
  });
  await bundles.atStep('preview');
  await page.getByTestId('wizard-step-redact').click();
  await bundles.atStep('redact');
  await expect(review.summary).toBeVisible({ timeout: 60_000 });

  // The brother's name is in the picture only: the page read as it prints finds it there (the review
  // updates itself as the background reader finishes the page), and says so.
  const statementReview = review.document(STATEMENT);
  const pictured = review.boxes(statementReview, { reason: 'protected-person', origin: 'picture' });
  await expect(pictured).toHaveCount(1, { timeout: OCR_TIMEOUT });
  await expect(review.printPending).toHaveCount(0);
  const picturedItem = review.items(statementReview, { origin: 'picture' });
  await expect(picturedItem.getByTestId('redaction-subject')).toHaveText(BROTHER);
  await expect(picturedItem.getByTestId('redaction-origin')).toHaveText('in a picture');
  await expect(picturedItem).toContainText('printed as «Protected person 1»');
  await expect(review.unchecked).toHaveCount(0);

  // Who else is named: another client (in the register) and the neighbour (nobody registered him).
  await expect(review.otherPeople).toBeVisible();
  await expect(review.otherPerson(OTHER_CLIENT)).toHaveAttribute('data-known', 'true');
  await expect(review.otherPerson(OTHER_CLIENT).getByTestId('other-person-register')).toHaveText('in the register');
  await expect(review.otherPerson(NEIGHBOUR)).toHaveAttribute('data-known', 'false');
  await expect(review.otherPerson(NEIGHBOUR).getByTestId('other-person-register')).toHaveText('name not in the register');
  await expect(review.otherPerson(CLIENT)).toHaveCount(0);
  await expect(review.keysHint).toContainText('Alt+arrows change its size');
  await pictured.focus();
  await saveScreen(page, testInfo, '66-redaction-picture-box-and-other-people');

  // From the keyboard: the box grows, then moves left and up, a margin all round the name; it is kept
  // as the lawyer's own box for what Dalel found.
  const before = await review.boxOf(pictured);
  await review.pressOn(pictured, ['Alt+Shift+ArrowRight', 'Alt+Shift+ArrowDown', 'Alt+Shift+ArrowDown', 'ArrowLeft', 'Shift+ArrowUp']);
  await expect(picturedItem).toHaveAttribute('data-adjusted', 'true', { timeout: 60_000 });
  const keyed = await review.boxOf(pictured);
  expect(keyed[0]).toBeLessThan(before[0]);
  expect(keyed[1]).toBeLessThan(before[1]);
  expect(keyed[0] + keyed[2]).toBeGreaterThan(before[0] + before[2]);
  expect(keyed[1] + keyed[3]).toBeGreaterThan(before[1] + before[3]);
  await expect(picturedItem).toContainText('moved by you');
  await expect(picturedItem.getByTestId('redaction-reset')).toBeVisible();
  // With the mouse: its bottom-right corner dragged out.
  await review.dragCorner(pictured, 'se', 30, 12);
  await expect.poll(async () => (await review.boxOf(pictured))[2], { timeout: 30_000 }).toBeGreaterThan(keyed[2]);
  const dragged = await review.boxOf(pictured);
  expect(dragged.slice(0, 2)).toEqual(keyed.slice(0, 2));

  // A box of the lawyer's own, from the keyboard: placed, moved up, widened, given its reason.
  const statementPage = statementReview.getByTestId('redact-page').first();
  await review.addBoxWithKeys(statementPage, ['Shift+ArrowUp', 'Shift+ArrowUp', 'Alt+Shift+ArrowRight'], 'Signature of the witness');
  const drawn = review.boxes(statementReview, { reason: 'manual', origin: 'drawn' });
  await expect(drawn).toHaveCount(1, { timeout: 60_000 });
  await expect(review.items(statementReview, { origin: 'drawn' }).getByTestId('redaction-subject')).toHaveText('Signature of the witness');
  // Dragged by its middle, a little to the right: a box of the lawyer's own moves where it is kept.
  const placed = await review.boxOf(drawn);
  await review.dragBox(drawn, 40, 0);
  await expect.poll(async () => (await review.boxOf(drawn))[0], { timeout: 30_000 }).toBeGreaterThan(placed[0]);
  const movedDrawn = await review.boxOf(drawn);
  expect(movedDrawn.slice(1)).toEqual(placed.slice(1));

  // The lawyer decides the neighbour is not to be named: his name becomes a redacted word, boxed in the text.
  await review.otherPerson(NEIGHBOUR).getByTestId('other-person-redact').click();
  await expect(review.terms.filter({ hasText: NEIGHBOUR })).toHaveCount(1);
  await expect(review.otherPerson(NEIGHBOUR)).toHaveAttribute('data-state', 'redacted-as-term');
  await expect(review.boxes(statementReview, { reason: 'term', origin: 'text-layer' })).toHaveCount(1, { timeout: 60_000 });
  await expect(review.root).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  // Planned again since: the core keeps both boxes where the lawyer left them.
  expect(await review.boxOf(pictured)).toEqual(dragged);
  expect(await review.boxOf(drawn)).toEqual(movedDrawn);
  await expect(picturedItem).toHaveAttribute('data-adjusted', 'true');
  await saveScreen(page, testInfo, '67-redaction-moved-added-and-neighbour-redacted');

  // The preview: every page as it will print; the statement's page with its boxes burned.
  await bundles.next.click();
  await bundles.atStep('preview');
  await expect(bundles.previewTotal).toBeVisible({ timeout: 60_000 });
  const total = Number(await bundles.previewTotal.getAttribute('data-pages'));
  await bundles.previewShows(1);
  await bundles.previewDocuments.first().getByTestId('preview-document-open').click();
  const firstPage = Number(await bundles.previewDocuments.first().getAttribute('data-first-page'));
  await bundles.previewShows(firstPage);
  await expect(page.getByTestId('preview-caption')).toHaveText(/page 1 of 1$/);
  mkdirSync(SCREENS_DIR, { recursive: true });
  const pageShot = join(SCREENS_DIR, '68-bundle-preview-document-page.png');
  await bundles.previewImage.screenshot({ path: pageShot });
  await testInfo.attach('68-bundle-preview-document-page', { path: pageShot, contentType: 'image/png' });
  // From the keyboard: to the last page (the manifest), back to the first, and on.
  await bundles.previewPage.press('End');
  await bundles.previewShows(total);
  await expect(bundles.previewPage).toHaveAttribute('data-part', 'manifest');
  await bundles.previewPage.press('Home');
  await bundles.previewShows(1);
  await page.keyboard.press('PageDown');
  await bundles.previewShows(2);
  await bundles.previewGoTo(firstPage);
  await saveScreen(page, testInfo, '69-bundle-preview-pager');

  // Export, then open it from the app: the PDF reader, and its folder.
  await bundles.next.click();
  await bundles.atStep('export');
  await bundles.chooseTarget();
  await page.getByTestId('export-run').click();
  await expect(bundles.exportResult).toBeVisible({ timeout: 240_000 });
  const pdf = (await page.getByTestId('export-result-path').textContent())!;
  await page.getByTestId('export-open-pdf').click();
  await page.getByTestId('export-show-folder').click();
  await expect.poll(() => host.opened).toEqual([
    { how: 'open', path: pdf },
    { how: 'folder', path: pdf },
  ]);
  await saveScreen(page, testInfo, '70-bundle-exported-open');

  // As a court would see it: the neighbour gone from the text, the brother gone from the picture.
  const manifest = JSON.parse(readFileSync((await page.getByTestId('export-result-manifest').textContent())!, 'utf8')) as BundleManifest;
  expect(manifest.redactions.map((redaction) => redaction.label).sort()).toEqual(['Protected person 1', 'Redacted word 1', 'Signature of the witness']);
  const text = pdfText(pdf, firstPage);
  expect(text).toContain('witnessed the search');
  expect(text).not.toContain('Bakytzhanov');
  const seen = await ocrOfPage(pdf, firstPage);
  expect(seen).toContain('copied below');
  expect(seen).not.toMatch(/Tursyn|Yerlan/i);

  // One bundle, however the steps were clicked through.
  await bundles.back.click();
  await expect(bundles.list).toBeVisible();
  await expect(bundles.cards).toHaveCount(1);
});
