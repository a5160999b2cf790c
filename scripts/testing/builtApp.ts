import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Tests that check what ships (the shell self-check, the packaged layout) read the built app in out/,
 * not the sources. `npm test` builds before it runs them; run on their own (`npx vitest run <file>`)
 * they build first when out/ is missing or older than a source it is made from. One build at a time:
 * Vitest runs test files in parallel processes, and electron-vite empties out/ as it starts.
 */
export const REPO = join(__dirname, '../..');

export const BUILT = {
  main: join(REPO, 'out/main/index.js'),
  parserChild: join(REPO, 'out/main/parserChild.js'),
  preload: join(REPO, 'out/preload/index.js'),
  rendererIndex: join(REPO, 'out/renderer/index.html'),
};

const SOURCES = ['electron', 'shared', 'renderer'].map((dir) => join(REPO, dir));
const CONFIG = ['electron.vite.config.ts', 'package.json', 'package-lock.json'].map((file) => join(REPO, file));
const LOCK = join(REPO, 'out', '.build-lock');
const BUILD_TIMEOUT_MS = 5 * 60 * 1000;

export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    if (isFresh()) return;
    if (takeLock()) break;
    if (Date.now() > deadline) throw new Error(`out/ is stale and ${LOCK} has been held for minutes; remove it if no build is running`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    if (isFresh()) return;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const build = spawnSync(npm, ['run', 'build'], { cwd: REPO, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, env: { ...process.env, NO_COLOR: '1' } });
    if (build.status !== 0) {
      const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.replaceAll(`${String.fromCharCode(27)}[`, '[');
      throw new Error(`npm run build failed, so the built app cannot be checked:\n${output.slice(-4000)}`);
    }
  } finally {
    releaseLock();
  }
}

function isFresh(): boolean {
  const outputs = Object.values(BUILT);
  if (!outputs.every((file) => existsSync(file))) return false;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return newestSource() <= builtAt;
}

function newestSource(): number {
  let newest = Math.max(...CONFIG.filter((file) => existsSync(file)).map((file) => statSync(file).mtimeMs));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'testing') walk(path);
      } else if (!/\.test\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const dir of SOURCES) walk(dir);
  return newest;
}

function takeLock(): boolean {
  mkdirSync(join(REPO, 'out'), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    return false;
  }
}

function releaseLock(): void {
  try {
    rmdirSync(LOCK);
  } catch {
    // already gone
  }
}
