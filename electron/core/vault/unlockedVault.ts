import { appendAudit, auditHead, type AuditEntryInput } from '../audit/auditLog';
import { DalelFailure, failureFrom } from '../errors';
import { writeAnchor, type Rollback } from './anchor';
import { SearchIndex } from '../search/searchIndex';
import { LawRegister } from '../tagging/lawRegister';
import { closeDatabase, type VaultDatabase } from './database';
import { readHeader, writeHeader } from './header';
import type { Argon2idParams } from './kdf';
import { rotateDataKey } from './keyRotation';
import { generateRecoveryCode, normalizeRecoveryCode } from './recoveryCode';
import { checkPassphrase, proves, sealSlot } from './slots';
import { runVaultChecks, type VaultVerification } from './vaultChecks';
import type { VaultLock } from './vaultLock';

/**
 * How often an open vault records its latest audit head in the anchor, when it changed (besides lock,
 * export and key changes). A crash loses at most this much of the rollback window: what was committed
 * after the last anchor can be rolled back unseen. One small fsync'd file write, skipped when idle.
 */
export const ANCHOR_INTERVAL_MS = 15_000;

export interface VaultParts {
  dir: string;
  database: VaultDatabase;
  dataKey: Buffer;
  clock: () => Date;
  kdf: Argon2idParams;
  /** opened for reading only: read-only media, or asked for */
  readOnly: boolean;
  /** the one-writer lock; null for a read-only vault (nothing can be written there anyway) */
  lock: VaultLock | null;
}

/**
 * An unlocked vault: the open encrypted database and the data key, held until `lock()`, with the
 * vault's one-writer lock. Services that need the database take it from here.
 */
export class Vault {
  readonly dir: string;
  readonly readOnly: boolean;
  /** What this unlock accepted when it was opened with `acknowledgeRollback` (recorded in the audit log). */
  acknowledgedRollback: Rollback | null = null;
  private database: VaultDatabase | null;
  private index: SearchIndex | null;
  private dataKey: Buffer | null;
  private vaultLock: VaultLock | null;
  private readonly clock: () => Date;
  private readonly kdf: Argon2idParams;
  private anchoredHead: string | null = null;
  private anchorTimer: ReturnType<typeof setInterval> | null = null;
  /** Entries that could not be written (the disk was full at unlock), written before the next one. */
  private readonly deferred: Array<{ entry: AuditEntryInput; at: Date }> = [];

  constructor(parts: VaultParts) {
    this.dir = parts.dir;
    this.database = parts.database;
    this.index = new SearchIndex(parts.database, new LawRegister(parts.database));
    this.dataKey = parts.dataKey;
    this.clock = parts.clock;
    this.kdf = parts.kdf;
    this.readOnly = parts.readOnly;
    this.vaultLock = parts.lock;
    this.startAnchoring();
  }

  get isOpen(): boolean {
    return this.database !== null;
  }

