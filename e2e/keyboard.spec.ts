import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CORPUS, expect, OCR_TIMEOUT, PASSPHRASE, test } from './fixtures';
import { saveScreen } from './pages/screenshots';

/**
 * Issue 14: the whole work from the keyboard alone — create a vault, import a scan, search, tag, build a
 * bundle, export it — with Tab, Enter, Space, arrows and shortcuts, and not one mouse or pointer event
 * (the page counts them; Enter on a button makes a click, never a mousedown). In the built renderer
 * against the loopback test host (real core, real OCR). Run `npx electron-vite build` first.
 */
const SCAN = 'scan_0013.jpg';
test.use({ pickedFiles: [join(CORPUS, SCAN)] });

/** Tab (or Shift+Tab) until the element with this test id has the focus; fails after `most` presses. */
async function tabTo(page: Page, testId: string, options: { back?: boolean; most?: number } = {}): Promise<void> {
  for (let press = 0; press < (options.most ?? 80); press += 1) {
    const focused = await page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")');
    if (focused === testId) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('create, import, search, tag, bundle and export without a mouse', async ({ page, host }, testInfo) => {
  test.setTimeout(OCR_TIMEOUT + 180_000);
  await page.addInitScript(`
    window.__pointerEvents = 0;
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu', 'wheel']) {
      window.addEventListener(type, () => { window.__pointerEvents += 1; }, { capture: true });
    }
  `);
  await page.goto(host.url);

  // Create the vault.
  await expect(page.getByTestId('create-vault-screen')).toBeVisible();
  await tabTo(page, 'passphrase-input');
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, 'passphrase-confirm-input');
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, 'create-vault-button');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recovery-code')).toBeVisible();
  await tabTo(page, 'recovery-stored-checkbox');
  await page.keyboard.press('Space');
  await tabTo(page, 'recovery-continue-button');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-screen')).toBeVisible();

  // The shortcuts are one key away.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await expect(page.getByTestId('shortcut')).toHaveCount(8);
  await saveScreen(page, testInfo, '84-shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();

  // Import the scan (the open-files dialog answers with it).
  await tabTo(page, 'import-button');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="document-card"]')).toHaveAttribute('data-status', 'ready', { timeout: OCR_TIMEOUT });

  // Search a name from anywhere, go down to the result, open it.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Даулеткызы');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('viewer')).toBeVisible();

  // Tag: from the text tab to the suggestions with an arrow key, then the first suggestion accepted.
  await tabTo(page, 'viewer-tab-text');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('viewer-tab-suggestions')).toBeFocused();
  await expect(page.getByTestId('suggestions-panel')).toHaveAttribute('aria-busy', 'false');
  const before = await page.getByTestId('document-tag').count();
  await tabTo(page, 'suggestion-accept');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-tag')).toHaveCount(before + 1);

  // Back to the results (Escape), back to the library (the search box's Escape clears the search); tick the document; bundle it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('viewer')).toBeHidden();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('document-list')).toBeVisible();
  await tabTo(page, 'document-select');
  await page.keyboard.press('Space');
  await tabTo(page, 'library-bundle-selected', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', 'select');
  await expect(page.getByTestId('bundle-chosen')).toHaveCount(1);
  for (const step of ['arrange', 'redact', 'preview', 'export']) {
    await tabTo(page, 'wizard-next');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('bundle-wizard')).toHaveAttribute('data-step', step);
  }

  // Export: where to (the save dialog answers), then the PDF.
  await tabTo(page, 'export-pick-pdf');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-pdf-path')).toHaveText(/\.pdf$/);
  await tabTo(page, 'export-run');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 120_000 });
  const pdf = (await page.getByTestId('export-result-path').textContent())!;
  expect(existsSync(pdf)).toBe(true);
  await saveScreen(page, testInfo, '85-keyboard-exported');

  expect(await page.evaluate('window.__pointerEvents')).toBe(0);
  // the control: one mouse click is counted
  await page.mouse.click(5, 5);
  expect(await page.evaluate('window.__pointerEvents')).toBeGreaterThan(0);
});
