import { existsSync, linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import { TEST_KDF, hashFolder, tempDir } from '../testing/fixtures';
import { memoryConfig } from '../session/appConfig';
import { VaultSession } from '../session/vaultSession';
import { forkVaultChild } from '../testing/vaultChildProcess';
import { decryptedPages } from './cipherPages';
import { createVault, unlockVault, type Vault } from './vault';
import { DATABASE_FILE, HEADER_FILE } from './vaultFiles';
import { wipeVault } from './wipe';

const PASSPHRASE = 'nothing left behind, please';

function wipeFailure(run: () => unknown): DalelFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof DalelFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('wipe', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;

  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'Case 2021-17');
    (await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF })).vault.lock();
  });
  afterEach(() => dir.remove());

  it('overwrites every vault file in place before removing it and the folder (a hard link sees random bytes); control: a plain delete leaves them', () => {
    const header = readFileSync(join(vaultDir, HEADER_FILE));
    const database = readFileSync(join(vaultDir, DATABASE_FILE));
    // Hard links keep the inodes: what they read afterwards is what is left on the disk blocks.
    linkSync(join(vaultDir, HEADER_FILE), join(dir.path, 'header.link'));
    linkSync(join(vaultDir, DATABASE_FILE), join(dir.path, 'db.link'));
    const report = wipeVault(vaultDir, 'Case 2021-17');
    expect(existsSync(vaultDir)).toBe(false);
    expect(report.files).toBeGreaterThanOrEqual(4);
    const headerAfter = readFileSync(join(dir.path, 'header.link'));
    expect(headerAfter).toHaveLength(header.length);
    expect(headerAfter.equals(header)).toBe(false);
    expect(headerAfter.toString('latin1')).not.toContain('wrappedKey');
    expect(readFileSync(join(dir.path, 'db.link')).equals(database)).toBe(false);

    // Control: removing the files without overwriting leaves the bytes where a link (or the disk) finds them.
    const other = join(dir.path, 'other');
    return createVault(other, PASSPHRASE, { kdf: TEST_KDF }).then(({ vault }) => {
      vault.lock();
      const otherHeader = readFileSync(join(other, HEADER_FILE));
      linkSync(join(other, HEADER_FILE), join(dir.path, 'other-header.link'));
      rmSync(other, { recursive: true });
      expect(readFileSync(join(dir.path, 'other-header.link')).equals(otherHeader)).toBe(true);
    });
  });

  it('refuses a confirmation that does not name the folder, and a vault another process has open; nothing changes', async () => {
    const before = hashFolder(vaultDir);
    expect(wipeFailure(() => wipeVault(vaultDir, 'yes')).code).toBe('validation');
    const child = forkVaultChild(['hold', vaultDir, PASSPHRASE, 'Dalel']);
    try {
      expect(await child.next()).toMatchObject({ ready: true });
      expect(wipeFailure(() => wipeVault(vaultDir, 'Case 2021-17')).code).toBe('vault-in-use');
      child.process.send('release');
      expect(await child.next()).toMatchObject({ released: true });
    } finally {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    // The holder's own unlock and lock changed the database; the files are all still there.
    expect(Object.keys(hashFolder(vaultDir))).toEqual(Object.keys(before));
    expect(wipeFailure(() => wipeVault(join(dir.path, 'nowhere'), 'nowhere')).code).toBe('vault-not-found');
  });

  it('through the session, a mistyped confirmation leaves the open vault open', async () => {
    const session = new VaultSession({ config: memoryConfig({ settings: { autoLockMinutes: 0, language: null, dateFormat: 'language' } }), defaultVaultPath: '', kdf: TEST_KDF });
    await session.unlock(vaultDir, { passphrase: PASSPHRASE });
    try {
      await expect(session.wipe(vaultDir, 'case 2021-17')).rejects.toMatchObject({ code: 'validation' });
      expect(session.status().state).toBe('unlocked');
      expect(session.vault().isOpen).toBe(true);
    } finally {
      await session.dispose();
    }
  });

  it('leaves files that are not Dalel’s, and the folder with them, and names them', () => {
    writeFileSync(join(vaultDir, 'notes.txt'), 'my own notes');
    const report = wipeVault(vaultDir, 'Case 2021-17');
    expect(report.leftInPlace).toEqual(['notes.txt']);
    expect(readdirSync(vaultDir)).toEqual(['notes.txt']);
  });
});

