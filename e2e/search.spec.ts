import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, createVault, expect, OCR_TIMEOUT, test } from './fixtures';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { saveScreen } from './pages/screenshots';
import { SearchHighlightPage } from './pages/SearchHighlightPage';
import { SearchPage } from './pages/SearchPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * Search across scripts, in the built renderer against the loopback test host: the real core, OCR and
 * index, nothing mocked. Run `npx electron-vite build` first: the host serves out/renderer.
 */

/** Her refugee certificate (Kazakh, Russian and Latin on one card) and a Russian letter naming her in Cyrillic only. */
const CERTIFICATE = 'certificate_aigerim.png';
const LETTER = 'scan_0013.jpg';
/** The corpus's query Q04: her name as an English letter writes it. */
const QUERY = 'Aigerim Dauletkyzy';
const CYRILLIC = /[\u0400-\u04FF]/;

/** The letter's truth file spells her name in Cyrillic only: the hit can only come from across scripts. */
function letterNamesHerInCyrillicOnly(): void {
  const truth = JSON.parse(readFileSync(join(CORPUS, 'scan_0013.truth.json'), 'utf8')) as { page_text: string[] };
  expect(truth.page_text[0]).toContain('Даулеткызы Айгерим');
  expect(truth.page_text[0]).not.toMatch(/Aigerim|Dauletkyzy/i);
}

test('search a name in Latin letters, find it on a Cyrillic page, see it highlighted on the scan and in the text', async ({ page, host }, testInfo) => {
  test.setTimeout(2 * OCR_TIMEOUT + 120_000);
  letterNamesHerInCyrillicOnly();
  const imports = new ImportPage(page);
  const documents = new DocumentsPage(page);
  const search = new SearchPage(page);
  const viewer = new ViewerPage(page);
  const highlight = new SearchHighlightPage(page);
  await createVault(page, host);

  await imports.dragFiles([join(CORPUS, CERTIFICATE), join(CORPUS, LETTER)]);
  await expect(imports.row(CERTIFICATE)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(LETTER)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(documents.card(LETTER)).toHaveAttribute('data-status', 'ready');

  // Ctrl+K from anywhere puts the cursor in the search box; typing searches without pressing Enter.
  await search.search(QUERY);
  await expect(search.pending).toBeHidden();
  const hit = search.hit(LETTER);
  await expect(hit).toBeVisible();
  await expect(hit).toHaveAttribute('data-complete', 'true');
  await expect(search.hit(CERTIFICATE)).toBeVisible();
  await expect(search.count).toHaveText('2 pages found');

  // The letter matched across scripts, says so, and its snippet marks her name as the page prints it.
  await expect(hit.getByTestId('search-hit-form')).toContainText(['other script']);
  const marked = hit.getByTestId('search-hit-snippet').locator('mark');
  expect(await marked.count()).toBeGreaterThan(0);
  for (const text of await marked.allTextContents()) expect(text).toMatch(CYRILLIC);
  await expect(hit).toContainText('Page 1');
  await saveScreen(page, testInfo, '40-search-results');

  // A filter that leaves nothing says so in words; taking it off brings the pages back.
  await (await search.languageFilter('chi_sim')).check();
  await search.answered();
  await expect(search.empty).toContainText(`No page mentions “${QUERY}”`);
  await (await search.languageFilter('chi_sim')).uncheck();
  await search.answered();
  await expect(hit).toBeVisible();

  // Open the letter at its page: the name is highlighted on the scan, inside the page, and in the text.
  await hit.click();
  await expect(viewer.root).toBeVisible();
  await expect(viewer.indicator).toHaveText('Page 1 of 1');
  await expect(viewer.image).toBeVisible();
  await expect(highlight.bar).toBeVisible();
  await expect(highlight.position).toHaveText(/^Hit 1 of \d+$/);
  const total = Number((await highlight.position.textContent())?.match(/of (\d+)/)?.[1]);
  // The surname is printed twice on the page, the given name once.
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(highlight.boxes).toHaveCount(total);
  await expect(highlight.currentBox).toHaveCount(1);
  expect(await highlight.boxesOutside(viewer.frame)).toEqual([]);
  await expect(highlight.currentMark).toHaveCount(1);
  for (const text of await highlight.marks.allTextContents()) expect(text).toMatch(CYRILLIC);
  await saveScreen(page, testInfo, '41-viewer-search-highlight');

  // Next hit moves the highlight to the next match; F3 and Shift+F3 do the same from the keyboard.
  const first = await highlight.currentBox.boundingBox();
  await highlight.next.click();
  await expect(highlight.position).toHaveText(`Hit 2 of ${total}`);
  await expect(highlight.currentBox).toHaveCount(1);
  expect(await highlight.currentBox.boundingBox()).not.toEqual(first);
  await page.keyboard.press('Shift+F3');
  await expect(highlight.position).toHaveText(`Hit 1 of ${total}`);
  await page.keyboard.press('F3');
  await expect(highlight.position).toHaveText(`Hit 2 of ${total}`);
  await saveScreen(page, testInfo, '42-viewer-next-hit');

  // The boxes follow the page when the view is turned.
  await viewer.rotate.click();
  await expect(viewer.frame).toHaveAttribute('data-rotation', '90');
  expect(await highlight.boxesOutside(viewer.frame)).toEqual([]);

  // The highlight can be cleared; the page stays as it is.
  await highlight.clear.click();
  await expect(highlight.bar).toBeHidden();
  await expect(highlight.boxes).toHaveCount(0);
  await expect(highlight.marks).toHaveCount(0);

  // Back goes to the results, with the letter's result in focus.
  await expect(viewer.back).toHaveText(/Back to the results/);
  await viewer.back.click();
  await expect(search.results).toBeVisible();
  await expect(hit).toBeFocused();

  // The arrow keys move between the search box and the results; Escape clears the search.
  await page.keyboard.press('Control+K');
  await expect(search.input).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(search.hits.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(search.input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search.input).toHaveValue('');
  await expect(search.results).toBeHidden();
  await expect(documents.cards).toHaveCount(2);
});
