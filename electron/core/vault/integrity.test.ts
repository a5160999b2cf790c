import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../documents/documentStore';
import { failureFrom } from '../errors';
import { TEST_KDF, hashFolder, tempDir, failureOf } from '../testing/fixtures';
import { PAGE_SIZE, checkCipherPages } from './cipherPages';
import { createVault, unlockVault, verifyVaultAt, type Vault } from './vault';
import { DATABASE_FILE } from './vaultFiles';

const PASSPHRASE = 'every page, every original';


/** Pages SQLite's b-trees use (dbstat), so a test can pick a used page or a free one. */
function usedPages(vault: Vault, table: string): number[] {
  return (vault.db.prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno').all(table) as Array<{ pageno: number }>).map((row) => row.pageno);
}

function flipBytes(file: string, pgno: number, count = 8): void {
  const bytes = readFileSync(file);
  for (let index = 0; index < count; index += 1) bytes[(pgno - 1) * PAGE_SIZE + 200 + index * 37]! ^= 0x5a;
  writeFileSync(file, bytes);
}

describe('integrity you can ask for', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  let dbFile: string;
  const unlock = () => unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
  const verify = (deep = false) => verifyVaultAt(vaultDir, { passphrase: PASSPHRASE }, { deep });
  const check = (report: Awaited<ReturnType<typeof verify>>, name: string) => report.checks.find((item) => item.check === name);

  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'vault');
    dbFile = join(vaultDir, DATABASE_FILE);
    const { vault } = await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF });
    const store = new DocumentStore(vault.db);
    vault.db.transaction(() => {
      for (let index = 0; index < 12; index += 1) {
        store.insert({ fileName: `scan-${index}.png`, title: `Scan ${index}`, kind: 'png', mime: 'image/png', pageCount: 1, warnings: [], languages: ['rus'], original: randomBytes(6000), now: new Date() });
      }
    })();
    vault.lock();
  });
  afterEach(() => dir.remove());

  it('an intact vault passes every check, quick and deep, and verifying writes nothing', async () => {
    const before = hashFolder(vaultDir);
    const quick = await verify();
    expect(quick.ok).toBe(true);
    expect(quick.checks.map((item) => item.check)).toEqual(['pages', 'structure', 'audit-chain', 'anchor']);
    const deep = await verify(true);
    expect(deep.ok).toBe(true);
    expect(deep.checks.map((item) => item.check)).toEqual(['pages', 'structure', 'originals', 'audit-chain', 'anchor']);
    expect(check(deep, 'originals')!.message).toContain('all 12 originals');
    expect(hashFolder(vaultDir)).toEqual(before);
    // The same as facts the app words (issue 14 item 3), with what each check counted.
    expect(check(deep, 'pages')!.facts).toMatchObject({ kind: 'pages', badPages: [], badPageCount: 0, badWalFrames: [], sizeProblem: null, walProblem: null });
    expect(check(deep, 'pages')!.facts).toHaveProperty('pages', readFileSync(dbFile).length / PAGE_SIZE);
    expect(check(deep, 'structure')!.facts).toEqual({ kind: 'structure', pragma: 'integrity_check', problemCount: 0, sqlite: [] });
    expect(check(quick, 'structure')!.facts).toMatchObject({ pragma: 'quick_check' });
    expect(check(deep, 'originals')!.facts).toMatchObject({ kind: 'originals', originals: 12, readingCopies: 0, documents: [], documentCount: 0, pageImagesAltered: 0 });
    expect(check(deep, 'audit-chain')!.facts).toEqual({ kind: 'audit-chain', entries: deep.entries, broken: null });
    expect(deep.entries).toBeGreaterThan(0);
    expect(check(deep, 'anchor')!.facts).toEqual({ kind: 'anchor', rollback: null });
  });

  it('checks the cipher’s authentication of every page and committed WAL frame of a real vault; one flipped byte fails its page', async () => {
    const vault = await unlock();
    vault.db.pragma('wal_autocheckpoint = 0');
    vault.audit({ action: 'test.in-wal', subject: null, details: { filler: 'x'.repeat(3000) } });
    const key = (vault as unknown as { dataKey: Buffer }).dataKey;
    const clean = checkCipherPages(dbFile, key);
    expect(clean).toMatchObject({ badPageCount: 0, sizeProblem: null, walProblem: null, badWalFrames: [] });
    expect(clean.pages).toBeGreaterThan(20);
    expect(clean.walFrames).toBeGreaterThan(0);
    const copy = join(dir.path, 'copy.db');
    copyFileSync(dbFile, copy);
    flipBytes(copy, 7, 1);
    expect(checkCipherPages(copy, key)).toMatchObject({ badPageCount: 1, badPages: [7] });

    // A page the committed WAL holds a newer copy of is read from the WAL (a checkpoint torn by a crash
    // is repaired from it): damage there is no loss. Control: without the WAL the same damage counts.
    const inWal = readFileSync(`${dbFile}-wal`).readUInt32BE(32);
    copyFileSync(dbFile, copy);
    copyFileSync(`${dbFile}-wal`, `${copy}-wal`);
    flipBytes(copy, inWal, 1);
    expect(checkCipherPages(copy, key)).toMatchObject({ badPageCount: 0 });
    rmSync(`${copy}-wal`);
    expect(checkCipherPages(copy, key)).toMatchObject({ badPageCount: 1, badPages: [inWal] });
    vault.lock();
  });

  it('8 flipped bytes in a middle page: verify names the page (corrupt-vault), and reading it later is corrupt-vault, never internal', async () => {
    const vault = await unlock();
    const page = usedPages(vault, 'blobs').at(-3)!;
    vault.lock();
    flipBytes(dbFile, page);

    const report = await verify();
    expect(report.ok).toBe(false);
    expect(check(report, 'pages')).toMatchObject({ ok: false, code: 'corrupt-vault' });
    expect(check(report, 'pages')!.message).toContain(`page ${page}`);
    expect(check(report, 'pages')!.facts).toMatchObject({ kind: 'pages', badPages: [page], badPageCount: 1, sizeProblem: null });

    const damaged = await unlock();
    let thrown: unknown = null;
    try {
      damaged.db.prepare('SELECT sha256, length(data) FROM blobs').all();
    } catch (error) {
      thrown = error;
    }
    damaged.lock();
    expect(thrown).not.toBeNull();
    expect(failureFrom(thrown)?.code).toBe('corrupt-vault');
  });

  it('reads pages SQLite never reads: damage in a free page fails the page check while quick_check passes', async () => {
    const vault = await unlock();
    vault.db.transaction(() => {
      vault.db.exec('DELETE FROM documents; DELETE FROM pages; DELETE FROM blobs');
    })();
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const used = new Set((vault.db.prepare('SELECT pageno FROM dbstat').all() as Array<{ pageno: number }>).map((row) => row.pageno));
    const total = vault.db.pragma('page_count', { simple: true }) as number;
    const free = Array.from({ length: total }, (_, index) => index + 1).filter((pgno) => !used.has(pgno) && pgno > 2);
    expect(free.length).toBeGreaterThan(0);
    vault.lock();
    flipBytes(dbFile, free.at(-1)!);

    const report = await verify(true);
    expect(check(report, 'structure')).toMatchObject({ ok: true });
    expect(check(report, 'pages')).toMatchObject({ ok: false, code: 'corrupt-vault' });
  });

  it('--deep compares every original with its SHA-256; control: the quick check does not read them', async () => {
    const vault = await unlock();
    // Rewritten through SQLite, so every page still authenticates: only the hash can tell.
    const first = vault.db.prepare('SELECT id, title FROM documents ORDER BY id LIMIT 1').get() as { id: string; title: string };
    vault.db.prepare('UPDATE blobs SET data = ? WHERE id = (SELECT original_blob FROM documents ORDER BY id LIMIT 1)').run(randomBytes(6000));
    vault.lock();
    const quick = await verify();
    expect(quick.ok).toBe(true);
    const deep = await verify(true);
    expect(deep.ok).toBe(false);
    expect(check(deep, 'originals')).toMatchObject({ ok: false, code: 'corrupt-vault' });
    expect(check(deep, 'originals')!.message).toMatch(/doc_\S+: its original no longer matches/);
    expect(check(deep, 'originals')!.facts).toMatchObject({ documents: [{ docId: first.id, title: first.title, problem: 'altered' }], documentCount: 1, pageImagesAltered: 0 });
  });

  it('--deep: a deleted original is named with its document’s title, as missing; the CLI’s sentence names only its id', async () => {
    const vault = await unlock();
    const doc = vault.db.prepare('SELECT id, title, original_blob FROM documents ORDER BY id LIMIT 1 OFFSET 3').get() as { id: string; title: string; original_blob: number };
    vault.db.pragma('foreign_keys = OFF');
    vault.db.prepare('DELETE FROM blobs WHERE id = ?').run(doc.original_blob);
    vault.lock();
    const originals = check(await verify(true), 'originals')!;
    expect(originals).toMatchObject({ ok: false, code: 'corrupt-vault' });
    expect(originals.facts).toEqual({
      kind: 'originals',
      originals: 12,
      pageImages: expect.any(Number) as number,
      readingCopies: 0,
      documents: [{ docId: doc.id, title: doc.title, problem: 'missing' }],
      documentCount: 1,
      pageImagesAltered: 0,
    });
    // A title can name a protected relative: the sentence for terminals and logs keeps to the id.
    expect(originals.message).toContain(`${doc.id}: its original is missing`);
    expect(originals.message).not.toContain(doc.title);
  });

  it('--deep: an index that no longer matches its table fails the structure check with SQLite’s own lines as data', async () => {
    const vault = await unlock();
    // Point the index at another column behind SQLite's back: every row is then missing from it.
    vault.db.unsafeMode(true); // better-sqlite3 runs SQLite in defensive mode, which forbids this
    vault.db.pragma('writable_schema = ON');
    vault.db.prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX documents_imported ON documents(title)' WHERE name = 'documents_imported'").run();
    vault.db.pragma('writable_schema = OFF');
    vault.db.unsafeMode(false);
    vault.lock();
    const structure = check(await verify(true), 'structure')!;
    expect(structure).toMatchObject({ ok: false, code: 'corrupt-vault' });
    const facts = structure.facts as Extract<NonNullable<typeof structure.facts>, { kind: 'structure' }>;
    expect(facts).toMatchObject({ kind: 'structure', pragma: 'integrity_check' });
    expect(facts.problemCount).toBeGreaterThanOrEqual(12);
    expect(facts.sqlite).toHaveLength(5);
    expect(facts.sqlite[0]).toMatch(/documents_imported/);
  });

  it('an altered audit entry fails the audit-chain check with audit-tampered', async () => {
    const vault = await unlock();
    vault.db.exec('DROP TRIGGER audit_log_no_update');
    vault.db.prepare("UPDATE audit_log SET action = 'vault.imported' WHERE seq = 1").run();
    vault.lock();
    const report = await verify();
    expect(check(report, 'audit-chain')).toMatchObject({ ok: false, code: 'audit-tampered' });
    expect(check(report, 'audit-chain')!.message).toContain('entry #1 was altered');
    expect(report.firstBroken).toEqual({ seq: 1, reason: 'hash-mismatch' });
    expect(check(report, 'audit-chain')!.facts).toEqual({ kind: 'audit-chain', entries: report.entries, broken: { seq: 1, reason: 'hash-mismatch' } });
  });

  describe('only init creates a database', () => {
    it('a zero-length vault.db beside the header is corrupt-vault, not a new empty vault (the issue’s reproduction)', async () => {
      // Control: the same vault before the damage opens with its documents.
      const before = await unlock();
      expect(new DocumentStore(before.db).list()).toHaveLength(12);
      before.lock();

      writeFileSync(dbFile, '');
      const refused = await failureOf(unlock());
      expect(refused.code).toBe('corrupt-vault');
      expect(refused.message).toContain('empty');
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(check(report, 'pages')).toMatchObject({ ok: false, code: 'corrupt-vault', facts: { kind: 'pages', sizeProblem: { kind: 'empty' } } });
      expect(readFileSync(dbFile)).toHaveLength(0); // and nothing was created in its place
    });

    it('a missing vault.db is corrupt-vault, and nothing creates one', async () => {
      rmSync(dbFile);
      expect((await failureOf(unlock())).code).toBe('corrupt-vault');
      const report = await verify();
      expect(check(report, 'pages')).toMatchObject({ ok: false, code: 'corrupt-vault', facts: { kind: 'database-file', problem: 'missing', errno: 'ENOENT' } });
      // The checks that need the database say why they did not run, as a code.
      expect(report.checks.slice(1).map((item) => item.facts)).toEqual(Array(3).fill({ kind: 'not-run', because: 'corrupt-vault' }));
      expect(() => readFileSync(dbFile)).toThrow();
    });

    it.each([
      ['in the middle of a page', (size: number) => size - PAGE_SIZE / 2, { kind: 'partial-page', bytes: expect.any(Number) as number, pageSize: PAGE_SIZE }],
      ['at a page boundary', (size: number) => size - 4 * PAGE_SIZE, { kind: 'shorter-than-header', declaredPages: expect.any(Number) as number, pages: expect.any(Number) as number }],
    ])('a vault.db cut short %s is corrupt-vault', async (_where, cut, sizeProblem) => {
      const size = readFileSync(dbFile).length;
      truncateSync(dbFile, cut(size));
      expect((await failureOf(unlock())).code).toBe('corrupt-vault');
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(check(report, 'pages')!.message).toMatch(/cut short/);
      expect(check(report, 'pages')!.facts).toMatchObject({ kind: 'pages', sizeProblem });
    });
  });
});
