import Database from 'better-sqlite3-multiple-ciphers';
import { DalelFailure } from '../errors';

export type VaultDatabase = Database.Database;

/**
 * Open the vault's SQLCipher-format database with a raw 256-bit key.
 *
 * SQLite3MultipleCiphers forgets the cipher choice between connections, so `cipher` and `legacy` are
 * set on every open before `key`, or the open fails with SQLITE_NOTADB. A wrong key is accepted by
 * `PRAGMA key` itself; only the first read fails, hence the probe. A raw key (`x'…'`) skips SQLCipher's
 * own PBKDF2: the passphrase has already been through Argon2id.
 */
export function openEncryptedDatabase(file: string, dataKey: Buffer, options: { create: boolean }): VaultDatabase {
  let db: VaultDatabase;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw new DalelFailure('corrupt-vault', 'The vault database file is missing or cannot be opened.', {
      cause: (error as Error).message,
    });
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    // The hex string cannot be wiped from the JS heap; it lives only for this call.
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw new DalelFailure(
      'corrupt-vault',
      'The vault database could not be decrypted although the passphrase was right. The database file is damaged or belongs to another vault.',
      { cause: (error as Error).message },
    );
  }
  applyConnectionPragmas(db);
  return db;
}

/**
 * WAL with synchronous=FULL: an evidence commit survives power loss (the bundled build defaults WAL to
 * NORMAL). temp_store=MEMORY: SQLite's temp files are not encrypted, so none may be written.
 * secure_delete: freed pages are zeroed rather than left holding old (encrypted) content.
 */
export function applyConnectionPragmas(db: VaultDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
}
