import { accessSync, chmodSync, constants, existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of a vault folder, by name, and the housekeeping done on them under the vault lock: modes
 * tightened to 0600 in a 0700 folder, stale temp files of a killed write removed. Nothing here reads or
 * writes case data.
 */
export const HEADER_FILE = 'dalel-vault.json';
export const DATABASE_FILE = 'vault.db';
/** The authenticated record of the latest audit head (anchor.ts). */
export const ANCHOR_FILE = 'dalel-anchor.json';
/** The one-writer lock (vaultLock.ts) and the note naming its holder. */
export const LOCK_FILE = 'dalel-vault.lock';
export const LOCK_OWNER_FILE = 'dalel-vault.lock-owner.json';
/** A data-key rotation prepares these beside the live files (keyRotation.ts). */
export const NEXT_SUFFIX = '.next';

/** SQLite's own files beside the database. */
export const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'].map((suffix) => `${DATABASE_FILE}${suffix}`);

/** A temp file of writeFileAtomic (`name.tmp-<pid>`) or StagedFile (`name.tmp-<pid>-<hex>`). */
export const TEMP_FILE = /\.tmp-(\d+)(?:-[0-9a-f]+)?$/;

/** Every name Dalel itself may leave in a vault folder; wipe removes these and nothing else. */
export function isVaultFileName(name: string): boolean {
  const base = name.replace(TEMP_FILE, '');
  const known = [HEADER_FILE, DATABASE_FILE, ANCHOR_FILE, LOCK_FILE, LOCK_OWNER_FILE, ...SQLITE_SIDE_FILES];
  return known.some((file) => base === file || base === `${file}${NEXT_SUFFIX}` || base.startsWith(`${DATABASE_FILE}${NEXT_SUFFIX}-`));
}

/**
 * Whether Dalel may write in the vault folder: read-only media (EROFS, even for root), or a folder or
 * database the user may not write. A read-only vault is opened for reading only and nothing is written.
 */
export function canWriteVault(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    const database = join(dir, DATABASE_FILE);
    if (existsSync(database)) accessSync(database, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Vault files readable by their owner only, in a folder only the owner can enter. Older vaults (vault.db
 * was created 0644 before) are tightened on the next writable unlock. No-op on Windows, where modes do
 * not carry these permissions (the profile folder's ACL does).
 */
export function tightenModes(dir: string): void {
  if (process.platform === 'win32') return;
  const tighten = (path: string, mode: number) => {
    try {
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) return;
      if ((stat.mode & 0o777) !== mode) chmodSync(path, mode);
    } catch {
      // vanished meanwhile, or not ours to change: the vault still works
    }
  };
  tighten(dir, 0o700);
  for (const name of readdirSync(dir)) {
    if (isVaultFileName(name)) tighten(join(dir, name), 0o600);
  }
}

/**
 * Remove temp files a killed write left in the vault folder (a header or anchor written atomically,
 * the owner note). Only under the vault lock: no other Dalel process can be writing one then.
 */
export function removeStaleTemps(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!TEMP_FILE.test(name) || !isVaultFileName(name)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
