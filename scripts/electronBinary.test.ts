import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `bash scripts/dev.sh start` runs scripts/electron-binary.mjs before `npm start`. On a copy of the
 * installed electron package (its own install.js, pointed at a mirror that refuses every connection, with
 * an empty download cache) the script must fail in one plain sentence, never a stack trace; and with the
 * binary in place it must not try to download anything.
 */
const root = join(__dirname, '..');
const require = createRequire(join(root, 'package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = require('electron/package.json') as { version: string };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** node_modules/electron without its binary, beside links to what its installer requires. */
function electronCopy(): { dir: string; cache: string } {
  const base = mkdtempSync(join(tmpdir(), 'dalel-electron-'));
  dirs.push(base);
  const dir = join(base, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json', 'index.js', 'cli.js']) copyFileSync(join(electronDir, file), join(dir, file));
  symlinkSync(join(root, 'node_modules', '@electron'), join(base, 'node_modules', '@electron'));
  const cache = join(base, 'cache');
  mkdirSync(cache);
  return { dir, cache };
}

function run(dir: string, cache: string) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'electron-binary.mjs')], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      DALEL_ELECTRON_DIR: dir,
      // Port 9 on loopback: nothing listens, so the download fails at once, here and on a machine with internet.
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: cache,
      ELECTRON_OVERRIDE_DIST_PATH: '',
    },
  });
}

describe('the Electron binary check before start', () => {
  it('says in one sentence what is missing and what to do when the binary cannot be downloaded', () => {
    const { dir, cache } = electronCopy();
    const result = run(dir, cache);
    expect(result.status).toBe(1);
    const message = result.stderr.trim();
    expect(message).toContain(`Electron ${version}`);
    expect(message).toContain('connect to the internet');
    expect(message.split('\n')).toHaveLength(1);
    expect(message).not.toMatch(/\n\s+at |at \S+ \(|node:internal/);
  });

  it('does not download anything when the binary is there', () => {
    const { dir, cache } = electronCopy();
    mkdirSync(join(dir, 'dist'));
    const executable = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    mkdirSync(dirname(join(dir, 'dist', executable)), { recursive: true });
    writeFileSync(join(dir, 'dist', executable), '');
    writeFileSync(join(dir, 'dist', 'version'), `v${version}`);
    writeFileSync(join(dir, 'path.txt'), executable);
    const result = run(dir, cache);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('Downloading');
    expect(result.status).toBe(0);
  });

  it('runs the installer again when path.txt is there but the executable is not', () => {
    const { dir, cache } = electronCopy();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    const result = run(dir, cache);
    expect(result.stdout).toContain('Downloading');
    expect(result.status).toBe(1);
  });
});
