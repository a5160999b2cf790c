import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { createVault, type Vault } from '../vault/vault';
import { appendAudit, canonicalJson, entryHash, readAudit, verifyAudit } from './auditLog';

/**
 * Tampering is done the way someone holding the key would: raw SQL on the decrypted database, after
 * dropping the append-only triggers (they guard against Dalel's own bugs, not against an attacker).
 */
describe('audit log', () => {
  const dir = tempDir();
  let vault: Vault;

  beforeAll(async () => {
    vault = (await createVault(join(dir.path, 'vault'), 'correct horse battery staple', { kdf: TEST_KDF })).vault;
  });
  afterAll(() => {
    vault.lock();
    dir.remove();
  });

  beforeEach(() => {
    const db = vault.db;
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db.exec("DELETE FROM audit_log; DELETE FROM vault_meta WHERE key = 'audit_head';");
    for (let n = 1; n <= 6; n += 1) {
      appendAudit(db, { action: 'document.imported', subject: `doc-${n}`, details: { file: `scan_000${n}.jpg`, pages: n } });
    }
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 6, firstBroken: null });
  });

  it('chains each entry to the previous one', () => {
    const entries = readAudit(vault.db);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < entries.length; i += 1) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    const { hash, ...rest } = entries[2]!;
    expect(entryHash(rest)).toBe(hash);
    expect(verifyAudit(vault.db).head).toEqual({ seq: 6, hash: entries[5]!.hash });
  });

  it('reports an edited entry by its sequence number', () => {
    vault.db.prepare("UPDATE audit_log SET subject = 'doc-999' WHERE seq = 4").run();
    expect(verifyAudit(vault.db).firstBroken).toEqual({ seq: 4, reason: 'hash-mismatch' });
  });

  it('reports an edited entry whose hash was recomputed by the chain link of the next one', () => {
    const row = readAudit(vault.db).find((entry) => entry.seq === 3)!;
    const forged = { ...row, details: canonicalJson({ file: 'forged.pdf', pages: 1 }) };
    const { hash: _old, ...rest } = forged;
    vault.db.prepare('UPDATE audit_log SET details = ?, hash = ? WHERE seq = 3').run(forged.details, entryHash(rest));
    expect(verifyAudit(vault.db).firstBroken).toEqual({ seq: 4, reason: 'chain-broken' });
  });

  it('reports a deleted entry by its sequence number', () => {
    vault.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAudit(vault.db).firstBroken).toEqual({ seq: 2, reason: 'missing' });
  });

  it('reports entries cut off the end', () => {
    vault.db.prepare('DELETE FROM audit_log WHERE seq >= 5').run();
    expect(verifyAudit(vault.db).firstBroken).toEqual({ seq: 5, reason: 'missing' });
  });

  it('reports two entries swapped in order', () => {
    const db = vault.db;
    db.transaction(() => {
      db.prepare('UPDATE audit_log SET seq = -3 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 4').run();
      db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = -3').run();
    })();
    expect(verifyAudit(db).firstBroken).toEqual({ seq: 3, reason: 'chain-broken' });
  });

  it('reports an entry moved to the end', () => {
    vault.db.prepare('UPDATE audit_log SET seq = 7 WHERE seq = 2').run();
    expect(verifyAudit(vault.db).firstBroken).toEqual({ seq: 2, reason: 'missing' });
  });

  it('reports a forged entry appended without updating the recorded head', () => {
    const last = readAudit(vault.db).at(-1)!;
    const forged = { seq: 7, at: last.at, action: 'bundle.exported', subject: 'x', details: '{}', prevHash: last.hash };
    vault.db
      .prepare('INSERT INTO audit_log (seq, at, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(forged.seq, forged.at, forged.action, forged.subject, forged.details, forged.prevHash, entryHash(forged));
    expect(verifyAudit(vault.db).firstBroken).toEqual({ seq: 7, reason: 'head-mismatch' });
  });
});

describe('append-only guard', () => {
  it('refuses UPDATE and DELETE on the audit log through Dalel’s own connection', async () => {
    const dir = tempDir();
    const { vault } = await createVault(join(dir.path, 'vault'), 'correct horse battery staple', { kdf: TEST_KDF });
    try {
      expect(() => vault.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
      expect(() => vault.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(vault.verify().ok).toBe(true);
    } finally {
      vault.lock();
      dir.remove();
    }
  });
});