  get db(): VaultDatabase {
    if (!this.database) throw new DalelFailure('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.database;
  }

  /** The page index of this vault's connection: the one owner of what search keeps in memory. */
  get searchIndex(): SearchIndex {
    if (!this.index) throw new DalelFailure('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.index;
  }

  /** The vault's law register, as its search index and its tagging cite with it. */
  get lawRegister(): LawRegister {
    return this.searchIndex.laws;
  }

  audit(entry: AuditEntryInput): void {
    this.requireWritable();
    this.flushDeferred();
    appendAudit(this.db, entry, this.clock());
  }

  /** Record `entry` now if the disk lets us, else before the next entry (unlock on a full disk). */
  auditWhenPossible(entry: AuditEntryInput): void {
    if (this.readOnly) return;
    const at = this.clock();
    try {
      this.flushDeferred();
      appendAudit(this.db, entry, at);
    } catch (error) {
      if (failureFrom(error)?.code !== 'disk-full') throw error;
      this.deferred.push({ entry: { ...entry, details: { ...entry.details, deferredFrom: at.toISOString() } }, at });
    }
  }

  private flushDeferred(): void {
    while (this.deferred.length > 0) {
      appendAudit(this.db, this.deferred[0]!.entry, this.clock());
      this.deferred.shift();
    }
  }

  /** Every check `dalel verify` runs, on the open vault (--deep adds integrity_check and the SHA-256 of every stored file). */
  verify(options: { deep?: boolean } = {}): VaultVerification {
    return runVaultChecks({ dir: this.dir, dataKey: this.liveKey(), db: this.db, deep: options.deep === true });
  }

  /**
   * Record the committed audit head in the anchor (anchor.ts) if it moved. Best effort: a full disk or a
   * transaction in progress skips it, and the next anchor (periodic, lock, export) catches up.
   */
  anchor(): void {
    if (this.readOnly || !this.database || !this.dataKey) return;
    try {
      const head = auditHead(this.database);
      const key = head ? `${head.seq}:${head.hash}` : null;
      if (key === null || key === this.anchoredHead) return;
      if (writeAnchor(this.dir, this.database, this.dataKey, this.clock())) this.anchoredHead = key;
    } catch {
      // full disk, or the database went away under a closing vault: the next anchor catches up
    }
  }

  /**
   * Re-wrap the data key under a new passphrase. The database is not re-encrypted; only the header's
   * passphrase slot changes, atomically. The current passphrase — or the recovery code, for someone who
   * forgot the passphrase and unlocked with the code — is required even though the vault is open, so
   * that an unattended unlocked laptop is not enough to take the vault over. An old copy of the header
   * still opens with the old passphrase: `rotateKey` is what makes old copies useless.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    checkPassphrase(next);
    this.requireWritable();
    const header = readHeader(this.dir);
    await this.requireProof(header, current);
    const replacement = await sealSlot('passphrase', next, this.liveKey(), this.kdf);
    const slots = [replacement, ...header.slots.filter((candidate) => candidate.kind !== 'passphrase')];
    this.writeHeaderOrFail({ ...header, slots });
    this.audit({ action: 'vault.passphrase-changed', subject: null, details: {} });
  }

  /**
   * Replace the recovery code: a new one is returned (shown once) and the old one stops opening this
   * vault. An old copy of the header still opens with the old code (the data key is the same); rotate
   * the key for that.
   */
  async regenerateRecoveryCode(current: string): Promise<{ recoveryCode: string }> {
    this.requireWritable();
    const header = readHeader(this.dir);
    await this.requireProof(header, current);
    const recoveryCode = generateRecoveryCode();
    const replacement = await sealSlot('recovery-code', normalizeRecoveryCode(recoveryCode)!, this.liveKey(), this.kdf);
    this.writeHeaderOrFail({ ...header, slots: [...header.slots.filter((candidate) => candidate.kind !== 'recovery-code'), replacement] });
    this.audit({ action: 'vault.recovery-code-replaced', subject: null, details: {} });
    this.anchor();
    return { recoveryCode };
  }

  /**
   * Re-encrypt the database under a new data key (keyRotation.ts), with `next` as the passphrase and a
   * new recovery code. Returns the vault reopened under the new key; this object is locked. The caller
   * stops the services working on the database first (VaultSession does).
   */
  async rotateKey(current: string, next: string): Promise<{ vault: Vault; recoveryCode: string }> {
    checkPassphrase(next);
    this.requireWritable();
    const header = readHeader(this.dir);
    await this.requireProof(header, current);
    this.flushDeferred();
    this.stopAnchoring();
    const outcome = await rotateDataKey({ dir: this.dir, db: this.db, dataKey: this.liveKey(), header, nextPassphrase: next, kdf: this.kdf, now: this.clock });
    this.database = null;
    this.index = null;
    if (!outcome.ok) {
      if (outcome.db) {
        // Nothing changed: carry on under the old key.
        this.database = outcome.db;
        this.index = new SearchIndex(outcome.db, new LawRegister(outcome.db));
        this.startAnchoring();
        throw outcome.error;
      }
      this.lock();
      throw outcome.committed
        ? new DalelFailure('vault-locked', 'The key was changed, but the vault could not be reopened here. Unlock it again with the new passphrase, then make a new recovery code.', {
            cause: (outcome.error as Error)?.message,
          })
        : outcome.error;
    }
    const vault = new Vault({ dir: this.dir, database: outcome.db, dataKey: outcome.dataKey, clock: this.clock, kdf: this.kdf, readOnly: false, lock: this.vaultLock });
    this.vaultLock = null; // handed over
    this.dataKey?.fill(0);
    this.dataKey = null;
    return { vault, recoveryCode: outcome.recoveryCode };
  }

  /**
   * Lend the data key to work that must encrypt or authenticate under it without going through the
   * database (a backup's MAC and snapshot connection: backup.ts). `use` gets a copy, zero-filled when it
   * settles, so a lock meanwhile (auto-lock during a long backup) cannot change the key under it.
   */
  async withDataKey<T>(use: (dataKey: Buffer) => Promise<T>): Promise<T> {
    const copy = Buffer.from(this.liveKey());
    try {
      return await use(copy);
    } finally {
      copy.fill(0);
    }
  }

  /** Close the database and zero-fill the key; the lock is released last. Safe to call twice. */
  lock(): void {
    this.stopAnchoring();
    if (this.database) {
      if (!this.readOnly) {
        try {
          this.flushDeferred();
        } catch {
          // still no space: those entries are lost with the session (the README says so)
        }
        this.anchor();
      }
      closeDatabase(this.database);
      this.database = null;
      this.index = null;
    }
    if (this.dataKey) {
      this.dataKey.fill(0);
      this.dataKey = null;
    }
    this.vaultLock?.release();
    this.vaultLock = null;
  }

  private startAnchoring(): void {
    if (this.readOnly || this.anchorTimer) return;
    this.anchorTimer = setInterval(() => this.anchor(), ANCHOR_INTERVAL_MS);
    // Never keep a CLI or test process alive just to anchor.
    this.anchorTimer.unref?.();
  }

  private stopAnchoring(): void {
    if (this.anchorTimer) clearInterval(this.anchorTimer);
    this.anchorTimer = null;
  }

  private async requireProof(header: ReturnType<typeof readHeader>, current: string): Promise<void> {
    if (!(await proves(header, current))) {
      throw new DalelFailure('wrong-passphrase', 'That is neither the current passphrase nor the recovery code.');
    }
  }

  private writeHeaderOrFail(header: ReturnType<typeof readHeader>): void {
    try {
      writeHeader(this.dir, header);
    } catch (error) {
      throw failureFrom(error) ?? error;
    }
  }

  private requireWritable(): void {
    if (this.readOnly) {
      throw new DalelFailure('read-only', 'This vault is open for reading only (it is on a disk Dalel may not write to), so it cannot be changed.');
    }
  }

  private liveKey(): Buffer {
    if (!this.dataKey) throw new DalelFailure('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.dataKey;
  }
}
