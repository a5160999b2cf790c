import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF, tempDir, failureOf } from '../testing/fixtures';
import { forkVaultChild, type VaultChild } from '../testing/vaultChildProcess';
import { createVault, unlockVault, verifyVaultAt } from './vault';

const PASSPHRASE = 'one writer at a time, please';


describe('one writer per vault', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  let children: VaultChild[];

  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'vault');
    children = [];
    (await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF })).vault.lock();
  });
  afterEach(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    dir.remove();
  });

  function holder(program: string): VaultChild {
    const child = forkVaultChild(['hold', vaultDir, PASSPHRASE, program]);
    children.push(child);
    return child;
  }

  it('a second process gets vault-in-use naming the holder, and the vault opens once the holder is SIGKILLed', async () => {
    const child = holder('dalel import (test)');
    const ready = await child.next();
    expect(ready).toMatchObject({ ready: true });

    const refused = await failureOf(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }));
    expect(refused.code).toBe('vault-in-use');
    expect(refused.details).toMatchObject({ pid: ready.pid, program: 'dalel import (test)' });
    expect(refused.message).toContain(`process ${ready.pid}`);
    // the interface words it from the reason: who, which process, since when (no host: this computer)
    expect(refused.toError()).toMatchObject({ reason: 'vault-open-in', params: { program: 'dalel import (test)', pid: ready.pid, since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) } });
    expect(refused.params).not.toHaveProperty('host');
    // verify, too, waits for the holder: it must not read pages while another process writes them
    expect((await failureOf(verifyVaultAt(vaultDir, { passphrase: PASSPHRASE }))).code).toBe('vault-in-use');

    // The kernel drops the lock with the process: no stale lock file keeps the vault shut.
    child.process.kill('SIGKILL');
    await child.exited;
    const vault = await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    expect(vault.verify().ok).toBe(true);
    vault.lock();
  });

  it('control: after the holder locks the vault normally, the next process opens it', async () => {
    const child = holder('Dalel');
    await child.next();
    child.process.send('release');
    expect(await child.next()).toMatchObject({ released: true });
    await child.exited;
    (await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF })).lock();
  });

  it('the same process cannot open one vault twice either, and the first opener keeps its lock', async () => {
    const first = await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    expect((await failureOf(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).code).toBe('vault-in-use');
    // The failed attempt did not release the first one's lock (POSIX locks are per process).
    const child = holder('second');
    expect(await child.next()).toMatchObject({ error: { code: 'vault-in-use' } });
    first.lock();
  });

  it('a wrong passphrase is refused without waiting for or touching the lock', async () => {
    const child = holder('Dalel');
    await child.next();
    expect((await failureOf(unlockVault(vaultDir, { passphrase: 'not the passphrase at all' }, { kdf: TEST_KDF }))).code).toBe('wrong-passphrase');
  });
});
