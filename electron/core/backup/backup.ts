import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { auditHead } from '../audit/auditLog';
import { checkTarget } from '../bundle/exportTargets';
import { DalelFailure, failureFrom } from '../errors';
import { StagedFile, fsyncDir } from '../fsAtomic';
import { openEncryptedDatabase, type VaultDatabase } from '../vault/database';
import { readHeader } from '../vault/header';
import type { Vault } from '../vault/vault';
import { DATABASE_FILE } from '../vault/vaultFiles';
import { backupMac, BACKUP_FORMAT, BACKUP_VERSION, headerBytes, type BackupHeader } from './backupFile';

/** Bytes copied per read: 4 MiB keeps memory flat for a vault of any size and progress frequent. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A checkpoint that finds the WAL busy is tried again this often before the backup gives up. */
const CHECKPOINT_ATTEMPTS = 20;

export interface BackupProgress {
  phase: 'checking' | 'copying' | 'verifying';
  done: number;
  total: number;
}

export interface BackupOptions {
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  /** when the backup is made (tests, the scheduler); the clock otherwise */
  now?: Date;
  /** bytes per read (tests copy page by page, so writes can land between reads) */
  chunkBytes?: number;
}

export interface BackupReport {
  file: string;
  bytes: number;
  /** SHA-256 of the whole backup file, as written and read back */
  sha256: string;
  createdAt: string;
  auditHead: { seq: number; hash: string };
  documents: number;
}

/**
 * Back the open vault up into one encrypted file (backupFile.ts), while it stays open and in use.
 *
 * Consistency: the WAL is folded into vault.db, then a second, read-only connection opens a read
 * transaction. SQLite gives that reader the database file itself (the WAL is empty), and while it reads
 * there no checkpoint may write into the file (a checkpointer needs WAL read-lock 0, which the reader
 * holds): imports and tagging go on in the WAL meanwhile, and the file's bytes stay those of one
 * committed state. The copy is checked before it counts: `quick_check` and the audit head on the
 * snapshot, then the written file read back from the target disk and hashed (a USB stick that drops
 * writes is caught here, not at restore time).
 *
 * The file appears under its name only when complete (StagedFile): a killed backup leaves a temp file
 * that the next backup to the same folder removes. An existing file is never replaced. A backup is an
 * audit entry, and the anchor moves with it.
 */
export async function backupVault(vault: Vault, targetInput: string, options: BackupOptions = {}): Promise<BackupReport> {
  const target = checkTarget(targetInput, 'backup', { vaultDir: vault.dir, overwrite: false });
  const now = options.now ?? new Date();
  const vaultHeader = readHeader(vault.dir);
  const report = await vault.withDataKey(async (dataKey) => {
    foldWal(vault);
    const snapshot = openEncryptedDatabase(join(vault.dir, DATABASE_FILE), dataKey, { create: false, readOnly: true });
    let staged: StagedFile | null = null;
    try {
      // The read transaction starts at its first read, so read at once: the snapshot is the folded state.
      snapshot.exec('BEGIN');
      snapshot.prepare('SELECT count(*) FROM sqlite_master').get();
      const facts = snapshotFacts(snapshot, options);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        vaultHeader,
        database: { bytes: facts.bytes, pageSize: 4096 },
        auditHead: facts.head,
        documents: facts.documents,
      };
      const prefix = headerBytes(header);
      staged = await StagedFile.open(target);
      const databaseSha = await copyDatabase(join(vault.dir, DATABASE_FILE), staged, prefix, facts.bytes, options);
      await staged.handle.write(databaseSha);
      await staged.handle.write(backupMac(dataKey, prefix, databaseSha));
      snapshot.exec('COMMIT');
      await staged.finish();
      const fileSha = await readBack(staged.temp, prefix.length + facts.bytes + 64, databaseSha, prefix.length, options);
      staged.commit(false);
      fsyncDir(dirname(target));
      return { file: target, bytes: prefix.length + facts.bytes + 64, sha256: fileSha, createdAt: header.createdAt, auditHead: facts.head, documents: facts.documents };
    } catch (error) {
      await staged?.discard();
      throw failureFrom(error) ?? error;
    } finally {
      if (snapshot.inTransaction) snapshot.exec('ROLLBACK');
      snapshot.close();
    }
  });
  vault.auditWhenPossible({
    action: 'vault.backed-up',
    subject: null,
    details: { file: basename(report.file), bytes: report.bytes, sha256: report.sha256, head: `${report.auditHead.seq}:${report.auditHead.hash}` },
  });
  vault.anchor();
  return report;
}

