import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

/**
 * The first journey in the real app: create a vault, keep the recovery code, lock, mistype the
 * passphrase, unlock, with the security settings of the window checked on the way.
 *
 * It needs the Electron binary, which cannot be downloaded on CI machines. `require('electron')` would
 * try to download it, so the path is worked out the same way without side effects, and the suite
 * skips, saying why, when there is none.
 *
 * The app is launched the way `electron .` (and `npm start`) launch it: with the repository folder, so
 * that Electron reads package.json, takes its `main` (out/main/index.js) and its productName, and the app
 * path is the repository. Handing Electron out/main/index.js instead makes the app path out/main (so
 * resources/ would be looked for in out/main/resources) and the app name "Electron".
 */
const repo = resolve(__dirname, '../..');
const mainScript = join(repo, 'out/main/index.js');
const passphrase = 'river stone lantern autumn';

function electronBinary(): { path: string } | { missing: string } {
  const packageDir = join(repo, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'node_modules/electron/path.txt is missing (the binary comes with `node scripts/electron-binary.mjs`, which needs internet)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const path = join(dist, relative);
  return existsSync(path) ? { path } : { missing: `the Electron binary ${path} does not exist` };
}

const binary = electronBinary();

/** The test's environment, with a throwaway profile and without a dev server: the built page is the one under test. */
function journeyEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
  env.DALEL_USER_DATA_DIR = join(scratch, 'user-data');
  return env;
}
let skipReported = false;

let app: ElectronApplication;
let page: Page;
let scratch: string;

test.describe('Dalel in Electron', () => {
  test.beforeAll(async () => {
    if ('missing' in binary) return;
    if (!existsSync(mainScript)) throw new Error('out/main/index.js is missing: run `npm run build` first.');
    scratch = mkdtempSync(join(tmpdir(), 'dalel-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start as root (CI containers) with its OS sandbox on. That sandbox is
      // Chromium's process jail; the renderer still runs Electron's sandboxed, Node-free preload,
      // which is what the assertions below check.
      args: process.getuid?.() === 0 ? ['--no-sandbox', repo] : [repo],
      cwd: repo,
      env: journeyEnv(),
    });
    page = await app.firstWindow();
  });

  test.beforeEach(() => {
    if ('missing' in binary) {
      const reason = `Electron journeys skipped: ${binary.missing}. They run where Electron is installed.`;
      if (!skipReported) console.log(reason);
      skipReported = true;
      test.skip(true, reason);
    }
  });

  test.afterAll(async () => {
    await app?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the window is sandboxed and isolated, and the page sees only window.dalel', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0];
      // Undocumented (absent from electron.d.ts) but present and what Electron's own tests use: the
      // preferences the page was really created with, after Electron applied its defaults.
      type Inspectable = { getLastWebPreferences(): Record<string, unknown> | null };
      const prefs = (window?.webContents as unknown as Inspectable | undefined)?.getLastWebPreferences();
      return {
        contextIsolation: prefs?.contextIsolation,
        sandbox: prefs?.sandbox,
        nodeIntegration: prefs?.nodeIntegration,
        webviewTag: prefs?.webviewTag,
        url: window?.webContents.getURL(),
      };
    });
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      url: 'app://dalel/index.html',
    });

    const seen = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return { require: typeof scope.require, process: typeof scope.process, dalel: typeof scope.dalel };
    });
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', dalel: 'object' });
  });

  test('the app runs as Dalel from the repository, as `electron .` starts it', async () => {
    const facts = await app.evaluate(({ app: electronApp }) => ({ name: electronApp.getName(), appPath: electronApp.getAppPath() }));
    expect(facts).toEqual({ name: 'Dalel', appPath: repo });
  });

  test('the page itself gets no clipboard (every permission is refused; Copy goes through main)', async () => {
    const permission = await page.evaluate(async () => {
      const scope = globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } };
      try {
        await scope.navigator.clipboard.writeText('not from Dalel');
        return 'written';
      } catch {
        return 'refused';
      }
    });
    expect(permission).toBe('refused');
  });

  test('the page cannot leave the app or open windows', async () => {
    await page.evaluate(() => {
      // Node's types here, the page's globals at run time.
      const page = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
      page.open('https://example.com/');
      page.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://dalel/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('create a vault, keep the recovery code, lock, mistype, unlock', async () => {
    await expect(page.getByTestId('create-vault-screen')).toBeVisible();
    await page.getByTestId('vault-path-input').fill(join(scratch, 'Asylum cases'));
    await page.getByTestId('passphrase-input').fill(passphrase);
    await page.getByTestId('passphrase-confirm-input').fill(passphrase);
    await page.getByTestId('create-vault-button').click();

    const recoveryCode = page.getByTestId('recovery-code');
    await expect(recoveryCode).toBeVisible();
    const shown = (await recoveryCode.innerText()).replace(/\s+/g, '');
    expect(shown.length).toBeGreaterThan(10);
    await page.getByTestId('recovery-copy-button').click();
    await expect(page.getByTestId('recovery-copy-status')).not.toBeEmpty();
    expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(shown);
    await page.getByTestId('recovery-stored-checkbox').check();
    await page.getByTestId('recovery-continue-button').click();
    await expect(page.getByTestId('library-screen')).toBeVisible();

    await page.getByTestId('lock-button').click();
    await expect(page.getByTestId('unlock-screen')).toBeVisible();

    await page.getByTestId('unlock-passphrase-input').fill('not the passphrase at all');
    await page.getByTestId('unlock-button').click();
    await expect(page.getByTestId('unlock-error')).toBeVisible();

    await page.getByTestId('unlock-passphrase-input').fill(passphrase);
    await page.getByTestId('unlock-button').click();
    await expect(page.getByTestId('library-screen')).toBeVisible();
  });
});
