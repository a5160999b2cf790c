// Which native code Dalel loads, and whether Electron can load it as it is.
//
// Used by scripts/native-for.mjs (before `npm start` and `npm run package`) and by its test. Plain Node,
// no Electron: the Electron binary and its headers cannot be assumed on the machine.
//
// A Node-API ("N-API") addon is ABI-stable: the same binary loads in every Node and Electron that offers
// its Node-API version (nodejs.org/api/n-api.html; Electron 45 offers Node-API 10), so it needs no
// rebuild for Electron. @electron/rebuild follows the same rule, but recognises such a prebuild only in
// prebuildify's layout (`prebuilds/<platform>-<arch>/node.napi.node`, with prebuildify in the package's
// devDependencies: @electron/rebuild 4.2 lib/module-type/prebuildify.js); better-sqlite3-multiple-ciphers
// ships `prebuilds/<platform>-<arch>.node`, so `electron-builder install-app-deps` falls through to
// node-gyp (lib/module-rebuilder.js), which wants Python, a compiler and Electron's headers to rebuild a
// binary that already loads. Here each binary is looked at directly instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * What the app itself loads natively, as the app loads it (in a child Node process, so a crash is
 * contained): the encrypted SQLite binding (main process), sharp with libvips (parser processes) and
 * @napi-rs/canvas, which pdf.js requires from its own folder to render pages (parser processes).
 */
export const APP_NATIVE_ENTRIES = [
  { name: 'better-sqlite3-multiple-ciphers', load: "new (require('better-sqlite3-multiple-ciphers'))(':memory:').close()" },
  { name: 'sharp', load: "require('sharp')" },
  { name: '@napi-rs/canvas', load: "require(require('node:module').createRequire(require.resolve('pdfjs-dist/package.json')).resolve('@napi-rs/canvas'))" },
];

/**
 * A Node-API addon exports `napi_register_module_v1` (node-addon-api, napi-rs and node-api-headers all
 * build one). An addon built against a single Node ABI has no such symbol: it registers itself from a
 * static constructor (NODE_MODULE) or exports `node_register_module_v<ABI>`. Unknown counts as "not
 * Node-API", so a doubt leads to a rebuild, never to a binary Electron cannot load.
 */
export function isNodeApiBinary(bytes) {
  return bytes.includes('napi_register_module_v1') && !bytes.includes('node_register_module_v');
}

/**
 * Every package the app ships (dependencies and installed optional dependencies, transitively), as
 * {name, dir}, resolved the way Node resolves them: what electron-builder copies into the package.
 */
export function productionPackages(root) {
  const found = new Map(); // dir -> name
  const visit = (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const require = createRequire(join(dir, 'package.json'));
    for (const name of Object.keys({ ...manifest.optionalDependencies, ...manifest.dependencies })) {
      const packageDir = packageFolder(require, name);
      if (!packageDir || found.has(packageDir)) continue; // not installed (another platform's optional package), or seen
      found.set(packageDir, name);
      visit(packageDir);
    }
  };
  visit(root);
  return [...found.entries()].map(([dir, name]) => ({ name, dir }));
}

function packageFolder(require, name) {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, ...name.split('/'));
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return null;
}

/** Packages that hold compiled code: a `.node` file, or a binding.gyp that node-gyp would build. */
export function nativePackages(packages) {
  return packages.flatMap(({ name, dir }) => {
    const binaries = listFiles(dir).filter((file) => file.endsWith('.node'));
    const buildable = existsSync(join(dir, 'binding.gyp'));
    return binaries.length > 0 || buildable ? [{ name, dir, binaries, buildable }] : [];
  });
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Load each entry in a child Node process and report the shared objects it brought in (Node's
 * diagnostic report lists every dlopen'ed file): exactly the binaries this platform uses.
 */
export function probeEntries(root, entries = APP_NATIVE_ENTRIES) {
  return entries.map((entry) => {
    const script = `${entry.load};\nprocess.stdout.write(JSON.stringify(process.report.getReport().sharedObjects))`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) return { name: entry.name, loaded: false, error: firstErrorLine(run.stderr || run.error?.message || '') };
    const objects = JSON.parse(run.stdout).filter((file) => file.split(sep).includes('node_modules'));
    return { name: entry.name, loaded: true, objects };
  });
}

function firstErrorLine(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return (lines.find((line) => /Error\b/.test(line)) ?? lines[0] ?? 'it stopped without saying why').slice(0, 300);
}

/**
 * What Electron needs done: nothing for a Node-API binary; a rebuild (by @electron/rebuild, only for
 * that package) for a binary built against one Node ABI; and a plain sentence for what is missing.
 */
export function planForElectron({ root, probes, natives, platform = process.platform, arch = process.arch }) {
  const ready = [];
  const linked = [];
  const rebuild = new Set();
  const missing = [];
  // Compared as real paths: the loader reports what it opened (symlinks resolved, `..` kept as written).
  const real = (path) => (existsSync(path) ? realpathSync(path) : resolve(path));
  const owner = (file) => natives.find((native) => real(file).startsWith(real(native.dir) + sep)) ?? null;
  const used = new Set();

  for (const probe of probes) {
    if (!probe.loaded) {
      missing.push(
        `${probe.name} has no native binary for ${platform}-${arch} that loads here (${probe.error}). ` +
          `Run \`npm rebuild ${probe.name}\` to build one from source (that needs Python 3 and a C++ compiler), then start again.`,
      );
      continue;
    }
    for (const file of probe.objects) {
      const native = owner(file);
      if (native) used.add(native);
      if (!file.endsWith('.node')) {
        linked.push({ entry: probe.name, library: relative(root, resolve(file)) }); // what an addon links to (libvips)
        continue;
      }
      if (isNodeApiBinary(readFileSync(file))) {
        ready.push({ entry: probe.name, package: native?.name ?? null, binary: relative(root, file) });
      } else if (native?.buildable) {
        rebuild.add(native.name);
      } else {
        missing.push(
          `${relative(root, file)} (from ${probe.name}) is built for one Node.js version only and cannot be rebuilt here (no binding.gyp); ` +
            'Electron cannot load it. Use a Node-API build of that package.',
        );
      }
    }
  }
  for (const native of natives) {
    if (used.has(native)) continue;
    const holds = native.binaries.length > 0 ? `ships ${native.binaries.map((file) => relative(root, file)).join(', ')}` : 'has a binding.gyp';
    missing.push(
      `${native.name} ${holds}, but nothing in scripts/nativeModules.mjs (APP_NATIVE_ENTRIES) loads it, so nobody checked it works in Electron. ` +
        'Add the way the app loads it there.',
    );
  }
  return { ready, linked, rebuild: [...rebuild], missing };
}

/** The whole check, for the current platform: production packages, their native code, what loads. */
export function checkForElectron(root, entries = APP_NATIVE_ENTRIES) {
  // better-sqlite3-multiple-ciphers holds the prebuilds of every platform in one package: it counts as
  // checked through the one binary its loader picks here.
  return planForElectron({ root, probes: probeEntries(root, entries), natives: nativePackages(productionPackages(root)) });
}

export function electronVersion(root) {
  const require = createRequire(join(root, 'package.json'));
  return JSON.parse(readFileSync(join(dirname(require.resolve('electron/package.json')), 'package.json'), 'utf8')).version;
}