/** Fold the WAL into vault.db so the snapshot reader reads the file alone (see backupVault). */
function foldWal(vault: Vault): void {
  if (vault.readOnly) return; // at rest in rollback-journal mode: the file is the whole database
  for (let attempt = 0; attempt < CHECKPOINT_ATTEMPTS; attempt += 1) {
    const [result] = vault.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    if (!result || (result.busy === 0 && result.log <= 0)) return;
  }
  throw new DalelFailure('vault-in-use', 'The vault is too busy to be backed up right now (its journal could not be folded in). Try again in a moment.').because('backup-busy');
}

function snapshotFacts(snapshot: VaultDatabase, options: BackupOptions): { bytes: number; head: { seq: number; hash: string }; documents: number } {
  options.onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const problems = (snapshot.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check).filter((text) => text !== 'ok');
  if (problems.length > 0) {
    throw new DalelFailure('corrupt-vault', 'The vault is damaged, so no backup was made of it: run "dalel verify --deep" to see what is wrong, and keep your older backups.', {
      problems: problems.slice(0, 5),
    });
  }
  const pages = snapshot.pragma('page_count', { simple: true }) as number;
  const head = auditHead(snapshot);
  if (!head) throw new DalelFailure('corrupt-vault', 'The vault has no audit log head, so no backup was made of it.');
  const documents = (snapshot.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  options.onProgress?.({ phase: 'checking', done: 1, total: 1 });
  return { bytes: pages * 4096, head, documents };
}

/** Copy the database's first `bytes` bytes after `prefix` into the staged file; the database's SHA-256. */
async function copyDatabase(file: string, staged: StagedFile, prefix: Buffer, bytes: number, options: BackupOptions): Promise<Buffer> {
  await staged.handle.write(prefix);
  const source = await open(file, 'r');
  const hash = createHash('sha256');
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const buffer = Buffer.alloc(chunkBytes);
  try {
    for (let done = 0; done < bytes; ) {
      if (options.signal?.aborted) throw new DalelFailure('cancelled', 'The backup was stopped; nothing was kept.');
      const { bytesRead } = await source.read(buffer, 0, Math.min(chunkBytes, bytes - done), done);
      if (bytesRead === 0) throw new DalelFailure('corrupt-vault', 'The vault database ended sooner than its own header says, so no backup was made of it.');
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      for (let written = 0; written < bytesRead; ) written += (await staged.handle.write(chunk, written, bytesRead - written)).bytesWritten;
      done += bytesRead;
      options.onProgress?.({ phase: 'copying', done, total: bytes });
    }
  } finally {
    await source.close();
  }
  return hash.digest();
}

/**
 * Read the finished file back from the target disk: its database part must hash to what was copied.
 * Returns the SHA-256 of the whole file (recorded in the audit entry, and shown to the lawyer).
 */
async function readBack(file: string, size: number, databaseSha: Buffer, databaseOffset: number, options: BackupOptions): Promise<string> {
  const handle = await open(file, 'r');
  const whole = createHash('sha256');
  const database = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  const databaseEnd = size - 64;
  try {
    for (let done = 0; done < size; ) {
      if (options.signal?.aborted) throw new DalelFailure('cancelled', 'The backup was stopped; nothing was kept.');
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK_BYTES, size - done), done);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      whole.update(chunk);
      const from = Math.max(done, databaseOffset);
      const to = Math.min(done + bytesRead, databaseEnd);
      if (to > from) database.update(chunk.subarray(from - done, to - done));
      done += bytesRead;
      options.onProgress?.({ phase: 'verifying', done, total: size });
    }
  } finally {
    await handle.close();
  }
  if (!database.digest().equals(databaseSha)) {
    throw new DalelFailure('corrupt-backup', 'The backup read back from the disk differs from what was written to it (a failing disk or USB drive?). No backup was kept; try another drive.');
  }
  return whole.digest('hex');
}
