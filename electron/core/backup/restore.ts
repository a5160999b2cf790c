import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { VerifyCheck } from '../../../shared/schemas/vault';
import { appendAudit, auditHead } from '../audit/auditLog';
import { DalelFailure, failureFrom } from '../errors';
import { fsyncDir } from '../fsAtomic';
import { writeAnchor } from '../vault/anchor';
import { closeDatabase, openEncryptedDatabase, type VaultDatabase } from '../vault/database';
import { hasHeader, parseHeader, writeHeader, type VaultHeader } from '../vault/header';
import { migrate } from '../vault/migrations';
import { openSlot, slotMaterial, type UnlockSecret } from '../vault/slots';
import { runVaultChecks } from '../vault/vaultChecks';
import { DATABASE_FILE } from '../vault/vaultFiles';
import { damagedBackup, macMatches, MAX_HEADER_BYTES, parseBackupStart, TRAILER_BYTES, type BackupHeader } from './backupFile';

const CHUNK_BYTES = 4 * 1024 * 1024;

export interface RestoreProgress {
  phase: 'copying' | 'checking';
  done: number;
  total: number;
}

export interface RestoreOptions {
  clock?: () => Date;
  onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreReport {
  vault: string;
  /** when the backup was made */
  backupCreatedAt: string;
  documents: number;
  /** the audit head the backup held, which the restored vault reached before its `vault.restored` entry */
  restoredHead: { seq: number; hash: string };
  /** every check run on the restored database before it was put in place */
  checks: VerifyCheck[];
}

/**
 * Restore a backup (backupFile.ts) into a new vault folder. Nothing is put in place until every check
 * has passed: the file's MAC (under a key derived from the data key the secret unwraps), the SHA-256 of
 * its database part, the cipher's authentication of every page, `integrity_check`, every original's
 * SHA-256, the audit chain, and the audit head the backup says it holds. The vault is assembled in a
 * sibling temp folder and renamed into place in one step, so an existing vault is never written over
 * and a failed or killed restore leaves no half vault under the chosen name.
 *
 * The restored vault records a `vault.restored` entry and is anchored at its new head: it opens like any
 * vault, and an older backup restored over nothing cannot be mistaken for the newest state elsewhere.
 */
export async function restoreBackup(fileInput: string, dirInput: string, secret: UnlockSecret, options: RestoreOptions = {}): Promise<RestoreReport> {
  const file = resolve(fileInput);
  const dir = resolve(dirInput);
  const clock = options.clock ?? (() => new Date());
  checkFreeTarget(dir);
  const { header, prefix, databaseOffset, trailer } = await readBackupFrame(file);
  const vaultHeader = backupVaultHeader(header);
  const dataKey = await unwrapWith(vaultHeader, secret);
  if (!macMatches(dataKey, prefix, trailer.subarray(0, 32), trailer.subarray(32))) {
    dataKey.fill(0);
    throw damagedBackup('its contents do not match their seal (altered, or damaged on the disk).');
  }

  const staging = join(dirname(dir), `.${basename(dir)}.restoring-${process.pid}-${randomBytes(4).toString('hex')}`);
  let db: VaultDatabase | null = null;
  try {
    mkdirSync(staging, { mode: 0o700 });
    await copyOut(file, join(staging, DATABASE_FILE), databaseOffset, header.database.bytes, trailer.subarray(0, 32), options);
    writeHeader(staging, vaultHeader);
    options.onProgress?.({ phase: 'checking', done: 0, total: 1 });
    db = openEncryptedDatabase(join(staging, DATABASE_FILE), dataKey, { create: false });
    const checks = checkRestored(staging, db, dataKey, header);
    migrate(db);
    appendAudit(
      db,
      { action: 'vault.restored', subject: null, details: { backupCreatedAt: header.createdAt, head: `${header.auditHead.seq}:${header.auditHead.hash}`, file: basename(file) } },
      clock(),
    );
    if (!writeAnchor(staging, db, dataKey, clock())) throw new DalelFailure('disk-full', 'The restored vault could not be sealed (is the disk full?). Nothing was restored.');
    closeDatabase(db);
    db = null;
    options.onProgress?.({ phase: 'checking', done: 1, total: 1 });
    putInPlace(staging, dir);
    return { vault: dir, backupCreatedAt: header.createdAt, documents: header.documents, restoredHead: header.auditHead, checks };
  } catch (error) {
    if (db?.open) db.close();
    rmSync(staging, { recursive: true, force: true });
    throw failureFrom(error) ?? error;
  } finally {
    dataKey.fill(0);
  }
}

/** The restore target: a folder that does not exist yet, or an empty one. Never a vault, never a file. */
function checkFreeTarget(dir: string): void {
  if (hasHeader(dir)) throw new DalelFailure('vault-exists', `There is already a Dalel vault in ${dir}. A backup is restored into a new, empty folder; nothing is written over a vault.`);
  if (!existsSync(dir)) {
    if (!existsSync(dirname(dir))) throw new DalelFailure('validation', `The folder ${dirname(dir)} does not exist. Choose where the restored vault goes.`).because('folder-missing');
    return;
  }
  if (!statSync(dir).isDirectory()) throw new DalelFailure('validation', `${dir} is a file, not a folder. Choose a new folder for the restored vault.`).because('folder-is-file');
  if (readdirSync(dir).length > 0) throw new DalelFailure('validation', `The folder ${dir} is not empty. Choose an empty folder or a new one for the restored vault.`).because('folder-not-empty');
}

async function readBackupFrame(file: string): Promise<{ header: BackupHeader; prefix: Buffer; databaseOffset: number; fileSize: number; trailer: Buffer }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DalelFailure('validation', `There is no file ${file}.`).because('backup-file-missing');
    if (code === 'EISDIR') throw new DalelFailure('validation', `${file} is a folder. Choose the backup file itself.`).because('backup-file-is-folder');
    throw failureFrom(error) ?? new DalelFailure('validation', `The backup file ${file} cannot be read.`, { cause: (error as Error).message }).because('backup-file-unreadable');
  }
  try {
    const { size } = await handle.stat();
    const start = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES + 12));
    await handle.read(start, 0, start.length, 0);
    const parsed = parseBackupStart(start, size);
    const trailer = Buffer.alloc(TRAILER_BYTES);
    await handle.read(trailer, 0, TRAILER_BYTES, size - TRAILER_BYTES);
    return { ...parsed, prefix: Buffer.from(parsed.prefix), fileSize: size, trailer };
  } finally {
    await handle.close();
  }
}

