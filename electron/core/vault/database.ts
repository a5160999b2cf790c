import { closeSync, openSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DalelFailure, failureFrom } from '../errors';
import { PAGE_SIZE } from './cipherPages';
import { schemaVersion } from './migrations';

export type VaultDatabase = Database.Database;

/**
 * Open the vault's SQLCipher-format database with a raw 256-bit key.
 *
 * SQLite3MultipleCiphers forgets the cipher choice between connections, so `cipher` and `legacy` are
 * set on every open before `key`, or the open fails with SQLITE_NOTADB. A wrong key is accepted by
 * `PRAGMA key` itself; only the first read fails, hence the probe. A raw key (`x'…'`) skips SQLCipher's
 * own PBKDF2: the passphrase has already been through Argon2id.
 *
 * Only `create` makes a database. Opening an existing vault refuses a missing, empty or cut-short file
 * and one that decrypts but holds no schema: SQLite would happily treat an empty file as a new, empty
 * database, and the vault would open with all its evidence silently gone (issue 12).
 */
export function openEncryptedDatabase(file: string, dataKey: Buffer, options: { create: boolean; readOnly?: boolean }): VaultDatabase {
  const name = basename(file);
  if (options.create) {
    // Made here so it is 0600 from the start; SQLite gives its -wal and -journal files the same mode.
    closeSync(openSync(file, 'wx', 0o600));
  } else {
    checkFileShape(file, name);
  }
  let db: VaultDatabase;
  try {
    db = new Database(file, { fileMustExist: true, readonly: options.readOnly === true });
  } catch (error) {
    throw new DalelFailure('corrupt-vault', `The vault database file (${name}) is missing or cannot be opened.`, {
      cause: (error as Error).message,
    });
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    // The hex string cannot be wiped from the JS heap; it lives only for this call.
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.create && schemaVersion(db) < 1) {
      throw new DalelFailure('corrupt-vault', `The vault database (${name}) decrypts but holds no vault: its tables are gone. Only "dalel init" creates a vault's database.`);
    }
  } catch (error) {
    db.close();
    throw probeFailure(error, name, options.readOnly === true);
  }
  applyConnectionPragmas(db);
  return db;
}

function checkFileShape(file: string, name: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new DalelFailure(
      'corrupt-vault',
      `The vault database (${name}) is missing beside the vault header. Only "dalel init" creates a vault's database: restore the file from a backup.`,
    );
  }
  if (size === 0) {
    throw new DalelFailure('corrupt-vault', `The vault database (${name}) is empty (0 bytes): the evidence in it is gone from this copy. Restore it from a backup.`);
  }
  if (size % PAGE_SIZE !== 0) {
    throw new DalelFailure('corrupt-vault', `The vault database (${name}) is cut short (${size} bytes, not a whole number of pages). Restore it from a backup.`);
  }
}

function probeFailure(error: unknown, name: string, readOnly: boolean): DalelFailure {
  if (error instanceof DalelFailure) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new DalelFailure(
      'corrupt-vault',
      'The vault database could not be decrypted although the passphrase was right. The database file is damaged or belongs to another vault.',
      { cause: (error as Error).message },
    );
  }
  if (readOnly && code.startsWith('SQLITE_CANTOPEN')) {
    // A WAL left by a crash needs its -shm file, which read-only media cannot give.
    return new DalelFailure(
      'read-only',
      `The vault on this read-only disk was not closed cleanly (${name}-wal is there), so it cannot be read here. Copy the vault folder to a writable disk and open it there.`,
      { cause: (error as Error).message },
    );
  }
  return (
    failureFrom(error) ??
    new DalelFailure('corrupt-vault', `The vault database (${name}) could not be opened.`, { cause: (error as Error).message })
  );
}

/**
 * WAL with synchronous=FULL: an evidence commit survives power loss (the bundled build defaults WAL to
 * NORMAL). temp_store=MEMORY: SQLite's temp files are not encrypted, so none may be written.
 * secure_delete: freed pages are zeroed rather than left holding old (encrypted) content.
 *
 * A read-only connection stays in the rollback-journal mode the vault rests in (closeDatabase), which
 * read-only media can open; so does a connection on a full disk, where switching to WAL (a write to
 * page 1) fails — reading works there, and writes say `disk-full`.
 */
export function applyConnectionPragmas(db: VaultDatabase): void {
  if (!db.readonly) {
    try {
      db.pragma('journal_mode = WAL');
    } catch (error) {
      if (failureFrom(error)?.code !== 'disk-full') throw error;
    }
  }
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
}

/**
 * Close the connection, leaving the vault at rest in rollback-journal mode with its WAL folded in: a
 * WAL-mode database without its -wal and -shm files cannot be opened from read-only media (SQLite needs
 * to create the -shm), and a locked vault is then a single file plus its header. Best effort: on a full
 * disk the vault simply stays in WAL mode, which a writable open handles.
 */
export function closeDatabase(db: VaultDatabase): void {
  if (!db.open) return;
  if (!db.readonly) {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    } catch {
      // stays in WAL mode
    }
  }
  db.close();
}
