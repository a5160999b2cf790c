import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../electron/core/bundle/pdf/fonts';
import { TESSDATA_LANGUAGES } from '../electron/core/ocr/tessdata';
import { loadDemoSet } from '../electron/core/demo/demoSet';
import { checkForElectron } from './nativeModules.mjs';
import { BUILT, ensureBuilt, REPO } from './testing/builtApp';

/**
 * Where every runtime asset ends up in a packaged Dalel, and whether the code that loads it can reach it
 * there. The layout is electron-builder's own: `--dir` packaging of this repository with electron-builder.yml
 * as `npm run package` uses it. Only Electron itself is stood in for (electronDist: a folder with a file
 * carrying the fuse sentinel, since the Electron zip cannot be downloaded here); the binary's contents do
 * not change which files go where. The result is read back with @electron/asar (electron-builder's own).
 *
 * The rules, per loader (what must be a real file and what may stay inside app.asar):
 * - process.dlopen (require of a `.node`) and the dynamic linker (sharp's libvips, found by RPATH next to
 *   sharp's addon) need real files: unpacked, with their relative layout intact.
 * - fs reads (pdf.js fonts, CMaps, .wasm; tesseract.js-core's .wasm; the app:// protocol's renderer files)
 *   work inside the asar (Electron's asar fs wrapper: lib/node/asar-fs-wrapper.ts).
 * - a worker thread (tesseract.js's worker script) can start from the asar (electron/electron#33216;
 *   spec/asar-spec.ts "should start worker thread from asar file");
 * - a utility process (out/main/parserChild.js) is started by Electron's ESM loader from its path
 *   (lib/utility/init.ts), which reads from the asar like require does (Electron's Node patch
 *   fix_expose_readfilesync_override_for_modules.patch); pdf.js is import()ed there the same way.
 * - child_process.fork/spawn cannot start a script inside the asar (docs/tutorial/asar-archives.md): the
 *   app starts none (the parser's Node fork is for tests and the CLI).
 * - data the code resolves from process.resourcesPath (OCR language data, fonts) is extraResources.
 */
const require = createRequire(join(REPO, 'package.json'));
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: object): string[];
  statFile(archive: string, file: string): { unpacked?: boolean; files?: object; size?: number };
};
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own default fuse states, as @electron/fuses reads them (FuseV1Options order).
const DEFAULT_FUSES = '11110001';

let work = '';
let appOut = '';
let resources = '';
let archive = '';
let packed: string[] = [];

const onLinux = process.platform === 'linux';

/** Package with electron-builder --dir into a new folder under `work`; returns the app folder (linux-unpacked). */
function pack(name: string, extraConfig?: object): string {
  const dist = join(work, 'electron-dist');
  if (!existsSync(dist)) {
    mkdirSync(dist);
    // The stand-in for Electron's binary: a file with the fuse wire where @electron/fuses looks for it.
    const binary = join(dist, 'electron');
    writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in for the Electron binary\n'), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_FUSES.length]), Buffer.from(DEFAULT_FUSES)]));
    chmodSync(binary, 0o755);
  }
  const output = join(work, name);
  const args = [join(REPO, 'scripts/testing/packDir.mjs'), dist, output, ...(extraConfig ? [JSON.stringify(extraConfig)] : [])];
  const run = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', timeout: 5 * 60 * 1000 });
  if (run.status !== 0) throw new Error(`electron-builder --dir failed:\n${run.stdout}\n${run.stderr}`);
  return join(output, 'linux-unpacked');
}

/** Files outside the asar that are not native binaries: JavaScript or data the integrity check would not cover. */
function notNativeOutsideAsar(resourcesDir: string): string[] {
  const unpackedDir = join(resourcesDir, 'app.asar.unpacked');
  return listFiles(unpackedDir)
    .map((file) => relative(unpackedDir, file).split(sep).join('/'))
    .filter((file) => !/\.(node|dll|dylib)$|\.so(\.\d+)*$/.test(file));
}

beforeAll(async () => {
  if (!onLinux) return;
  await ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'dalel-pack-'));
  appOut = pack('dist');
  resources = join(appOut, 'resources');
  archive = join(resources, 'app.asar');
  packed = asar.listPackage(archive, {}).map((file) => file.replace(/^[/\\]/, '').split(sep).join('/'));
}, 10 * 60 * 1000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const inAsar = (file: string) => packed.includes(file);
const unpacked = (file: string) => inAsar(file) && asar.statFile(archive, file).unpacked === true && existsSync(join(resources, 'app.asar.unpacked', file));
const packedOnly = (file: string) => inAsar(file) && !asar.statFile(archive, file).unpacked;
const under = (folder: string) => packed.filter((file) => file.startsWith(`${folder}/`) && !asar.statFile(archive, file).files);

