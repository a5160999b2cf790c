import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appendAudit } from '../audit/auditLog';
import { DalelFailure, failureFrom } from '../errors';
import { anchorPath, checkAnchor, describeRollback, rollbackReason } from './anchor';
import { openEncryptedDatabase, type VaultDatabase } from './database';
import {
  DATABASE_FILE,
  HEADER_FORMAT,
  HEADER_VERSION,
  hasHeader,
  pendingHeaderPath,
  readHeader,
  sameSlot,
  writeHeader,
  type KeySlot,
  type SlotKind,
  type VaultHeader,
} from './header';
import { DEFAULT_KDF, KEY_BYTES, checkKdfParams, type Argon2idParams } from './kdf';
import { DATABASE_NEXT, pendingAnchorPath, settlePendingRotation } from './keyRotation';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations';
import { generateRecoveryCode, normalizeRecoveryCode } from './recoveryCode';
import { checkPassphrase, openSlot, sealSlot, slotMaterial, type UnlockSecret } from './slots';
import { Vault } from './unlockedVault';
import { runVaultChecks, type VaultVerification } from './vaultChecks';
import { canWriteVault, removeStaleTemps, tightenModes } from './vaultFiles';
import { acquireVaultLock, defaultProgram, type VaultLock } from './vaultLock';

export { Vault, checkPassphrase, type UnlockSecret };

export interface VaultOptions {
  /** Argon2id parameters for new key slots (validated against the floor). */
  kdf?: Argon2idParams;
  clock?: () => Date;
  /** What the lock's owner note calls this program ("dalel", "Dalel"); see vaultLock.ts. */
  program?: string;
  /** Open for reading only even where writing is possible: nothing is written and no lock is taken. */
  readOnly?: boolean;
  /**
   * Accept a database older than the vault's anchor — after restoring an older copy on purpose. The
   * acceptance is an audit entry naming both heads, and the vault is anchored at its new head.
   */
  acknowledgeRollback?: boolean;
}

/**
 * Create a vault in `dir` (which must be missing or empty). Returns the unlocked vault and the recovery
 * code, which is shown once and never stored in clear. `initialise` writes into the new database before
 * the header makes the folder a vault (the demo vault's mark), so a crash never leaves a vault without it.
 */
export async function createVault(
  dirInput: string,
  passphrase: string,
  options: VaultOptions & { initialise?: (db: VaultDatabase, now: Date) => void } = {},
): Promise<{ vault: Vault; recoveryCode: string }> {
  const dir = resolve(dirInput);
  const kdf = options.kdf ?? DEFAULT_KDF;
  const clock = options.clock ?? (() => new Date());
  checkKdfParams(kdf);
  checkPassphrase(passphrase);
  prepareEmptyFolder(dir);

  let lock: VaultLock | null = null;
  const dataKey = randomBytes(KEY_BYTES);
  const recoveryCode = generateRecoveryCode();
  let db: VaultDatabase | null = null;
  try {
    lock = acquireVaultLock(dir, options.program);
    const slots: KeySlot[] = [
      await sealSlot('passphrase', passphrase, dataKey, kdf),
      await sealSlot('recovery-code', normalizeRecoveryCode(recoveryCode)!, dataKey, kdf),
    ];
    db = openEncryptedDatabase(join(dir, DATABASE_FILE), dataKey, { create: true });
    migrate(db);
    appendAudit(db, { action: 'vault.created', subject: null, details: { kdf: kdfSummary(kdf) } }, clock());
    options.initialise?.(db, clock());
    const header: VaultHeader = {
      format: HEADER_FORMAT,
      version: HEADER_VERSION,
      cipher: { name: 'sqlcipher', legacy: 4 },
      database: DATABASE_FILE,
      slots,
    };
    // The header is written last: a folder with a header is a complete vault.
    writeHeader(dir, header);
    const vault = new Vault({ dir, database: db, dataKey, clock, kdf, readOnly: false, lock });
    vault.anchor();
    return { vault, recoveryCode };
  } catch (error) {
    db?.close();
    dataKey.fill(0);
    lock?.release();
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });
    throw failureFrom(error) ?? error;
  }
}

