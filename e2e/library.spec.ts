import { CaseStore } from '../electron/core/tagging/caseStore';
import { RegisterStore } from '../electron/core/tagging/registerStore';
import { TagStore } from '../electron/core/tagging/tagStore';
import { createVault, expect, test } from './fixtures';
import { saveScreen } from './pages/screenshots';
import { seedDocuments } from './seedVault';

/**
 * Issue 14, item 4: a library that shows its documents. 10,000 documents put in the vault the way an
 * import leaves them; the library renders only what the window shows, in cards and in a list, and
 * reaches the last one; one row of filter chips narrows it; ticked documents are tagged with a person
 * and put in a case at once, and their cards say whom they concern. In the built renderer against the
 * loopback test host (real core). Run `npx electron-vite build` first.
 */
const COUNT = 10_000;
const TYPES = ['refusal', 'certificate', 'extension', 'ruling'] as const;
const title = (n: number) => `Document ${String(n).padStart(5, '0')}`;

test('10,000 documents in cards and in a list, chips, and bulk tagging', async ({ page, host }, testInfo) => {
  test.setTimeout(240_000);
  await createVault(page, host);

  // The vault as 10,000 one-page imports would leave it, each dated and typed.
  const vault = host.session.vault();
  const db = vault.db;
  const ids = await seedDocuments(vault,
    Array.from({ length: COUNT }, (_, i) => ({ title: title(i + 1), text: `Письмо номер ${i + 1}`, languages: ['rus', 'eng'] as const, importedAt: new Date(Date.UTC(2026, 0, 1) + (i + 1) * 60_000) })),
    { small: true },
  );
  const tags = new TagStore(db, () => new Date('2026-12-05T09:00:00Z'));
  db.transaction(() =>
    ids.forEach((id, i) => {
      const n = i + 1;
      tags.addTag(id, 'type', TYPES[n % TYPES.length]!);
      tags.addTag(id, 'document-date', `20${10 + (n % 12)}-0${1 + (n % 9)}-1${n % 10}`);
    }),
  )();
  const register = RegisterStore.open(db, () => new Date());
  register.createPerson({ id: 'P-CLIENT', name: 'Aigerim Dauletkyzy', variants: [], role: 'client' });
  new CaseStore(db, () => new Date()).save({ title: 'Dauletkyzy residence appeal' });

  // Back from the persons screen, the library lists what is in the vault now.
  await page.getByTestId('persons-button').click();
  await page.getByTestId('persons-back').click();
  const list = page.getByTestId('document-list');
  await expect(list).toHaveAttribute('data-view', 'grid');
  const cards = page.getByTestId('document-card');
  await expect(cards.first()).toBeVisible();
  // 10,000 documents; a window's worth of cards in the page
  await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', String(COUNT));
  expect(await cards.count()).toBeLessThanOrEqual(60);
  await expect(cards.first()).toContainText(title(COUNT)); // newest import first
  await saveScreen(page, testInfo, '80-library-cards', { fullPage: false });

  // to the end: the first document imported is there, and still only a window's worth of cards
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  await expect(page.getByText(title(1), { exact: true })).toBeVisible();
  expect(await cards.count()).toBeLessThanOrEqual(60);

  // one line a document
  await page.evaluate('window.scrollTo(0, 0)');
  await page.getByTestId('library-view-list').click();
  await expect(list).toHaveAttribute('data-view', 'list');
  const rows = page.getByTestId('document-row');
  await expect(rows.first()).toContainText(title(COUNT));
  expect(await rows.count()).toBeLessThanOrEqual(80);
  await page.getByTestId('library-sort').selectOption('title');
  await expect(rows.first()).toContainText(title(1));
  await saveScreen(page, testInfo, '81-library-list', { fullPage: false });
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  await expect(page.getByText(title(COUNT), { exact: true })).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(80);
  await page.evaluate('window.scrollTo(0, 0)');

  // One row of chips: the type narrows the list to a quarter, the dates to one year of it.
  const chips = page.getByTestId('library-filters');
  const chipsBox = (await chips.boundingBox())!;
  expect(chipsBox.height).toBeLessThan(60);
  await page.getByTestId('library-filter-type').selectOption('certificate');
  await expect(page.getByTestId('document-list')).toHaveAttribute('aria-rowcount', String(COUNT / 4 + 1));
  await page.getByTestId('library-filter-dates').click();
  await page.getByTestId('library-filter-date-from').fill('01.01.2015');
  await page.getByTestId('library-filter-date-to').fill('31 Dec 2015');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('library-filter-dates')).toContainText('1 Jan 2015 – 31 Dec 2015');
  const narrowed = Number(await page.getByTestId('document-list').getAttribute('aria-rowcount')) - 1;
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(COUNT / 4);
  await saveScreen(page, testInfo, '82-library-chips', { fullPage: false });

  // Tick two, tag them with the client and put them in the case; the cards say whom they concern.
  await page.getByTestId('library-view-grid').click();
  const ticked = [cards.nth(0), cards.nth(1)];
  const tickedIds = await Promise.all(ticked.map((card) => card.getAttribute('data-doc-id')));
  for (const id of tickedIds) await page.locator(`[data-testid="document-select"][data-doc-id="${id}"]`).check();
  await expect(page.getByTestId('library-selection')).toContainText('2 selected');
  await page.getByTestId('library-bulk-person').selectOption({ label: 'Aigerim Dauletkyzy' });
  await expect(page.getByTestId('library-bulk-status')).toHaveText('2 documents tagged with Aigerim Dauletkyzy.');
  for (const id of tickedIds) {
    await expect(page.locator(`[data-testid="document-card"][data-doc-id="${id}"]`).getByTestId('document-card-persons')).toHaveText('Aigerim Dauletkyzy');
  }
  await page.getByTestId('library-bulk-case').selectOption({ label: 'Dauletkyzy residence appeal' });
  await expect(page.getByTestId('library-bulk-status')).toHaveText('2 documents are in the case “Dauletkyzy residence appeal”.');
  await saveScreen(page, testInfo, '83-library-bulk', { fullPage: false });

  await page.getByTestId('library-filters-clear').click();
  await page.getByTestId('library-filter-case').selectOption({ label: 'Dauletkyzy residence appeal' });
  await expect(cards).toHaveCount(2);
  await page.getByTestId('library-filter-case').selectOption('');
  await page.getByTestId('library-filter-person').selectOption({ label: 'Aigerim Dauletkyzy' });
  await expect(cards).toHaveCount(2);
  // each document's change audited as the viewer's would be
  const audited = (action: string) => (db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ? AND details LIKE ?').get(action, '%P-CLIENT%') as { n: number }).n;
  expect(audited('tag.added')).toBe(2);
  expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.member-added'").get() as { n: number }).n).toBe(2);
});
