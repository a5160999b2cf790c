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
