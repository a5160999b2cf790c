#!/usr/bin/env node
// Make the native modules match the runtime about to load them.
//
//   node scripts/native-for.mjs node       (npm's pretest hook)
//   node scripts/native-for.mjs electron   (npm's prestart hook, and `npm run package` before electron-builder)
//
// Node: opens an encrypted database under Node; if the SQLite binding does not load (a binary built for
// Electron was left behind), rebuilds it for Node and checks again.
//
// Electron: loads every native module the app uses, as the app loads it, in a child Node process, and
// looks at the binaries that came in (scripts/nativeModules.mjs). A Node-API binary (all of them today:
// better-sqlite3-multiple-ciphers' prebuild, sharp's @img package, @napi-rs/canvas) loads in Electron as
// it is and is left alone. Only a binary built against one Node ABI is rebuilt, by @electron/rebuild for
// that package alone (it needs internet once for Electron's headers, and a compiler). What is missing
// for this platform is said in a sentence. This replaces `electron-builder install-app-deps`, whose
// @electron/rebuild does not recognise better-sqlite3-multiple-ciphers' flat `prebuilds/<platform>-<arch>.node`
// and falls through to node-gyp for a module that needs no build (lib/module-type/prebuildify.js).
// Running one path never breaks the other: a Node-API binary serves both.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkForElectron, electronVersion } from './nativeModules.mjs';

const require = createRequire(import.meta.url);
const target = process.argv[2];
// DALEL_APP_ROOT: another project to check (the test of this script uses a small one).
const root = process.env.DALEL_APP_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');

function bindingLoadsInNode() {
  // A keyed database must be a file (SQLite3MC refuses keys on :memory:); it is deleted at once.
  const probe = `
    const { mkdtempSync, rmSync } = require('node:fs');
    const { join } = require('node:path');
    const dir = mkdtempSync(join(require('node:os').tmpdir(), 'dalel-native-'));
    try {
      const Database = require('better-sqlite3-multiple-ciphers');
      const db = new Database(join(dir, 'probe.db'));
      db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma("key=\\"x'${'00'.repeat(32)}'\\"");
      db.exec('create table t(a)'); db.close();
    } finally { rmSync(dir, { recursive: true, force: true }); }`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

if (target === 'node') {
  const first = bindingLoadsInNode();
  if (!first.ok) {
    console.error(`The SQLite binding does not load in Node ${process.version}; rebuilding it for Node.\n${first.output}`);
    execFileSync('npm', ['rebuild', 'better-sqlite3-multiple-ciphers'], { stdio: 'inherit' });
    const second = bindingLoadsInNode();
    if (!second.ok) {
      console.error(`The SQLite binding still does not load in Node:\n${second.output}`);
      process.exit(1);
    }
  }
} else if (target === 'electron') {
  await prepareForElectron();
} else {
  console.error('Usage: node scripts/native-for.mjs node|electron');
  process.exit(2);
}

async function prepareForElectron() {
  const plan = checkForElectron(root);
  for (const { entry, binary } of plan.ready) console.log(`native: ${entry}: ${binary} (Node-API, loads in Electron as it is)`);
  for (const { entry, library } of plan.linked) console.log(`native: ${entry} links ${library}`);
  if (plan.missing.length > 0) {
    for (const line of plan.missing) console.error(line);
    process.exit(1);
  }
  if (plan.rebuild.length === 0) return;

  const version = electronVersion(root);
  console.log(`Rebuilding ${plan.rebuild.join(', ')} for Electron ${version}: built for one Node.js version, not Node-API.`);
  // @electron/rebuild comes with electron-builder (app-builder-lib depends on it); it is not a direct dependency.
  const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
  const { rebuild } = await import(pathToFileURL(builderRequire.resolve('@electron/rebuild')).href);
  try {
    await rebuild({ buildPath: root, electronVersion: version, arch: process.arch, onlyModules: plan.rebuild, force: true, mode: 'sequential' });
  } catch (error) {
    console.error(
      `Could not rebuild ${plan.rebuild.join(', ')} for Electron ${version} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ` +
        'That needs internet access once (for Electron\'s headers), Python 3 and a C++ compiler.',
    );
    process.exit(1);
  }
}
