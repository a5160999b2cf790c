import { RegisterStore } from '../electron/core/tagging/registerStore';
import { TagStore } from '../electron/core/tagging/tagStore';
import { createVault, expect, test } from './fixtures';
import { seedDocuments } from './seedVault';

/**
 * Issue 14, item 7: a quick lock leaves no case data in the window. With a document open, its page image
 * shown and a search on screen, Ctrl+L locks at once; then the page's HTML, its storage and the search
 * box hold no title, no word of the text and no name, and every page image made for the screen (a blob:
 * URL) has been given up. The same checks, made just before the lock, find all of it (so they can fail).
 * In the built renderer against the loopback test host (real core). Run `npx electron-vite build` first.
 */
const TITLE = 'Справка Кадырбекулы о розыске';
const TEXT = 'Гражданин Нуржан Кадырбекулы разыскивается полицией уезда Текес по месту жительства родственников';
const PERSON = 'Нуржан Кадырбекулы';
const SECRETS = [TITLE, 'разыскивается', 'Текес', PERSON];

/** What the window still holds: its HTML, its storage, the search box, and the blob: URLs not given up. */
const windowContents = `(() => ({
  text: document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  liveUrls: window.__liveUrls.size,
}))()`;

test('Ctrl+L locks at once and leaves nothing of the case in the window', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.addInitScript(`
    window.__liveUrls = new Set();
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (object) => { const url = create(object); window.__liveUrls.add(url); return url; };
    URL.revokeObjectURL = (url) => { window.__liveUrls.delete(url); revoke(url); };
  `);
  await createVault(page, host);
  const vault = host.session.vault();
  const db = vault.db;
  const [docId] = await seedDocuments(vault, [{ title: TITLE, text: TEXT }]);
  RegisterStore.open(db, () => new Date()).createPerson({ id: 'P-NURZHAN', name: PERSON, variants: [], role: 'relative', protected: true });
  new TagStore(db, () => new Date()).addTag(docId!, 'person', 'P-NURZHAN');

  await page.keyboard.press('Control+K');
  await page.keyboard.type('Текес');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('viewer')).toBeVisible();
  await expect(page.getByTestId('viewer-page-image')).toBeVisible();
  await expect(page.getByTestId('viewer-tab-text')).toHaveAttribute('aria-selected', 'true');

  // the control: open, the window holds the case
  const open = (await page.evaluate(windowContents)) as { text: string; liveUrls: number };
  for (const secret of SECRETS) expect(open.text, secret).toContain(secret);
  expect(open.liveUrls).toBeGreaterThan(0);

  await page.keyboard.press('Control+L');
  await expect(page.getByTestId('unlock-screen')).toBeVisible();
  await expect(async () => {
    const locked = (await page.evaluate(windowContents)) as { text: string; liveUrls: number };
    for (const secret of SECRETS) expect(locked.text, secret).not.toContain(secret);
    expect(locked.liveUrls).toBe(0);
  }).toPass({ timeout: 5_000 });
  expect(host.session.status().state).toBe('locked');
});
