#!/usr/bin/env node
// Make sure the Electron program is on this machine before `npm start` runs it.
//
//   node scripts/electron-binary.mjs      (bash scripts/dev.sh start runs it before npm start)
//
// Since Electron 42 the `electron` npm package no longer downloads its binary in a postinstall script
// (Electron 42 release notes, "electron no longer downloads itself via postinstall script"): the binary
// comes on the first run of the package's own installer (`install.js`, also its `install-electron` bin).
// electron-vite 6 does not run that installer; it reads node_modules/electron/path.txt and throws
// "Electron uninstall" with a stack trace when the file is missing (electron-vite issue #904). So this
// checks the binary the way Electron's installer does (dist/version, path.txt, the executable) and runs the
// installer when anything is missing, whatever our own install stamp says. Where the binary cannot be had
// (no internet, GitHub blocked), it says so in one sentence with what to do, and exits 1.
//
// DALEL_ELECTRON_DIR points at another copy of the electron package (the test of this script uses one).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = process.env.DALEL_ELECTRON_DIR ?? dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** The executable's path inside dist/, as Electron's installer writes it into path.txt. */
function platformPath() {
  const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The same test as node_modules/electron/install.js's isInstalled(). */
function installed() {
  const read = (file) => {
    try {
      return readFileSync(join(packageDir, file), 'utf8');
    } catch {
      return null;
    }
  };
  if (read('dist/version')?.replace(/^v/, '').trim() !== version) return false;
  if (read('path.txt') !== platformPath()) return false;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  return existsSync(join(dist, platformPath()));
}

/** The installer's own reason, short: its first error line, without the stack trace. */
function reasonFrom(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = lines.find((line) => /^(\w*Error|RequestError|HTTPError)\b/.test(line)) ?? lines.find((line) => !line.startsWith('at '));
  if (!error) return 'the installer stopped without saying why';
  return error.replace(/^\w*Error:\s*/, '').slice(0, 160);
}

if (installed()) process.exit(0);

console.log(`Downloading Electron ${version}, the program Dalel runs in (about 100 MB, needed once)…`);
const run = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
  cwd: packageDir,
  encoding: 'utf8',
  stdio: ['ignore', 'inherit', 'pipe'],
  timeout: 15 * 60 * 1000,
});
if (run.status === 0 && installed()) process.exit(0);

const reason = run.error ? run.error.message : reasonFrom(run.stderr ?? '');
console.error(
  `Dalel cannot start: Electron ${version}, the program it runs in, is not on this computer and could not be downloaded (${reason}); ` +
    'connect to the internet and run `bash scripts/dev.sh start` again, or install a Dalel package (the .deb on Linux, the installer on Windows or macOS) instead.',
);
process.exit(1);
