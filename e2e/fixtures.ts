import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { startTestHost, type TestHost } from './host/server';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { LibraryPage } from './pages/LibraryPage';
import { RecoveryCodePage } from './pages/RecoveryCodePage';
import { CORPUS_DIR } from '../electron/core/testing/corpusDir';

/**
 * What every journey in the built renderer needs, once: a loopback test host on a fresh data folder
 * (the real core, nothing mocked), and a recorder of the page's requests and console that fails the
 * test when the page reached anything but that host, or logged an error or warning. Run
 * `npx electron-vite build` first: the host serves out/renderer.
 *
 *   import { expect, test } from './fixtures';
 *   test('…', async ({ page, host }) => { await page.goto(host.url); … });
 */

/** The floor the core accepts (64 MiB, t=3), so creating a vault takes a second, not ten. */
export const KDF = { name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;
export const PASSPHRASE = 'steppe kettle orchard violin';
export const CORPUS = CORPUS_DIR;
/** OCR of a 300 dpi page takes seconds to tens of seconds on a small machine shared with other work. */
export const OCR_TIMEOUT = 180_000;

const KNOWN_CONSOLE_NOISE = [
  // Chromium says this about every CSP delivered in a <meta> tag; the app also sends it as a header.
  /'frame-ancestors' is ignored when delivered via a <meta> element/,
  // Says neither which URL nor why; failed responses are recorded with their URL instead.
  /^Failed to load resource/,
];

interface JourneyFixtures {
  /** Files the test host's "Import…" dialog answers with, as if the lawyer had chosen them (none by default). */
  pickedFiles: string[];
  /**
   * What the test host's "Restore from a backup" open dialog answers: `path` starts null (as if
   * cancelled); a journey sets it to the backup file it made before choosing one.
   */
  backupToPick: { path: string | null };
  /** A fresh folder for the app config and the vault; removed after the test. */
  dataDir: string;
  host: TestHost;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Asserts after each test that nothing left this computer and the console stayed clean. */
  offlineAndQuiet: void;
}

export const test = base.extend<JourneyFixtures>({
  pickedFiles: [[], { option: true }],

  // eslint-disable-next-line no-empty-pattern
  backupToPick: async ({}, use) => {
    await use({ path: null });
  },

  // Playwright reads the fixtures a fixture needs from its first parameter's pattern, so it must be one.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), `dalel-e2e-${basename(testInfo.file, '.spec.ts')}-`));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  host: async ({ dataDir, pickedFiles, backupToPick }, use) => {
    const host = await startTestHost({ dataDir, kdf: KDF, pickFiles: () => pickedFiles, pickBackupFile: () => backupToPick.path });
    try {
      await use(host);
    } finally {
      await host.close();
    }
  },

  requests: async ({ page }, use) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await use(requests);
  },

  offlineAndQuiet: [
    async ({ page, host, requests }, use) => {
      const problems: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message: ConsoleMessage) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        if (KNOWN_CONSOLE_NOISE.some((noise) => noise.test(message.text()))) return;
        problems.push(`${message.type()}: ${message.text()}`);
      });
      await use();
      // Names of clients and relatives, documents, page images, OCR text and queries stay on this
      // computer: every request the page made went to the host that served it.
      expect(requests.length, 'the page made no request at all').toBeGreaterThan(0);
      for (const url of requests) expect(new URL(url).origin, url).toBe(host.origin);
      // A CSP violation or a React error shows up here before a lawyer ever sees it.
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app on a fresh data folder, creates a vault and keeps its recovery code; returns the code. */
export async function createVault(page: Page, host: TestHost): Promise<string> {
  const create = new CreateVaultPage(page);
  await page.goto(host.url);
  await expect(create.root).toBeVisible();
  await create.create(PASSPHRASE);
  const recovery = new RecoveryCodePage(page);
  const code = await recovery.readCode();
  await recovery.confirmStored();
  await expect(new LibraryPage(page).root).toBeVisible();
  return code;
}
