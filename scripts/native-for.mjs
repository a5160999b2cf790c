#!/usr/bin/env node
// Make the native SQLite binding match the runtime about to load it.
//
//   node scripts/native-for.mjs node       (npm's pretest hook)
//   node scripts/native-for.mjs electron   (npm's prestart hook)
//
// better-sqlite3-multiple-ciphers ships N-API prebuilds, which are ABI-stable: the same binary loads in
// Node and in Electron, so usually nothing needs rebuilding. This script proves that for Node (it opens
// an encrypted in-memory database) and, for Electron, runs electron-builder's install-app-deps, which
// rebuilds any dependency that is not N-API against Electron's headers (it needs internet the first
// time, to fetch those headers). If the Node check fails (a binary built for Electron was left behind),
// the module is rebuilt for Node and checked again. Running one path never breaks the other.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const target = process.argv[2];

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
  const builder = require.resolve('electron-builder/cli.js');
  const result = spawnSync(process.execPath, [builder, 'install-app-deps'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Rebuilding native modules for Electron failed (it needs internet access the first time).');
    process.exit(result.status ?? 1);
  }
} else {
  console.error('Usage: node scripts/native-for.mjs node|electron');
  process.exit(2);
}
