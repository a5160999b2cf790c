#!/usr/bin/env node
// electron-builder's `--dir` packaging of this repository, for scripts/packagedLayout.test.ts.
//
//   node scripts/testing/packDir.mjs <electron-dist> <output-dir> [<extra config as JSON>]
//
// Everything comes from electron-builder.yml and package.json, as `npm run package` would use them, with
// two things given here: the Electron distribution (electronDist: a folder standing in for the unpacked
// Electron zip, which cannot be downloaded on this machine) and the output folder. electron-builder
// merges this over the file it loads itself ("loaded configuration file=electron-builder.yml"; lists are
// concatenated). The extra config is for the test's controls only.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const { build, Platform } = require('electron-builder');
const [electronDist, output, extra] = process.argv.slice(2);
const electronVersion = require('electron/package.json').version;

await build({
  projectDir: root,
  targets: Platform.LINUX.createTarget('dir'),
  config: { ...(extra ? JSON.parse(extra) : {}), electronDist, electronVersion, directories: { output } },
});
