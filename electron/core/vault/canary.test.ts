import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/auditLog';
import { TEST_KDF, filesContaining, listFiles, tempDir } from '../testing/fixtures';
import { migrate } from './migrations';
import { createVault, unlockVault } from './vault';

/** Files under the OS temp dir changed since `since` (what this test process may have written). */
function tempFilesChangedSince(since: number, root = tmpdir(), depth = 0): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = join(root, entry.name);
    try {
      if (entry.isDirectory() && depth < 6) out.push(...tempFilesChangedSince(since, full, depth + 1));
      else if (entry.isFile() && statSync(full).mtimeMs >= since - 1000) out.push(full);
    } catch {
      // vanished meanwhile
    }
  }
  return out;
}

describe('no plaintext on disk', () => {
  it('a unique string written into the vault appears in no file of the vault folder or the temp dir', async () => {
    const started = Date.now();
    const canary = `canary-${randomBytes(12).toString('hex')}-Дәулетқызы-加依娜`;
    const dir = tempDir();
    try {
      const vaultDir = join(dir.path, 'vault');
      const { vault } = await createVault(vaultDir, 'correct horse battery staple', { kdf: TEST_KDF });
      vault.audit({ action: 'test.canary', subject: canary, details: { note: canary } });
      vault.lock();
      // Unlock again and write once more, so the WAL is exercised too; then look while still open.
      const again = await unlockVault(vaultDir, { passphrase: 'correct horse battery staple' }, { kdf: TEST_KDF });
      again.audit({ action: 'test.canary', subject: canary });
      const whileOpen = filesContaining(listFiles(vaultDir), canary);
      again.lock();

      const scanned = [...new Set([...listFiles(vaultDir), ...tempFilesChangedSince(started)])];
      expect(scanned.length).toBeGreaterThanOrEqual(2);
      expect(whileOpen).toEqual([]);
      expect(filesContaining(scanned, canary)).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('the same search finds the string in an unencrypted control database (so the test can fail)', () => {
    const canary = `canary-${randomBytes(12).toString('hex')}-Дәулетқызы-加依娜`;
    const dir = tempDir();
    try {
      const db = new Database(join(dir.path, 'control.db'));
      db.pragma('journal_mode = WAL');
      migrate(db);
      appendAudit(db, { action: 'test.canary', subject: canary, details: { note: canary } });
      db.close();
      expect(filesContaining(listFiles(dir.path), canary)).toEqual([join(dir.path, 'control.db')]);
      // UTF-16LE is searched too: a file holding only that encoding is found.
      const utf16 = join(dir.path, 'utf16.txt');
      writeFileSync(utf16, Buffer.from(canary, 'utf16le'));
      expect(filesContaining([utf16], canary)).toEqual([utf16]);
    } finally {
      dir.remove();
    }
  });
});
