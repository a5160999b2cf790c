import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of ../shared/STYLE.md are enforced by eslint.config.mjs. This proves each rule
 * actually fires on a forbidden import (and stays quiet on an allowed one), so a config edit cannot
 * silently switch the layers off.
 */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-imports');
}

describe('layer rules', () => {
  it.each([
    ['electron/core/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['electron/core/x.ts', "import { x } from '../main/ipc';\nvoid x;\n"],
    ['electron/cli/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['electron/preload/x.ts', "import { x } from '../core/vault/vault';\nvoid x;\n"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { x } from '../../electron/core/vault/vault';\nvoid x;\n"],
    ['shared/x.ts', "import { join } from 'node:path';\nvoid join;\n"],
    ['shared/x.ts', "import { x } from '../electron/core/errors';\nvoid x;\n"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await restricted(filePath, code)).toBe(true);
  });

  it.each([
    ['electron/core/x.ts', "import { join } from 'node:path';\nvoid join;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nvoid contextBridge;\n"],
    ['renderer/src/x.ts', "import { CHANNELS } from '../../shared/ipc/channels';\nvoid CHANNELS;\n"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await restricted(filePath, code)).toBe(false);
  });
});

/** Issue 15: no module-level mutable state in electron/core (one owner per concept). */
async function moduleState(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-syntax');
}

describe('module-level state rule', () => {
  it.each([
    "let current: string | null = null;\nexport const get = () => current;\n",
    "export let count = 0;\n",
    'const statements = new WeakMap<object, number>();\nexport const f = (o: object) => statements.get(o);\n',
    'const cache = new Map<string, number>();\nexport const f = (k: string) => cache.get(k);\n',
    'const seen = new Set<string>();\nexport const f = (k: string) => seen.has(k);\n',
  ])('electron/core may not keep state in a module: %s', async (code) => {
    expect(await moduleState('electron/core/x.ts', code)).toBe(true);
  });

  it.each([
    "const WORDS = new Set(['и', 'and']);\nexport const f = (k: string) => WORDS.has(k);\n",
    "const TABLE = new Map([['a', 1]]);\nexport const f = (k: string) => TABLE.get(k);\n",
    'export class Index {\n  private readonly cache = new Map<string, number>();\n  get(k: string) {\n    return this.cache.get(k);\n  }\n}\n',
    'export function f(): number {\n  let n = 0;\n  const seen = new Set<string>();\n  n += seen.size;\n  return n;\n}\n',
  ])('electron/core may: %s', async (code) => {
    expect(await moduleState('electron/core/x.ts', code)).toBe(false);
  });

  it('holds in electron/core only: tests and the renderer are not its business', async () => {
    expect(await moduleState('electron/core/x.test.ts', 'let n = 0;\nexport const f = () => n++;\n')).toBe(false);
  });
});