/** The vault header inside the backup, validated exactly as a vault's own header is (header.ts). */
function backupVaultHeader(header: BackupHeader): VaultHeader {
  try {
    return parseHeader(header.vaultHeader);
  } catch (error) {
    if (error instanceof DalelFailure) throw damagedBackup('the vault header inside it is not valid.', { cause: error.message });
    throw error;
  }
}

async function unwrapWith(header: VaultHeader, secret: UnlockSecret): Promise<Buffer> {
  const { kind, material } = slotMaterial(secret);
  for (const slot of header.slots.filter((candidate) => candidate.kind === kind)) {
    const key = await openSlot(slot, material);
    if (key) return key;
  }
  throw new DalelFailure(
    'wrong-passphrase',
    kind === 'passphrase'
      ? 'The passphrase does not open this backup. It takes the passphrase the vault had when the backup was made (or its recovery code).'
      : 'The recovery code does not open this backup. It takes the recovery code the vault had when the backup was made.',
  );
}

/** Copy the database part of the backup out to `target`, hashing it against the sealed SHA-256. */
async function copyOut(file: string, target: string, offset: number, bytes: number, sha: Buffer, options: RestoreOptions): Promise<void> {
  const source = await open(file, 'r');
  const out = await open(target, 'wx', 0o600);
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  try {
    for (let done = 0; done < bytes; ) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(CHUNK_BYTES, bytes - done), offset + done);
      if (bytesRead === 0) throw damagedBackup('it ends in the middle of the database.');
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      for (let written = 0; written < bytesRead; ) written += (await out.write(chunk, written, bytesRead - written)).bytesWritten;
      done += bytesRead;
      options.onProgress?.({ phase: 'copying', done, total: bytes });
    }
    await out.sync();
  } finally {
    await out.close();
    await source.close();
  }
  if (!hash.digest().equals(sha)) throw damagedBackup('its database part does not match its SHA-256.');
}

/**
 * Every check of `dalel verify --deep` on the staged copy, and the head the backup promised. The anchor
 * check is left out: the staged copy has no anchor yet, and is given one at its new head.
 */
function checkRestored(staging: string, db: VaultDatabase, dataKey: Buffer, header: BackupHeader): VerifyCheck[] {
  const result = runVaultChecks({ dir: staging, dataKey, db, deep: true });
  const checks = result.checks.filter((check) => check.check !== 'anchor');
  const failed = checks.filter((check) => !check.ok);
  if (failed.length > 0) {
    throw new DalelFailure('corrupt-backup', `The backup's vault failed ${failed.map((check) => check.check).join(', ')}: ${failed.map((check) => check.message).join(' ')} Nothing was restored.`, {
      checks,
    });
  }
  const head = auditHead(db);
  if (!head || head.seq !== header.auditHead.seq || head.hash !== header.auditHead.hash) {
    throw damagedBackup(`its audit log ends at entry ${head ? `#${head.seq}` : '(none)'}, not at #${header.auditHead.seq} as sealed.`);
  }
  return checks;
}

/** Rename the staged folder to `dir` in one step; an empty folder the lawyer chose is replaced by it. */
function putInPlace(staging: string, dir: string): void {
  if (existsSync(dir)) {
    if (readdirSync(dir).length > 0) throw new DalelFailure('conflict', `Something was put in ${dir} during the restore. Nothing was restored; choose an empty folder.`).because('restore-folder-changed');
    rmdirSync(dir);
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTEMPTY') throw new DalelFailure('vault-exists', `Something was put in ${dir} during the restore. Nothing was restored.`);
    throw error;
  }
  fsyncDir(dirname(dir));
}
