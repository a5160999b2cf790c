import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../audit/auditLog';
import { TEST_KDF, tempDir, failureOf } from '../testing/fixtures';
import { forkVaultChild } from '../testing/vaultChildProcess';
import type { Rollback } from './anchor';
import { createVault, unlockVault, verifyVaultAt, type Vault } from './vault';
import { ANCHOR_FILE, DATABASE_FILE } from './vaultFiles';

const PASSPHRASE = 'the record outside the database';


describe('rollback detection', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  const unlock = (options: { acknowledgeRollback?: boolean } = {}) => unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF, ...options });

  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'vault');
    (await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF })).vault.lock();
  });
  afterEach(() => dir.remove());

  async function addEntries(vault: Vault, count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) vault.audit({ action: 'test.imported', subject: `doc-${index}`, details: {} });
  }

  it('an older copy of vault.db put back is vault-rolled-back on unlock and in verify, naming both heads', async () => {
    const older = join(dir.path, 'vault.db.older');
    copyFileSync(join(vaultDir, DATABASE_FILE), older);
    const vault = await unlock();
    await addEntries(vault, 7);
    vault.lock();
    const anchored = JSON.parse(readFileSync(join(vaultDir, ANCHOR_FILE), 'utf8')) as { seq: number; hash: string };
    expect(anchored.seq).toBeGreaterThanOrEqual(9); // created, unlocked, 7 entries

    copyFileSync(older, join(vaultDir, DATABASE_FILE));
    const refused = await failureOf(unlock());
    expect(refused.code).toBe('vault-rolled-back');
    const details = refused.details as Rollback;
    expect(details).toMatchObject({ reason: 'older', anchored: { seq: anchored.seq, hash: anchored.hash } });
    expect(details.found!.seq).toBeLessThan(anchored.seq);
    expect(refused.message).toContain(`entry #${anchored.seq}`);
    expect(refused.message).toContain(`entry #${details.found!.seq}`);
    expect(refused.toError()).toMatchObject({ reason: 'rollback-older', params: { anchored: anchored.seq, found: details.found!.seq } });

    const report = await verifyVaultAt(vaultDir, { passphrase: PASSPHRASE });
    expect(report.ok).toBe(false);
    // The chain of the older database is itself intact: only the anchor sees the rollback.
    expect(report.checks.find((check) => check.check === 'audit-chain')).toMatchObject({ ok: true });
    expect(report.checks.find((check) => check.check === 'anchor')).toMatchObject({ ok: false, code: 'vault-rolled-back', details: { reason: 'older' } });
    // The same as data the app words in the lawyer's language (issue 14 item 3): both heads by number.
    expect(report.checks.find((check) => check.check === 'anchor')!.facts).toEqual({
      kind: 'anchor',
      rollback: { reason: 'older', anchoredSeq: anchored.seq, foundSeq: details.found!.seq },
    });
    expect(report.checks.find((check) => check.check === 'audit-chain')!.facts).toEqual({ kind: 'audit-chain', entries: details.found!.seq, broken: null });
  });

  it('deleting vault.db-wal after a crash is detected; control: with the WAL kept, the same crash loses nothing', async () => {
    const snapshot = join(dir.path, 'snapshot');
    const crash = async () => {
      const child = forkVaultChild(['write', vaultDir, PASSPHRASE, '5']);
      expect(await child.next()).toMatchObject({ ready: true });
      child.process.kill('SIGKILL');
      await child.exited;
      expect(statSync(join(vaultDir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);
    };
    // Keep the folder as it was, to crash the same way twice.
    for (const name of [DATABASE_FILE, ANCHOR_FILE]) copyFileSync(join(vaultDir, name), `${snapshot}-${name}`);

    await crash();
    // Control: the committed entries are in the WAL, verify (reading only) sees them, and the next open keeps them.
    const afterCrash = await verifyVaultAt(vaultDir, { passphrase: PASSPHRASE }, { deep: true });
    expect(afterCrash.checks.filter((check) => !check.ok)).toEqual([]);
    expect(afterCrash.checks[0]!.message).toMatch(/WAL frame/);
    const kept = await unlock();
    expect(readAudit(kept.db).filter((entry) => entry.action === 'test.imported')).toHaveLength(5);
    expect(kept.verify().ok).toBe(true);
    kept.lock();

    for (const name of [DATABASE_FILE, ANCHOR_FILE]) copyFileSync(`${snapshot}-${name}`, join(vaultDir, name));
    await crash();
    rmSync(join(vaultDir, `${DATABASE_FILE}-wal`));
    rmSync(join(vaultDir, `${DATABASE_FILE}-shm`), { force: true });
    const refused = await failureOf(unlock());
    expect(refused.code).toBe('vault-rolled-back');
    expect((refused.details as Rollback).reason).toBe('older');
  }, 60_000);

  it('a deliberate restore is acknowledged: recorded with both heads, re-anchored, and then it opens normally', async () => {
    const older = join(dir.path, 'vault.db.older');
    copyFileSync(join(vaultDir, DATABASE_FILE), older);
    const vault = await unlock();
    await addEntries(vault, 3);
    vault.lock();
    copyFileSync(older, join(vaultDir, DATABASE_FILE));

    const acknowledged = await unlock({ acknowledgeRollback: true });
    expect(acknowledged.acknowledgedRollback).toMatchObject({ reason: 'older' });
    const entry = readAudit(acknowledged.db).find((row) => row.action === 'vault.rollback-acknowledged')!;
    const details = JSON.parse(entry.details) as { anchored: string; found: string };
    expect(details.anchored).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(details.found).toMatch(/^\d+:[0-9a-f]{64}$/);
    acknowledged.lock();

    const again = await unlock();
    expect(again.acknowledgedRollback).toBeNull();
    expect(again.verify().ok).toBe(true);
    again.lock();
  });

  it('an anchor that was deleted or altered is refused too; a vault from before anchors opens and gets one', async () => {
    const anchor = join(vaultDir, ANCHOR_FILE);
    const original = readFileSync(anchor, 'utf8');

    rmSync(anchor);
    expect(((await failureOf(unlock())).details as Rollback).reason).toBe('anchor-missing');

    const forged = JSON.parse(original) as { seq: number };
    forged.seq += 5;
    writeFileSync(anchor, JSON.stringify(forged));
    expect(((await failureOf(unlock())).details as Rollback).reason).toBe('anchor-invalid');

    // A vault anchored before (vault_meta says so) was tested above; one that never was opens.
    writeFileSync(anchor, original);
    const vault = await unlock();
    vault.db.prepare("DELETE FROM vault_meta WHERE key = 'anchored'").run();
    vault.lock();
    rmSync(anchor);
    const legacy = await unlock();
    legacy.lock();
    expect(existsSync(anchor)).toBe(true);
  });

  it('the anchor is never ahead of a committed head: a transaction that rolls back leaves it alone', async () => {
    const vault = await unlock();
    vault.anchor();
    const before = readFileSync(join(vaultDir, ANCHOR_FILE), 'utf8');
    try {
      vault.db.transaction(() => {
        vault.audit({ action: 'test.half-done', subject: null, details: {} });
        vault.anchor(); // inside the transaction: must not record a head that may vanish
        throw new Error('rolled back');
      })();
    } catch {
      // expected
    }
    expect(readFileSync(join(vaultDir, ANCHOR_FILE), 'utf8')).toBe(before);
    vault.lock();
    (await unlock()).lock();
  });
});
