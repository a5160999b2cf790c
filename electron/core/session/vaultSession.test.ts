import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { ImportService } from '../import/importService';
import { createFileParser, nodeParserProcesses } from '../import/parse';
import { createHandlers, dispatch } from '../ipc/handlers';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { AppConfigStore } from './appConfig';
import { VaultSession } from './vaultSession';

const PASSPHRASE = 'a long enough passphrase';

/** A timer port whose pending callback the test fires by hand ("ten minutes pass"). */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const timer of due) timer.fn();
    },
    port: {
      setTimeout: ((fn: () => void, ms: number) => {
        const id = next++;
        pending.set(id, { fn, ms });
        return id;
      }) as unknown as typeof setTimeout,
      clearTimeout: ((id: number) => pending.delete(id)) as unknown as typeof clearTimeout,
    },
  };
}

describe('vault session', () => {
  let dir: ReturnType<typeof tempDir>;
  let timers: ReturnType<typeof manualTimers>;
  let session: VaultSession;
  let events: VaultStatus[];

  beforeEach(() => {
    dir = tempDir();
    timers = manualTimers();
    session = new VaultSession({
      config: new AppConfigStore(join(dir.path, 'config', 'config.json')),
      defaultVaultPath: join(dir.path, 'Dalel Vault'),
      kdf: TEST_KDF,
      timers: timers.port,
    });
    events = [];
    session.onStatusChanged((status) => events.push(status));
  });
  afterEach(async () => {
    await session.dispose();
    await Promise.all([parser.close(), ocr.close()]);
    dir.remove();
  });

  // The real import service: it starts no process or worker until a file comes in.
  const parser = createFileParser({ processes: nodeParserProcesses() });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir(), workers: 1 });
  const app = () => ({ session, imports: new ImportService({ parser, ocr }) });

  it('goes no-vault → unlocked → locked, and remembers the vault folder for next start', async () => {
    expect(session.status()).toMatchObject({ state: 'no-vault', path: null, defaultPath: join(dir.path, 'Dalel Vault') });
    const { status } = await session.create(join(dir.path, 'Dalel Vault'), PASSPHRASE);
    expect(status.state).toBe('unlocked');
    await session.lock();
    expect(session.status()).toMatchObject({ state: 'locked', path: join(dir.path, 'Dalel Vault'), lockReason: 'user' });
    expect(events.map((event) => event.state)).toEqual(['unlocked', 'locked']);

    const restarted = new VaultSession({
      config: new AppConfigStore(join(dir.path, 'config', 'config.json')),
      defaultVaultPath: join(dir.path, 'elsewhere'),
      kdf: TEST_KDF,
    });
    expect(restarted.status()).toMatchObject({ state: 'locked', path: join(dir.path, 'Dalel Vault') });
  });

  it('locks itself after the configured idle time, and activity restarts the countdown', async () => {
    session.updateSettings({ autoLockMinutes: 3 });
    await session.create(join(dir.path, 'v'), PASSPHRASE);
    expect([...timers.pending.values()].map((timer) => timer.ms)).toEqual([3 * 60_000]);
    session.activity();
    expect(timers.pending.size).toBe(1);
    timers.fireAll();
    await session.lock(); // waits for the queued idle lock
    expect(session.status()).toMatchObject({ state: 'locked', lockReason: 'idle' });
    expect(events.at(-1)).toMatchObject({ state: 'locked', lockReason: 'idle' });
  });

  it('auto-lock set to 0 never arms a timer', async () => {
    session.updateSettings({ autoLockMinutes: 0 });
    await session.create(join(dir.path, 'v'), PASSPHRASE);
    expect(timers.pending.size).toBe(0);
  });

  it('answers the contract through dispatch with stable error codes', async () => {
    const handlers = createHandlers(app(), { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async () => null });
    expect(await dispatch(handlers, 'vault:verify', {})).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    expect(await dispatch(handlers, 'vault:create', { path: '', passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await dispatch(handlers, 'vault:lock', { extra: true })).toMatchObject({ ok: false, error: { code: 'validation' } });

    const created = await dispatch(handlers, 'vault:create', { path: join(dir.path, 'v'), passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } });
    await dispatch(handlers, 'vault:lock', {});
    const wrong = await dispatch(handlers, 'vault:unlock', { path: join(dir.path, 'v'), secret: { passphrase: 'wrong wrong wrong' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    const right = await dispatch(handlers, 'vault:unlock', { path: join(dir.path, 'v'), secret: { passphrase: PASSPHRASE } });
    expect(right).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    const verified = await dispatch(handlers, 'vault:verify', {});
    // created, locked, unlocked: a failed attempt cannot write (no key) and changes nothing
    expect(verified).toMatchObject({ ok: true, value: { ok: true, entries: 3 } });
    expect(await dispatch(handlers, 'settings:update', { autoLockMinutes: -1 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('turns an unexpected exception into a plain internal error without leaking its message', async () => {
    const logged: unknown[] = [];
    const handlers = createHandlers(app(), {
      pickFolder: async () => {
        throw new Error('/home/lawyer/secret path exploded');
      },
      pickFiles: async () => [],
      pickSavePath: async () => null,
    });
    const result = await dispatch(handlers, 'dialog:pickFolder', { purpose: 'create-vault' }, {
      logError: (_channel, error) => logged.push(error),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret path');
    expect(logged).toHaveLength(1);
  });
});
