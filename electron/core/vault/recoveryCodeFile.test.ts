import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../app/appServices';
import { createHandlers, dispatch } from '../ipc/handlers';
import { tempDir } from '../testing/fixtures';
import { generateRecoveryCode } from './recoveryCode';

/**
 * Saving the recovery code as a file when it is shown (issue 14): main asks where with the save dialog,
 * the page never names the path, and the vault's own folder is refused — a code beside the vault it
 * opens protects nothing.
 */
describe('recovery:saveCode', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  beforeEach(() => {
    dir = tempDir();
    vaultDir = join(dir.path, 'Dalel Vault');
    mkdirSync(vaultDir);
  });
  afterEach(() => dir.remove());

  const handlers = (answer: (suggested: string) => string | null) => {
    const app = { session: { status: () => ({ state: 'unlocked', path: vaultDir }) }, imports: {} } as unknown as Pick<AppServices, 'session' | 'imports'>;
    return createHandlers(app, { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async (purpose, suggested) => (purpose === 'recovery-code' ? answer(suggested) : null) });
  };

  it('writes the code on a line of its own, in the chosen language, where the dialog says', async () => {
    const code = generateRecoveryCode();
    const saved = await dispatch(handlers((name) => join(dir.path, name)), 'recovery:saveCode', { code, language: 'kk' });
    expect(saved).toEqual({ ok: true, value: { path: join(dir.path, 'Dalel қалпына келтіру коды.txt') } });
    const text = readFileSync(join(dir.path, 'Dalel қалпына келтіру коды.txt'), 'utf8');
    expect(text.split('\n').map((line) => line.trim())).toContain(code);
    expect(text).toMatch(/құпия фраза/);
    expect(text).not.toContain(vaultDir);
  });

  it('writes nothing when the dialog is cancelled, or into the vault folder', async () => {
    const code = generateRecoveryCode();
    expect(await dispatch(handlers(() => null), 'recovery:saveCode', { code, language: 'en' })).toEqual({ ok: true, value: { path: null } });
    const inside = join(vaultDir, 'code.txt');
    const refused = await dispatch(handlers(() => inside), 'recovery:saveCode', { code, language: 'en' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsafe-target' } });
    expect(existsSync(inside)).toBe(false);
    // the page cannot pass anything but a recovery code
    expect(await dispatch(handlers(() => join(dir.path, 'x.txt')), 'recovery:saveCode', { code: 'case notes', language: 'en' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(existsSync(join(dir.path, 'x.txt'))).toBe(false);
  });
});
