import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, copyFileSync, existsSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit, auditHead } from '../audit/auditLog';
import { DalelFailure, failureFrom } from '../errors';
import { fsyncDir, writeFileAtomic } from '../fsAtomic';
import { anchorPath, anchorText } from './anchor';
import { closeDatabase, openEncryptedDatabase, type VaultDatabase } from './database';
import { headerPath, pendingHeaderPath, writeHeader, type VaultHeader } from './header';
import { KEY_BYTES, type Argon2idParams } from './kdf';
import { generateRecoveryCode, normalizeRecoveryCode } from './recoveryCode';
import { sealSlot } from './slots';
import { DATABASE_FILE, NEXT_SUFFIX } from './vaultFiles';

/**
 * Data-key rotation: the database re-encrypted under a new random key, after which an old copy of the
 * header and the old passphrase (or recovery code) open nothing.
 *
 * SQLite3MultipleCiphers' `PRAGMA rekey` refuses WAL mode, and rekeying the live file in place would
 * leave, after a crash, a half-rekeyed database whose hot journal needs one key and its pages another.
 * So the database is rekeyed as a copy and switched in with one rename:
 *
 *   1. fold the WAL in and close (the vault rests in rollback-journal mode: no -wal can meet the new file);
 *   2. copy vault.db → vault.db.next, `PRAGMA rekey` the copy (journal off: a crash discards the copy),
 *      append the `vault.key-rotated` entry to it, fsync;
 *   3. write dalel-anchor.json.next (HMAC under the new key), then dalel-vault.json.next (the new slots);
 *   4. commit: rename vault.db.next over vault.db — the one atomic step;
 *   5. rename the anchor and header into place; overwrite the old file's bytes through a descriptor kept
 *      open on it (best effort; an SSD or copy-on-write file system may keep old blocks anyway).
 *
 * A crash anywhere leaves a state `settlePendingRotation` (run under the vault lock before every open)
 * resolves: vault.db.next still there → not committed, the prepared files are removed and the old key
 * stays; vault.db.next gone but dalel-vault.json.next there → committed, the header and anchor are moved
 * into place. Exactly one of the old and new keys opens the vault afterwards (keyRotation.test.ts kills
 * the process at random moments to check it).
 *
 * Rotation issues a new recovery code too: the old one wraps the old key, and the point of rotating is
 * that nothing old opens the vault. Needs free space for one more copy of the database.
 */
export const DATABASE_NEXT = `${DATABASE_FILE}${NEXT_SUFFIX}`;

export function pendingAnchorPath(dir: string): string {
  return `${anchorPath(dir)}${NEXT_SUFFIX}`;
}

export interface RotationInput {
  dir: string;
  db: VaultDatabase;
  dataKey: Buffer;
  header: VaultHeader;
  nextPassphrase: string;
  kdf: Argon2idParams;
  now: () => Date;
}

export type RotationOutcome =
  | { ok: true; db: VaultDatabase; dataKey: Buffer; recoveryCode: string; header: VaultHeader }
  /**
   * Nothing changed (a full disk, no space for the copy): `db` is the vault reopened under the old key.
   * Or, rarely, the switch happened but the vault could not be reopened here (`db` null, `committed`):
   * the next unlock, with the new passphrase, finishes it.
   */
  | { ok: false; error: unknown; db: VaultDatabase | null; committed: boolean };

/** Rotate. `input.db` is closed; the outcome says which database is open now, under which key. */
export async function rotateDataKey(input: RotationInput): Promise<RotationOutcome> {
  const { dir } = input;
  const newKey = randomBytes(KEY_BYTES);
  const recoveryCode = generateRecoveryCode();
  const live = join(dir, DATABASE_FILE);
  const next = join(dir, DATABASE_NEXT);
  const reopenOld = (error: unknown): RotationOutcome => {
    newKey.fill(0);
    discardPendingRotation(dir);
    try {
      return { ok: false, error: failureFrom(error) ?? error, db: openEncryptedDatabase(live, input.dataKey, { create: false }), committed: false };
    } catch {
      return { ok: false, error: failureFrom(error) ?? error, db: null, committed: false };
    }
  };

  let header: VaultHeader;
  try {
    header = {
      ...input.header,
      slots: [
        await sealSlot('passphrase', input.nextPassphrase, newKey, input.kdf),
        await sealSlot('recovery-code', normalizeRecoveryCode(recoveryCode)!, newKey, input.kdf),
      ],
    };
  } catch (error) {
    newKey.fill(0);
    return { ok: false, error, db: input.db, committed: false };
  }
  const fromSeq = auditHead(input.db)?.seq ?? 0;
  closeDatabase(input.db);
  try {
    // The vault rests in rollback-journal mode after closeDatabase; a WAL still there would be replayed
    // onto the new file, whose pages it cannot decrypt.
    if (existsSync(`${live}-wal`) && statSync(`${live}-wal`).size > 0) {
      throw new DalelFailure('disk-full', 'The vault’s journal could not be folded into the database before the key change (is the disk full?). Nothing was changed.');
    }
    prepare(input, header, newKey, live, next, fromSeq);
  } catch (error) {
    return reopenOld(error);
  }

  // Keep the old file's inode to overwrite its bytes once it is no longer the vault's.
  let oldFd: number | null = null;
  try {
    oldFd = openSync(live, 'r+');
    renameSync(next, live); // the commit
  } catch (error) {
    if (oldFd !== null) closeSync(oldFd);
    return reopenOld(error);
  }
  try {
    fsyncDir(dir);
    settlePendingRotation(dir);
    overwrite(oldFd);
    return { ok: true, db: openEncryptedDatabase(live, newKey, { create: false }), dataKey: newKey, recoveryCode, header };
  } catch (error) {
    newKey.fill(0);
    return { ok: false, error: failureFrom(error) ?? error, db: null, committed: true };
  } finally {
    closeSync(oldFd);
  }
}

