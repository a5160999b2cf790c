import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHead, readAudit } from '../audit/auditLog';
import { DocumentStore } from '../documents/documentStore';
import { SearchService } from '../search/searchService';
import { TEST_KDF, filesContaining, tempDir, failureOf } from '../testing/fixtures';
import { addTextDocument } from '../testing/textDocuments';
import { createVault, unlockVault, type Vault } from '../vault/vault';
import { DATABASE_FILE } from '../vault/vaultFiles';
import { backupVault } from './backup';
import { BACKUP_MAGIC, TRAILER_BYTES } from './backupFile';
import { restoreBackup } from './restore';

const PASSPHRASE = 'a passphrase for the backup tests';
/** A word that is on one page only and must never be found in clear in a backup file. */
const CANARY = 'Zhanibekovna';


describe('backup and restore', () => {
  let dir: ReturnType<typeof tempDir>;
  let vault: Vault;
  let recoveryCode: string;
  let docIds: string[];

  beforeEach(async () => {
    dir = tempDir('dalel-backup-');
    ({ vault, recoveryCode } = await createVault(join(dir.path, 'vault'), PASSPHRASE, { kdf: TEST_KDF }));
    docIds = [
      addTextDocument(vault.db, { title: 'Refusal', pages: ['Отказ в приёме в гражданство, статья 49 Закона № 477-IV', `Мать: ${CANARY} Гульнар`] }),
      addTextDocument(vault.db, { title: 'Certificate', pages: ['Certificate of refugee status valid until 12.02.2027'] }),
    ];
    mkdirSync(join(dir.path, 'usb'));
  });
  afterEach(() => {
    if (vault.isOpen) vault.lock();
    dir.remove();
  });

  const target = (name = 'vault.dalelbackup') => join(dir.path, 'usb', name);

  it('restores a vault with the same originals, audit log and search results, which opens with the same passphrase and recovery code', async () => {
    const report = await backupVault(vault, target());
    const head = auditHead(vault.db)!;
    expect(report.auditHead.seq).toBe(head.seq - 1); // the backup's own audit entry comes after it
    expect(readAudit(vault.db).at(-1)).toMatchObject({ action: 'vault.backed-up' });
    expect(createHash('sha256').update(readFileSync(target())).digest('hex')).toBe(report.sha256);
    expect(statSync(target()).mode & 0o777).toBe(0o600);

    const store = new DocumentStore(vault.db);
    const originals = docIds.map((id) => createHash('sha256').update(store.original(id)!.data).digest('hex'));
    const search = (v: Vault) => ['гражданство', 'refugee', CANARY, '477-IV'].map((query) => new SearchService(v.db, v.searchIndex).search({ query }).hits.map((hit) => `${hit.docId}#${hit.page}`));
    const results = search(vault);
    const log = readAudit(vault.db).slice(0, report.auditHead.seq);
    vault.lock();

    const restored = join(dir.path, 'restored');
    const outcome = await restoreBackup(target(), restored, { passphrase: PASSPHRASE });
    expect(outcome).toMatchObject({ vault: restored, documents: 2, restoredHead: report.auditHead });
    expect(outcome.checks.map((check) => check.check)).toEqual(['pages', 'structure', 'originals', 'audit-chain']);

    const reopened = await unlockVault(restored, { recoveryCode }, { kdf: TEST_KDF });
    try {
      const again = new DocumentStore(reopened.db);
      expect(docIds.map((id) => createHash('sha256').update(again.original(id)!.data).digest('hex'))).toEqual(originals);
      expect(again.list().map((doc) => doc.sha256).sort()).toEqual([...originals].sort());
      expect(readAudit(reopened.db).slice(0, report.auditHead.seq)).toEqual(log);
      expect(readAudit(reopened.db)[report.auditHead.seq]).toMatchObject({ action: 'vault.restored' });
      expect(search(reopened)).toEqual(results);
      expect(reopened.verify({ deep: true }).ok).toBe(true);
    } finally {
      reopened.lock();
    }
    expect(readdirSync(dir.path).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('is encrypted: no page word in clear in the backup, while the same pages in an unkeyed database show it (control)', async () => {
    await backupVault(vault, target());
    expect(filesContaining([target()], CANARY)).toEqual([]);
    expect(filesContaining([target()], 'Certificate of refugee')).toEqual([]);
    // Control: the mistake this guards against is an unkeyed copy; the same check finds the word there.
    const plain = join(dir.path, 'plain.db');
    const unkeyed = new Database(plain);
    unkeyed.exec('CREATE TABLE pages (text TEXT)');
    const insert = unkeyed.prepare('INSERT INTO pages (text) VALUES (?)');
    for (const text of vault.db.prepare('SELECT text FROM pages').pluck().all() as string[]) insert.run(text);
    unkeyed.close();
    expect(filesContaining([plain], CANARY)).toEqual([plain]);
  });

  it('is one committed state even when the vault is written to while it is copied', async () => {
    let writes = 0;
    const report = await backupVault(vault, target(), {
      chunkBytes: 4096,
      onProgress: ({ phase }) => {
        if (phase !== 'copying' && phase !== 'checking') return;
        // Imports and tagging go on meanwhile, and a checkpoint is attempted: none may reach the copy.
        addTextDocument(vault.db, { title: `During ${writes}`, pages: [`written during the backup ${writes}`] });
        vault.audit({ action: 'test.during-backup', subject: null, details: { writes } });
        vault.db.pragma('wal_checkpoint(PASSIVE)');
        writes += 1;
      },
    });
    expect(writes).toBeGreaterThan(0);
    vault.lock();
    const restored = join(dir.path, 'restored');
    const outcome = await restoreBackup(target(), restored, { passphrase: PASSPHRASE });
    expect(outcome.documents).toBe(2);
    const reopened = await unlockVault(restored, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    try {
      expect(new DocumentStore(reopened.db).list()).toHaveLength(2);
      expect(readAudit(reopened.db).some((entry) => entry.action === 'test.during-backup')).toBe(false);
      expect(readAudit(reopened.db)[outcome.restoredHead.seq - 1]).toMatchObject(report.auditHead);
    } finally {
      reopened.lock();
    }
  });

  it('never writes over an existing file, into the vault folder, or over a vault when restoring', async () => {
    writeFileSync(target(), 'the lawyer’s own file');
    expect((await failureOf(backupVault(vault, target()))).code).toBe('target-exists');
    expect(readFileSync(target(), 'utf8')).toBe('the lawyer’s own file');
    expect((await failureOf(backupVault(vault, join(vault.dir, 'inside.dalelbackup')))).code).toBe('unsafe-target');
    expect((await failureOf(backupVault(vault, join(vault.dir, '..', 'vault', 'sub.dalelbackup')))).code).toBe('unsafe-target');

    await backupVault(vault, target('good.dalelbackup'));
    expect((await failureOf(restoreBackup(target('good.dalelbackup'), vault.dir, { passphrase: PASSPHRASE }))).code).toBe('vault-exists');
    const busy = join(dir.path, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'x');
    expect((await failureOf(restoreBackup(target('good.dalelbackup'), busy, { passphrase: PASSPHRASE }))).code).toBe('validation');
    expect(readdirSync(busy)).toEqual(['notes.txt']);
  });

  it('refuses a wrong secret, and every damaged or altered backup, leaving nothing behind', async () => {
    await backupVault(vault, target());
    const good = readFileSync(target());
    const restoredDir = join(dir.path, 'restored');
    expect((await failureOf(restoreBackup(target(), restoredDir, { passphrase: 'not the passphrase of it' }))).code).toBe('wrong-passphrase');
    expect((await failureOf(restoreBackup(target(), restoredDir, { recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }))).code).toBe('wrong-passphrase');

    const headerEnd = BACKUP_MAGIC.length + 4 + good.readUInt32BE(BACKUP_MAGIC.length);
    const header = JSON.parse(good.subarray(BACKUP_MAGIC.length + 4, headerEnd).toString('utf8')) as { createdAt: string };
    const mutations: Record<string, (bytes: Buffer) => Buffer> = {
      'cut short': (bytes) => bytes.subarray(0, bytes.length - 4096),
      'one byte appended': (bytes) => Buffer.concat([bytes, Buffer.of(0)]),
      'empty': () => Buffer.alloc(0),
      'not a backup': () => Buffer.from('%PDF-1.7 something else entirely'),
      'a flipped byte in a database page': (bytes) => flip(bytes, headerEnd + 5000),
      'a flipped byte in page 1': (bytes) => flip(bytes, headerEnd + 100),
      'a flipped byte in the seal': (bytes) => flip(bytes, bytes.length - 10),
      'a flipped byte in the database hash': (bytes) => flip(bytes, bytes.length - TRAILER_BYTES + 3),
      'its date altered (same length)': (bytes) => {
        const altered = Buffer.from(bytes);
        const at = altered.indexOf(Buffer.from(header.createdAt));
        altered.write(header.createdAt.replace(/^\d{4}/, '1999'), at);
        return altered;
      },
      'a header length past the end': (bytes) => {
        const altered = Buffer.from(bytes);
        altered.writeUInt32BE(0xffffff, BACKUP_MAGIC.length);
        return altered;
      },
    };
    for (const [name, mutate] of Object.entries(mutations)) {
      const file = target(`${name}.dalelbackup`);
      writeFileSync(file, mutate(good));
      const error = await failureOf(restoreBackup(file, restoredDir, { passphrase: PASSPHRASE }));
      expect(error.code, name).toBe('corrupt-backup');
      expect(existsSync(restoredDir), name).toBe(false);
      expect(readdirSync(dir.path).filter((entry) => entry.includes('restoring')), name).toEqual([]);
    }
    // Control: the unaltered file restores.
    await restoreBackup(target(), restoredDir, { passphrase: PASSPHRASE });
    expect(existsSync(join(restoredDir, DATABASE_FILE))).toBe(true);
  });

  it('a database damaged on disk is not backed up, and the older backups stay', async () => {
    await backupVault(vault, target('older.dalelbackup'));
    vault.lock();
    const file = join(dir.path, 'vault', DATABASE_FILE);
    // Damage a b-tree page's content through the cipher: decrypt, break, re-encrypt under the same key.
    const pages = statSync(file).size / 4096;
    expect(pages).toBeGreaterThan(8);
    const bytes = readFileSync(file);
    flip(bytes, 4096 * Math.floor(pages / 2) + 200).copy(bytes);
    writeFileSync(file, bytes);
    // The damaged page is not one unlock reads; the backup's check reads every page.
    const opened = await unlockVault(join(dir.path, 'vault'), { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    try {
      expect((await failureOf(backupVault(opened, target('new.dalelbackup')))).code).toBe('corrupt-vault');
    } finally {
      opened.lock();
    }
    expect(existsSync(target('new.dalelbackup'))).toBe(false);
    expect(readdirSync(join(dir.path, 'usb'))).toEqual(['older.dalelbackup']);
  });

  it('stops when asked, keeping nothing', async () => {
    const controller = new AbortController();
    const error = await failureOf(backupVault(vault, target(), { signal: controller.signal, onProgress: ({ phase }) => phase === 'copying' && controller.abort() }));
    expect(error.code).toBe('cancelled');
    expect(readdirSync(join(dir.path, 'usb'))).toEqual([]);
    expect(readAudit(vault.db).some((entry) => entry.action === 'vault.backed-up')).toBe(false);
  });

  it('a backup made before a key rotation opens with the secrets of its time only', async () => {
    await backupVault(vault, target());
    const { vault: rotated, recoveryCode: newCode } = await vault.rotateKey(PASSPHRASE, 'the passphrase after rotation');
    vault = rotated;
    expect((await failureOf(restoreBackup(target(), join(dir.path, 'a'), { passphrase: 'the passphrase after rotation' }))).code).toBe('wrong-passphrase');
    expect((await failureOf(restoreBackup(target(), join(dir.path, 'a'), { recoveryCode: newCode }))).code).toBe('wrong-passphrase');
    await restoreBackup(target(), join(dir.path, 'a'), { recoveryCode });
    (await unlockVault(join(dir.path, 'a'), { passphrase: PASSPHRASE }, { kdf: TEST_KDF })).lock();
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x55;
  return copy;
}
