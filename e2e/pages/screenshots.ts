import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export const SCREENS_DIR = join(__dirname, '..', 'artifacts', 'screens');

/**
 * A full-page screenshot kept under e2e/artifacts/screens/<name>.png and attached to the report; of the
 * window only (`fullPage: false`) for a page too tall to capture whole (a library of 10,000 documents).
 */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const path = join(SCREENS_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  // Let the caret and the button transitions settle so screenshots are stable from run to run.
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