/**
 * Unlock with the passphrase or the recovery code. A wrong secret fails on the key wrap, before the
 * database is touched, so a failed attempt changes no file in the vault folder. Then, in order: the
 * one-writer lock (`vault-in-use`), a key rotation a crash interrupted is settled, the database is opened
 * (a missing, empty or cut-short one is `corrupt-vault`), compared with the anchor (`vault-rolled-back`),
 * migrated, and the unlock recorded. On read-only media nothing is written: no lock, no migration, no
 * audit entry (see README, "Read-only copies").
 */
export async function unlockVault(dirInput: string, secret: UnlockSecret, options: VaultOptions = {}): Promise<Vault> {
  const dir = resolve(dirInput);
  const clock = options.clock ?? (() => new Date());
  const opened = await openVaultKey(dir, secret, options);
  let db: VaultDatabase | null = null;
  let vault: Vault | null = null;
  try {
    db = openEncryptedDatabase(join(dir, DATABASE_FILE), opened.dataKey, { create: false, readOnly: opened.readOnly });
    if (opened.readOnly) checkReadableSchema(db);
    const rollback = checkAnchor(dir, db, opened.dataKey, opened.anchorFile);
    if (rollback && !(options.acknowledgeRollback && !opened.readOnly)) {
      const { reason, params } = rollbackReason(rollback);
      throw new DalelFailure('vault-rolled-back', `${describeRollback(rollback)} The vault was not opened. If you put an older copy back on purpose, acknowledge the restore ("dalel acknowledge-restore").`, rollback).because(reason, params);
    }
    if (!opened.readOnly) migrate(db);
    vault = new Vault({ dir, database: db, dataKey: opened.dataKey, clock, kdf: options.kdf ?? DEFAULT_KDF, readOnly: opened.readOnly, lock: opened.lock });
    if (rollback) {
      const ref = (head: { seq: number; hash: string } | null) => (head ? `${head.seq}:${head.hash}` : null);
      vault.audit({ action: 'vault.rollback-acknowledged', subject: null, details: { reason: rollback.reason, anchored: ref(rollback.anchored), found: ref(rollback.found) } });
      vault.acknowledgedRollback = rollback;
    }
    vault.auditWhenPossible({ action: 'vault.unlocked', subject: null, details: { with: opened.kind } });
    vault.anchor();
    return vault;
  } catch (error) {
    if (vault) vault.lock();
    else {
      db?.close();
      opened.dataKey.fill(0);
      opened.lock?.release();
    }
    throw failureFrom(error) ?? error;
  }
}

/**
 * `dalel verify`: every check of vaultChecks.ts on a vault that is not open, reading only — the database
 * is opened read-only, nothing is recorded, and a database too damaged to open still gets its pages
 * checked. Holds the vault lock meanwhile, so nothing writes while it reads.
 */
export async function verifyVaultAt(dirInput: string, secret: UnlockSecret, options: VaultOptions & { deep?: boolean } = {}): Promise<VaultVerification> {
  const dir = resolve(dirInput);
  const opened = await openVaultKey(dir, secret, options);
  let db: VaultDatabase | null = null;
  let openError: DalelFailure | undefined;
  try {
    try {
      db = openEncryptedDatabase(join(dir, DATABASE_FILE), opened.dataKey, { create: false, readOnly: true });
    } catch (error) {
      openError = failureFrom(error) ?? new DalelFailure('corrupt-vault', 'The vault database could not be opened.');
    }
    return runVaultChecks({ dir, dataKey: opened.dataKey, db, openError, deep: options.deep === true, anchorFile: opened.anchorFile });
  } finally {
    db?.close();
    opened.dataKey.fill(0);
    opened.lock?.release();
  }
}

interface OpenedKey {
  dataKey: Buffer;
  kind: SlotKind;
  readOnly: boolean;
  lock: VaultLock | null;
  /** the anchor in force (a rotation not finished on read-only media has its own) */
  anchorFile: string;
}