describe.skipIf(!onLinux)('the packaged app (electron-builder --dir, Linux)', () => {
  it('runs the built main bundle, with its preload, renderer and parser child packed in the asar', () => {
    const packageJson = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { main: string };
    const main = packageJson.main.replace(/^\.\//, '');
    expect(packedOnly('package.json')).toBe(true);
    for (const file of [main, relative(REPO, BUILT.preload), relative(REPO, BUILT.parserChild), relative(REPO, BUILT.rendererIndex)]) {
      expect(packedOnly(file), file).toBe(true);
    }
    // All of out/ goes in, none of it unpacked: every built file is covered by the asar integrity check.
    const built = listFiles(join(REPO, 'out')).map((file) => relative(REPO, file).split(sep).join('/')).filter((file) => !file.includes('.build-lock'));
    expect(built.filter((file) => !packedOnly(file))).toEqual([]);
  });

  it('unpacks exactly the native binaries this platform loads, with libvips where sharp’s RPATH finds it', () => {
    const plan = checkForElectron(REPO);
    expect(plan.missing).toEqual([]);
    expect(plan.ready.length).toBeGreaterThanOrEqual(3);
    for (const { binary } of plan.ready) expect(unpacked(binary), binary).toBe(true);
    for (const { library } of plan.linked) expect(unpacked(library), library).toBe(true);
    // sharp's addon finds libvips at $ORIGIN/../../sharp-libvips-<platform>/lib: the same two folders up.
    const sharpAddon = plan.ready.find((entry) => entry.entry === 'sharp')!.binary;
    const libvips = plan.linked.find((entry) => entry.entry === 'sharp')!.library;
    expect(relative(dirname(join(REPO, sharpAddon)), join(REPO, libvips))).toMatch(/^\.\.\/\.\.\/sharp-libvips-[^/]+\/lib\/libvips-cpp\./);

    // Nothing else is outside the asar: no JavaScript, no data.
    expect(notNativeOutsideAsar(resources)).toEqual([]);
  });

  it('keeps tesseract.js (worker script, core, .wasm) and pdf.js (fonts, CMaps, .wasm, ICC) inside the asar', () => {
    expect(packedOnly('node_modules/tesseract.js/src/worker-script/node/index.js')).toBe(true);
    expect(packedOnly('node_modules/tesseract.js-core/package.json')).toBe(true);
    // Every build tesseract.js's getCore (src/worker-script/node/getCore.js) may require, and the .wasm each reads beside it.
    for (const build of ['relaxedsimd-lstm', 'relaxedsimd', 'simd-lstm', 'simd', 'lstm', '']) {
      const name = `node_modules/tesseract.js-core/tesseract-core${build ? `-${build}` : ''}`;
      for (const file of [`${name}.js`, `${name}.wasm`]) expect(packedOnly(file), file).toBe(true);
    }
    for (const dep of ['node-fetch', 'regenerator-runtime', 'wasm-feature-detect', 'is-url', 'bmp-js', 'zlibjs']) {
      expect(packedOnly(`node_modules/${dep}/package.json`), dep).toBe(true);
    }

    for (const file of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'package.json']) expect(packedOnly(`node_modules/pdfjs-dist/${file}`), file).toBe(true);
    // pdfDocument.ts resourceDirs(): standard_fonts, cmaps, wasm, iccs under the package folder.
    for (const folder of ['standard_fonts', 'cmaps', 'wasm', 'iccs']) {
      const files = under(`node_modules/pdfjs-dist/${folder}`);
      expect(files.length, folder).toBeGreaterThan(0);
      expect(files.length, folder).toBe(listFiles(join(REPO, 'node_modules/pdfjs-dist', folder)).length);
      for (const file of files) expect(packedOnly(file), file).toBe(true);
    }
  });

  it('ships the OCR language data and the bundle fonts as real files in resources/resources', () => {
    for (const language of TESSDATA_LANGUAGES) {
      const file = join(resources, 'resources', 'tessdata', `${language}.traineddata`);
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size).toBe(statSync(join(REPO, 'resources/tessdata', `${language}.traineddata`)).size);
    }
    for (const font of Object.values(FONT_FILES)) expect(existsSync(join(resources, 'resources', 'fonts', font)), font).toBe(true);
  });

  it('ships the demo vault\'s sample set where the app looks for it (resources/resources/demo), every file as listed', () => {
    const set = loadDemoSet(join(resources, 'resources', 'demo'));
    expect(set.documents.length).toBeGreaterThan(0);
    expect(set.documents.map((document) => document.file)).toEqual(loadDemoSet(join(REPO, 'resources/demo')).documents.map((document) => document.file));
  });

  it('leaves out what is not needed at run time', () => {
    expect(under('node_modules/better-sqlite3-multiple-ciphers/deps')).toEqual([]);
    expect(under('node_modules/better-sqlite3-multiple-ciphers/src')).toEqual([]);
    expect(packedOnly('node_modules/better-sqlite3-multiple-ciphers/lib/binding.js')).toBe(true);
    for (const devOnly of ['electron', 'electron-builder', 'vitest', 'e2e', 'electron/main', 'renderer/src']) {
      expect(packed.some((file) => file.startsWith(`${devOnly}/`) || file.startsWith(`node_modules/${devOnly}/`)), devOnly).toBe(false);
    }
  });

  it("flips the fuses in the Electron binary: no run-as-node, no NODE_OPTIONS or --inspect, app only from the asar", () => {
    const binary = readFileSync(join(appOut, 'dalel'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar,
    // LoadBrowserProcessSpecificV8Snapshot (left as Electron has it), GrantFileProtocolExtraPrivileges.
    expect(wire).toBe('01001100');
  });
});

describe.skipIf(!onLinux)('control: the check fails for a layout that unpacks JavaScript', () => {
  it('the former asarUnpack list (whole tesseract.js, tesseract.js-core and pdfjs-dist) leaves JavaScript outside the asar', () => {
    const former = pack('former', { asarUnpack: ['node_modules/tesseract.js/**', 'node_modules/tesseract.js-core/**', 'node_modules/pdfjs-dist/**'] });
    const outside = notNativeOutsideAsar(join(former, 'resources'));
    expect(outside).toContain('node_modules/tesseract.js/src/worker-script/node/index.js');
    expect(outside).toContain('node_modules/pdfjs-dist/legacy/build/pdf.mjs');
  });
});

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
