import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkForElectron, isNodeApiBinary, nativePackages, planForElectron, productionPackages } from './nativeModules.mjs';

/**
 * `npm start` and `npm run package` run `node scripts/native-for.mjs electron` first. It must leave the
 * Node-API binaries alone (they load in Electron as they are: no Python, compiler or Electron headers
 * needed), pick out a binary built for one Node ABI for a rebuild, and say in a sentence what is missing.
 */
const root = join(__dirname, '..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-native-'));
  dirs.push(dir);
  return dir;
};

/** A project with one dependency `name` holding `files` (path → contents). */
function project(name: string, files: Record<string, string | Buffer>): string {
  const dir = scratch();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { [name]: '1.0.0' } }));
  const packageDir = join(dir, 'node_modules', name);
  for (const [file, contents] of Object.entries({ 'package.json': JSON.stringify({ name, version: '1.0.0' }), ...files })) {
    mkdirSync(dirname(join(packageDir, file)), { recursive: true });
    writeFileSync(join(packageDir, file), contents);
  }
  return dir;
}

describe('the native modules Dalel loads, checked for Electron', () => {
  it('finds every one as the app loads it, all Node-API, with libvips beside sharp: nothing to rebuild', () => {
    const plan = checkForElectron(root);
    expect(plan).toMatchObject({ rebuild: [], missing: [] });
    const byEntry = Object.fromEntries(plan.ready.map((entry) => [entry.entry, entry]));
    expect(byEntry['better-sqlite3-multiple-ciphers']?.binary).toMatch(new RegExp(`better-sqlite3-multiple-ciphers/prebuilds/(linux|linuxmusl|darwin|win32)-${process.arch}\\.node$`));
    expect(byEntry.sharp?.package).toMatch(/^@img\/sharp-/);
    expect(byEntry['@napi-rs/canvas']?.package).toMatch(/^@napi-rs\/canvas-/);
    expect(plan.linked.map((entry) => entry.library).join()).toMatch(/sharp-libvips-.*libvips-cpp/);
  });

  it('knows every production package with native code (a new one must be added to the list)', () => {
    const natives = nativePackages(productionPackages(root)).map((native) => native.name).sort();
    expect(natives).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers']));
    expect(natives.every((name) => /^(better-sqlite3-multiple-ciphers|@img\/sharp-|@napi-rs\/canvas-)/.test(name))).toBe(true);
  });

  it('tells a Node-API binary from one built for a single Node ABI by its entry symbol', () => {
    const sqlite = checkForElectron(root).ready.find((entry) => entry.entry === 'better-sqlite3-multiple-ciphers')!;
    expect(isNodeApiBinary(readFileSync(join(root, sqlite.binary)))).toBe(true);
    expect(isNodeApiBinary(Buffer.from('\0node_register_module_v137\0'))).toBe(false);
    expect(isNodeApiBinary(Buffer.from('\0nothing known here\0'))).toBe(false);
  });

  it('plans a rebuild only for a binary that is not Node-API and can be built, and says what is missing otherwise', () => {
    const dir = scratch();
    const file = (name: string, contents: string) => {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, contents);
      return path;
    };
    const napi = file('napi-mod/x.node', 'napi_register_module_v1');
    const abiBuildable = file('abi-mod/build/Release/x.node', 'node_register_module_v137');
    const abiPrebuilt = file('abi-prebuilt/x.node', 'node_register_module_v137');
    const natives = [
      { name: 'napi-mod', dir: join(dir, 'napi-mod'), binaries: [napi], buildable: false },
      { name: 'abi-mod', dir: join(dir, 'abi-mod'), binaries: [abiBuildable], buildable: true },
      { name: 'abi-prebuilt', dir: join(dir, 'abi-prebuilt'), binaries: [abiPrebuilt], buildable: false },
      { name: 'orphan', dir: join(dir, 'orphan'), binaries: [join(dir, 'orphan/y.node')], buildable: false },
    ];
    const plan = planForElectron({
      root: dir,
      natives,
      platform: 'linux',
      arch: 'riscv64',
      probes: [
        { name: 'napi-mod', loaded: true, objects: [napi] },
        { name: 'abi-mod', loaded: true, objects: [abiBuildable] },
        { name: 'abi-prebuilt', loaded: true, objects: [abiPrebuilt] },
        { name: 'gone', loaded: false, error: "Error: Cannot find module '../prebuilds/linux-riscv64.node'" },
      ],
    });
    expect(plan.ready.map((entry) => entry.entry)).toEqual(['napi-mod']);
    expect(plan.rebuild).toEqual(['abi-mod']);
    expect(plan.missing).toHaveLength(3);
    expect(plan.missing[0]).toMatch(/abi-prebuilt.*built for one Node\.js version only and cannot be rebuilt here/);
    expect(plan.missing[1]).toMatch(/^gone has no native binary for linux-riscv64 that loads here \(Error: Cannot find module.*\)\. Run `npm rebuild gone`/);
    expect(plan.missing[2]).toMatch(/^orphan ships orphan\/y\.node, but nothing .* loads it/);
  });

  const nodeHeaders = join(dirname(dirname(process.execPath)), 'include', 'node', 'node.h');
  const compiler = spawnSync('c++', ['--version']).status === 0;
  it.skipIf(!compiler || !existsSync(nodeHeaders))('picks out a real addon built against one Node ABI (compiled here) for a rebuild', () => {
    const source = '#include <node.h>\nvoid Init(v8::Local<v8::Object>) {}\nNODE_MODULE(legacy, Init)\n';
    const build = scratch();
    writeFileSync(join(build, 'addon.cc'), source);
    const compiled = spawnSync('c++', ['-shared', '-fPIC', '-std=c++20', `-I${dirname(nodeHeaders)}`, join(build, 'addon.cc'), '-o', join(build, 'addon.node')], { encoding: 'utf8', timeout: 120_000 });
    expect(compiled.status, compiled.stderr).toBe(0);
    const dir = project('legacy-addon', {
      'index.js': "module.exports = require('./build/Release/addon.node');",
      'binding.gyp': '{"targets":[{"target_name":"addon","sources":["addon.cc"]}]}',
      'build/Release/addon.node': readFileSync(join(build, 'addon.node')),
    });
    const plan = checkForElectron(dir, [{ name: 'legacy-addon', load: "require('legacy-addon')" }]);
    expect(plan).toMatchObject({ ready: [], rebuild: ['legacy-addon'], missing: [] });
  });
});

describe('node scripts/native-for.mjs electron', () => {
  it('rebuilds nothing here and says which binary each module loads', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/native-for.mjs'), 'electron'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/better-sqlite3-multiple-ciphers: .*prebuilds\/.*\.node \(Node-API, loads in Electron as it is\)/);
    expect(run.stdout).toMatch(/sharp: .*@img\/sharp-.*\.node \(Node-API/);
    expect(run.stdout).not.toMatch(/Rebuilding|node-gyp/);
  });

  it('says plainly what is missing and stops, where a module has no binary for this platform', () => {
    const dir = project('better-sqlite3-multiple-ciphers', { 'index.js': "require('./prebuilds/none.node')", 'prebuilds/other-platform.node': 'napi_register_module_v1' });
    const run = spawnSync(process.execPath, [join(root, 'scripts/native-for.mjs'), 'electron'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DALEL_APP_ROOT: dir },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`better-sqlite3-multiple-ciphers has no native binary for ${process.platform}-${process.arch} that loads here`));
    expect(run.stderr).toMatch(/npm rebuild better-sqlite3-multiple-ciphers/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