function prepare(input: RotationInput, header: VaultHeader, newKey: Buffer, live: string, next: string, fromSeq: number): void {
  copyFileSync(live, next, constants.COPYFILE_EXCL);
  chmodSync(next, 0o600);
  const copy = new Database(next, { fileMustExist: true });
  try {
    copy.pragma(`cipher = 'sqlcipher'`);
    copy.pragma('legacy = 4');
    copy.pragma(`key = "x'${input.dataKey.toString('hex')}'"`);
    // No journal: the copy is thrown away if anything goes wrong, so a rollback journal (a third copy
    // of every page on disk) buys nothing.
    copy.pragma('journal_mode = OFF');
    copy.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    copy.pragma('journal_mode = DELETE');
    copy.pragma('synchronous = FULL');
    appendAudit(copy, { action: 'vault.key-rotated', subject: null, details: { fromSeq } }, input.now());
    const head = auditHead(copy)!;
    copy.close();
    fsyncFile(next);
    writeFileAtomic(pendingAnchorPath(input.dir), anchorText(newKey, head, input.now()));
    // Last: a prepared header beside vault.db.next is what says the rotation got this far.
    writeHeader(input.dir, header, pendingHeaderPath(input.dir));
    fsyncDir(input.dir);
  } finally {
    if (copy.open) copy.close();
  }
}

/**
 * Resolve what a rotation interrupted by a crash left (see the header comment). Must run under the
 * vault lock, before the header is read for an unlock. Returns what it did.
 */
export function settlePendingRotation(dir: string): 'none' | 'rolled-back' | 'completed' {
  const header = pendingHeaderPath(dir);
  const anchor = pendingAnchorPath(dir);
  if (existsSync(join(dir, DATABASE_NEXT))) {
    discardPendingRotation(dir);
    return 'rolled-back';
  }
  if (existsSync(header)) {
    if (existsSync(anchor)) renameSync(anchor, anchorPath(dir));
    renameSync(header, headerPath(dir));
    fsyncDir(dir);
    return 'completed';
  }
  if (existsSync(anchor)) rmSync(anchor, { force: true });
  return 'none';
}

/**
 * Remove a rotation's prepared files. The header first: once it is gone nothing wraps the new key, and
 * a crash half way leaves vault.db.next, which still reads as "not committed".
 */
export function discardPendingRotation(dir: string): void {
  rmSync(pendingHeaderPath(dir), { force: true });
  rmSync(pendingAnchorPath(dir), { force: true });
  for (const suffix of ['-journal', '-wal', '-shm']) rmSync(join(dir, `${DATABASE_NEXT}${suffix}`), { force: true });
  rmSync(join(dir, DATABASE_NEXT), { force: true });
  fsyncDir(dir);
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Overwrite a file's bytes with random data (1 MiB at a time) and fsync. Best effort. */
export function overwrite(fd: number): void {
  try {
    const size = fstatSync(fd).size;
    const block = Buffer.alloc(1024 * 1024);
    for (let offset = 0; offset < size; offset += block.length) {
      const length = Math.min(block.length, size - offset);
      randomBytes(length).copy(block);
      for (let done = 0; done < length; ) done += writeSync(fd, block, done, length - done, offset + done);
    }
    fsyncSync(fd);
  } catch {
    // The file is already unlinked (or read-only): its bytes are encrypted under a key nothing wraps.
  }
}
