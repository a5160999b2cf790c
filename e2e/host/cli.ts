import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestHost } from './server';

/**
 * `npm run host [dataDir]`: serve the already built renderer (run `npm run build` first) on the
 * loopback test host and print its URL, for trying the UI in a browser without Electron.
 * Without a dataDir, a fresh temporary folder is used so no real vault is touched.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'dalel-host-'));
  if (!existsSync(join(__dirname, '../../out/renderer/index.html'))) {
    console.warn('No built renderer in out/renderer: run `npm run build` first, or every page will be 404.');
  }
  const host = await startTestHost({ dataDir });
  console.log(`Dalel test host (data in ${dataDir})`);
  console.log(`Open: ${host.url}`);
  console.log('Ctrl+C to stop; the vault is locked on exit.');
  const stop = () => {
    void host.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