describe('deleted rows do not linger in free pages', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  let vault: Vault;

  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'vault');
    vault = (await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF })).vault;
  });
  afterEach(() => {
    vault.lock();
    dir.remove();
  });

  /** Whether `needle` is in any page of vault.db, decrypted, after the WAL is folded in. */
  function onDisk(needle: string): boolean {
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const key = (vault as unknown as { dataKey: Buffer }).dataKey;
    const bytes = Buffer.from(needle, 'utf8');
    for (const { plain } of decryptedPages(join(vaultDir, DATABASE_FILE), key)) if (plain.includes(bytes)) return true;
    return false;
  }

  function importAndDelete(text: string): void {
    const store = new DocumentStore(vault.db);
    const png = { data: Buffer.from('png'), mime: 'image/png' };
    vault.db.transaction(() => {
      const { id } = store.insert({ fileName: 'letter.png', title: 'Letter', kind: 'png', mime: 'image/png', pageCount: 1, warnings: [], languages: ['eng'], original: Buffer.from(`original ${text}`), now: new Date() });
      store.savePage(id, 1, { source: 'ocr', text, words: [], confidence: 90, width: 10, height: 10, dpi: 300, rotation: 0, skew: 0, image: png, thumb: png }, vault.searchIndex);
    })();
    expect(onDisk(text)).toBe(true); // it was there, decrypted
    vault.db.transaction(() => store.delete(store.list()[0]!.id))();
  }

  it('secure_delete: a deleted page text and original are zeroed; control: with secure_delete off they stay in free pages', () => {
    expect(vault.db.pragma('secure_delete', { simple: true })).toBe(1);
    importAndDelete('Witness Qoldybaev-7731 lives at 12 Abay street');
    expect(onDisk('Qoldybaev-7731')).toBe(false);

    vault.db.pragma('secure_delete = OFF');
    importAndDelete('Witness Zhetpisov-9145 lives at 3 Dostyk street');
    expect(onDisk('Zhetpisov-9145')).toBe(true);
  });

  it('the search index: FTS5 secure-delete does not reach a contentless_delete table, so a deleted page’s words stay in its segment until a merge; reindex’s optimize removes them', () => {
    // Migration 0004 sets 'secure-delete', but search_fts is contentless_delete=1: a DELETE there adds a
    // tombstone instead of removing the entries (FTS5 cannot know a contentless row's terms to remove
    // them). Searches no longer find the words at once; the bytes go when their segment is merged.
    expect((vault.db.prepare("SELECT v FROM search_fts_config WHERE k = 'secure-delete'").get() as { v: number }).v).toBe(1);
    importAndDelete('zzkv qyxwtrmarkerone');
    expect(vault.db.prepare("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'exact:qyxwtrmarkerone'").get()).toEqual({ n: 0 });
    expect(onDisk('trmarkerone')).toBe(true);
    vault.searchIndex.rebuild();
    expect(onDisk('trmarkerone')).toBe(false);
  });
});

describe('unlocking a wiped vault', () => {
  it('finds nothing to unlock', async () => {
    const dir = tempDir();
    try {
      const vaultDir = join(dir.path, 'v');
      (await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF })).vault.lock();
      wipeVault(vaultDir, 'v');
      await expect(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF })).rejects.toMatchObject({ code: 'vault-not-found' });
    } finally {
      dir.remove();
    }
  });
});
