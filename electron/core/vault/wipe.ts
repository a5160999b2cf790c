import { closeSync, lstatSync, openSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DalelFailure, failureFrom } from '../errors';
import { fsyncDir } from '../fsAtomic';
import { hasHeader } from './header';
import { overwrite } from './keyRotation';
import { HEADER_FILE, LOCK_FILE, isVaultFileName } from './vaultFiles';
import { acquireVaultLock } from './vaultLock';

/**
 * Destroy a vault: every file Dalel keeps in the folder is overwritten with random bytes, fsynced and
 * removed, the header (the only place the data key exists, wrapped) first; then the folder, if nothing
 * else is in it. Files Dalel did not put there are left alone and named.
 *
 * What overwriting can promise: on a plain disk the old bytes are gone. On SSDs, copy-on-write and
 * journaling file systems, and in backups or snapshots, old blocks may survive — but the database is
 * encrypted under a random key that existed only wrapped in the header, so what survives is unreadable
 * unless a copy of the header survives too and the passphrase or recovery code is known (README, "Wipe").
 * Deleted rows do not linger inside a live vault either: secure_delete (database.ts) zeroes freed pages,
 * and the search index uses FTS5 secure-delete (migration 0004).
 *
 * No passphrase is needed — someone who must destroy a vault in a hurry may not be its owner — but the
 * typed confirmation must name the folder, and a vault another program has open is refused (`vault-in-use`).
 */
export interface WipeReport {
  vault: string;
  /** files overwritten and removed */
  files: number;
  bytes: number;
  /** files in the folder that are not Dalel's, left in place (the folder then stays too) */
  leftInPlace: string[];
}

/** The typed confirmation names the vault folder, or nothing happens (checked before anything is closed). */
export function checkWipeConfirmation(dirInput: string, confirmation: string): void {
  const dir = resolve(dirInput);
  if (!hasHeader(dir)) throw new DalelFailure('vault-not-found', `There is no Dalel vault in ${dir}.`);
  if (confirmation.trim() !== basename(dir)) {
    throw new DalelFailure('validation', `To wipe this vault, type the name of its folder exactly: ${basename(dir)}. Nothing was changed.`).because('wipe-name-mismatch', { name: basename(dir) });
  }
}

export function wipeVault(dirInput: string, confirmation: string, options: { program?: string } = {}): WipeReport {
  const dir = resolve(dirInput);
  checkWipeConfirmation(dir, confirmation);
  const lock = acquireVaultLock(dir, options.program);
  const report: WipeReport = { vault: dir, files: 0, bytes: 0, leftInPlace: [] };
  try {
    const names = readdirSync(dir);
    const ours = names.filter((name) => isVaultFileName(name) && name !== LOCK_FILE);
    report.leftInPlace = names.filter((name) => !isVaultFileName(name));
    // The header first: once it is gone, nothing in the folder can be decrypted.
    ours.sort((a, b) => Number(b === HEADER_FILE) - Number(a === HEADER_FILE));
    for (const name of ours) report.bytes += destroy(join(dir, name), report);
  } catch (error) {
    lock.release();
    throw failureFrom(error) ?? error;
  }
  // The lock file last, after the lock is released (overwriting it while held would drop the lock anyway).
  lock.release();
  report.bytes += destroy(join(dir, LOCK_FILE), report);
  fsyncDir(dir);
  if (report.leftInPlace.length === 0) rmdirSync(dir);
  return report;
}

/** Overwrite a regular file and remove it; a symlink is removed, never followed. Returns bytes overwritten. */
function destroy(path: string, report: WipeReport): number {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return 0;
  }
  let bytes = 0;
  if (stat.isFile()) {
    const fd = openSync(path, 'r+');
    try {
      overwrite(fd);
      bytes = stat.size;
    } finally {
      closeSync(fd);
    }
  }
  rmSync(path, { force: true, recursive: false });
  report.files += 1;
  return bytes;
}
