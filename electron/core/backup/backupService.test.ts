import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../audit/auditLog';
import { memoryConfig } from '../session/appConfig';
import { VaultSession } from '../session/vaultSession';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { addTextDocument } from '../testing/textDocuments';
import { createVault } from '../vault/vault';
import { BackupService, scheduledName } from './backupService';
import { restoreBackup } from './restore';

const PASSPHRASE = 'a passphrase for scheduled backups';

describe('scheduled backups', () => {
  let dir: ReturnType<typeof tempDir>;
  let session: VaultSession;
  let backups: BackupService;
  let now: Date;
  let usb: string;

  beforeEach(async () => {
    dir = tempDir('dalel-schedule-');
    const vaultDir = join(dir.path, 'Case files');
    const created = await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF });
    addTextDocument(created.vault.db, { title: 'Letter', pages: ['Письмо от 12.03.2021'] });
    created.vault.lock();
    now = new Date('2026-12-01T09:00:00Z');
    session = new VaultSession({ config: memoryConfig({ settings: { autoLockMinutes: 0, language: null, dateFormat: 'language' } }), defaultVaultPath: '', kdf: TEST_KDF, clock: () => now });
    backups = new BackupService({ session, clock: () => now });
    session.addLifecycle(backups);
    await session.unlock(vaultDir, { passphrase: PASSPHRASE });
    usb = join(dir.path, 'usb');
    mkdirSync(usb);
  });
  afterEach(async () => {
    await session.dispose();
    dir.remove();
  });

  it('backs up when due, keeps the last N of this vault’s backups and nothing else is touched', async () => {
    writeFileSync(join(usb, 'notes.txt'), 'the lawyer’s own file');
    writeFileSync(join(usb, 'Case files-2020-01-01-000000.dalelbackup'), 'not a backup at all, though named like one');
    expect(await backups.runIfDue()).toBeNull(); // no folder chosen yet
    const schedule = backups.setSchedule({ folder: usb, everyHours: 24, keep: 2 });
    expect(schedule).toMatchObject({ folder: usb, everyHours: 24, keep: 2, last: null });

    const made: string[] = [];
    for (let day = 0; day < 4; day += 1) {
      const last = await backups.runIfDue();
      expect(last, `day ${day}`).toMatchObject({ ok: true });
      made.push(last!.file!);
      expect(await backups.runIfDue(), 'not due again the same day').toBeNull();
      expect(backups.schedule().nextAt).toBe(new Date(now.getTime() + 24 * 3_600_000).toISOString());
      now = new Date(now.getTime() + 25 * 3_600_000);
    }
    expect(made[0]).toBe(join(usb, scheduledName(join(dir.path, 'Case files'), new Date('2026-12-01T09:00:00Z'))));
    expect(readdirSync(usb).sort()).toEqual(['Case files-2020-01-01-000000.dalelbackup', 'notes.txt', ...made.slice(2).map((file) => file.slice(usb.length + 1))].sort());
    expect(readAudit(session.vault().db).filter((entry) => entry.action === 'vault.backed-up')).toHaveLength(4);

    const restored = await restoreBackup(made[3]!, join(dir.path, 'restored'), { passphrase: PASSPHRASE });
    expect(restored.documents).toBe(1);
  });

  it('a drive that is not plugged in is a failed attempt, shown and retried at the next check', async () => {
    backups.setSchedule({ folder: usb, everyHours: 24, keep: 3 });
    rmSync(usb, { recursive: true });
    const failed = await backups.runIfDue();
    expect(failed).toMatchObject({ ok: false, file: null, error: { code: 'validation' } });
    expect(failed!.error!.message).toMatch(/plugged in/);
    expect(backups.schedule().last).toEqual(failed);
    expect(await backups.runIfDue()).toBeNull(); // not before the next check
    now = new Date(now.getTime() + 11 * 60_000);
    mkdirSync(usb);
    expect(await backups.runIfDue()).toMatchObject({ ok: true });
  });

  it('refuses the vault’s own folder, and a second backup while one runs', async () => {
    expect(() => backups.setSchedule({ folder: session.vault().dir, everyHours: 24, keep: 3 })).toThrow(expect.objectContaining({ code: 'unsafe-target' }));
    const first = backups.backupNow(join(usb, 'a.dalelbackup'));
    await expect(backups.backupNow(join(usb, 'b.dalelbackup'))).rejects.toMatchObject({ code: 'conflict', reason: 'backup-running' });
    await first;
  });

  it('locking the vault stops a backup in progress and keeps nothing', async () => {
    const running = backups.backupNow(join(usb, 'a.dalelbackup'));
    await session.lock('user');
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(usb)).toEqual([]);
  });
});