/**
 * The data key for `secret`, with the vault lock held and an interrupted rotation settled. The secret is
 * tried on the header and, when a rotation left one, the prepared header too (both derivations happen
 * before anything is written, so a wrong secret still changes no file); after settling, the key whose
 * slot is in the header in force is the one — exactly one of the old and the new key can be.
 */
async function openVaultKey(dir: string, secret: UnlockSecret, options: VaultOptions): Promise<OpenedKey> {
  const header = readHeader(dir);
  const pending = readPendingHeader(dir);
  const { kind, material } = slotMaterial(secret);
  const slots = [header, pending].flatMap((candidate) => candidate?.slots.filter((slot) => slot.kind === kind) ?? []);
  if (slots.length === 0) {
    throw new DalelFailure('corrupt-vault', `This vault has no ${kind === 'passphrase' ? 'passphrase' : 'recovery code'} slot.`);
  }
  const keys: Array<{ slot: KeySlot; key: Buffer }> = [];
  for (const slot of slots) {
    const key = await openSlot(slot, material);
    if (key) keys.push({ slot, key });
  }
  const wrong = () =>
    new DalelFailure('wrong-passphrase', kind === 'passphrase' ? 'The passphrase is not correct.' : 'The recovery code is not correct.');
  if (keys.length === 0) throw wrong();

  const readOnly = options.readOnly === true || !canWriteVault(dir);
  let lock: VaultLock | null = null;
  try {
    let inForce = header;
    let anchorFile = anchorPath(dir);
    if (!readOnly) {
      lock = acquireVaultLock(dir, options.program ?? defaultProgram());
      settlePendingRotation(dir);
      removeStaleTemps(dir);
      tightenModes(dir);
      inForce = readHeader(dir);
    } else if (pending && !existsSync(join(dir, DATABASE_NEXT))) {
      // Committed but not finished, and nothing may be written here: read it as finished.
      inForce = pending;
      if (existsSync(pendingAnchorPath(dir))) anchorFile = pendingAnchorPath(dir);
    }
    const chosen = keys.find((candidate) => inForce.slots.some((slot) => sameSlot(slot, candidate.slot)));
    for (const candidate of keys) if (candidate !== chosen) candidate.key.fill(0);
    if (!chosen) throw wrong();
    return { dataKey: chosen.key, kind, readOnly, lock, anchorFile };
  } catch (error) {
    for (const candidate of keys) candidate.key.fill(0);
    lock?.release();
    throw failureFrom(error) ?? error;
  }
}

function readPendingHeader(dir: string): VaultHeader | null {
  const file = pendingHeaderPath(dir);
  if (!existsSync(file)) return null;
  try {
    return readHeader(dir, file);
  } catch {
    return null; // a damaged prepared header is discarded when the rotation is settled
  }
}

/** Read-only media cannot be migrated: an older schema must be opened once where it can be written. */
function checkReadableSchema(db: VaultDatabase): void {
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new DalelFailure('corrupt-vault', `This vault was last opened by a newer version of Dalel (schema ${version}). Update Dalel to open it.`);
  }
  if (version < LATEST_SCHEMA_VERSION) {
    throw new DalelFailure('read-only', 'This vault was made by an older version of Dalel and must be updated once, which cannot happen on a read-only disk. Copy it to a writable disk and open it there.');
  }
}

function prepareEmptyFolder(dir: string): void {
  if (hasHeader(dir)) throw new DalelFailure('vault-exists', `There is already a Dalel vault in ${dir}.`);
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      throw new DalelFailure('validation', `${dir} is a file, not a folder. Choose a folder for the vault.`).because('folder-is-file');
    }
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof DalelFailure) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DalelFailure('validation', `The folder ${dir} cannot be used: ${(error as Error).message}`).because('folder-unusable');
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  if (entries.length > 0) {
    throw new DalelFailure('validation', `The folder ${dir} is not empty. Choose an empty folder or a new one for the vault.`).because('folder-not-empty');
  }
  // An empty folder the lawyer chose becomes the vault's: only its owner may enter it.
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

function kdfSummary(kdf: Argon2idParams): string {
  return `${kdf.name} m=${kdf.memoryKiB}KiB t=${kdf.iterations} p=${kdf.parallelism}`;
}
