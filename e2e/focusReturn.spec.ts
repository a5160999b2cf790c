import { createVault, expect, test } from './fixtures';
import { seedDocuments } from './seedVault';

/**
 * Leaving a document gives the focus back to its card once the library has loaded again — unless the
 * lawyer has already put it elsewhere. Escape, then Ctrl+K and a query typed at once: every letter goes
 * to the search box, and the document stays closed. (The card used to take the focus when the list
 * arrived, mid-query; the rest of the query went to the card, whose space opened the document again.)
 */
test('a query typed right after leaving a document stays in the search box', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await createVault(page, host);
  const [first] = await seedDocuments(host.session.vault(), [
    { title: 'Отказ МВД Даулеткызы', text: 'Гражданке Даулеткызы Айгерим в выдаче отказано.' },
    { title: 'Удостоверение беженца', text: 'Удостоверение беженца выдано Даулеткызы Айгерим.' },
  ]);
  // the library reads the seeded vault when it is shown again
  await page.getByTestId('persons-button').click();
  await page.getByTestId('persons-back').click();

  const query = 'Aigerim Dauletkyzy';
  for (let round = 0; round < 3; round++) {
    await page.locator(`[data-testid="document-card"][data-doc-id="${first}"]`).click();
    await expect(page.getByTestId('viewer-page-image')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    // typed at a person's pace, so the library's list arrives while the query is being typed
    await page.keyboard.type(query, { delay: 40 });
    await expect(page.getByTestId('viewer')).toBeHidden();
    await expect(page.getByTestId('search-input')).toHaveValue(query);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
    await page.getByTestId('search-clear').click();
  }
  // With nothing else focused, the card of the document just left gets the focus back.
  await page.locator(`[data-testid="document-card"][data-doc-id="${first}"]`).click();
  await expect(page.getByTestId('viewer-page-image')).toBeVisible();
  await page.getByTestId('viewer-back').click();
  await expect(page.locator(`[data-testid="document-card"][data-doc-id="${first}"]`)).toBeFocused();
});
