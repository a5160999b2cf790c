import { defineConfig } from '@playwright/test';

/**
 * Two kinds of journey:
 * - `chromium`: e2e/*.spec.ts drive the built renderer in Debian's Chromium against the loopback test
 *   host (e2e/host/server.ts), because the Electron binary cannot be downloaded on CI machines.
 *   Playwright's own browsers are never installed: `npx playwright install` would fetch them.
 * - `electron`: e2e/electron/*.spec.ts launch the real app the way `electron .` does (the repository
 *   folder, so package.json's main and productName apply); they need `npm run build` first and skip
 *   themselves, saying why, where there is no Electron binary.
 */
const chromiumPath = process.env.DALEL_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/test-results',
  // Each journey has its own data folder and test host, so two run at once (one spec file each): one
  // journey keeps about 1.4 of the 2 cores here busy, page and host taking turns; two keep both busy
  // and take 5.4 min instead of 6.5. Argon2id's 64 MiB a derivation is no concern at two.
  workers: 2,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testMatch: /e2e\/[^/]+\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-default-apps',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /e2e\/electron\/[^/]+\.spec\.ts$/,
    },
  ],
});
