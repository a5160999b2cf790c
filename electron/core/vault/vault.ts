import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase';
import type { AuditVerification } from '../../../shared/ipc/contract';
import { appendAudit, verifyAudit, type AuditEntryInput } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import { openEncryptedDatabase, type VaultDatabase } from './database';
import {
  DATABASE_FILE,
  HEADER_FORMAT,
  HEADER_VERSION,
  hasHeader,
  makeSlot,
  readHeader,
  slotAad,
  slotParams,
  writeHeader,
  type KeySlot,
  type SlotKind,
  type VaultHeader,
} from './header';
import { DEFAULT_KDF, KEY_BYTES, SALT_BYTES, checkKdfParams, deriveKey, type Argon2idParams } from './kdf';
import { unwrapKey, wrapKey } from './keyWrap';
import { migrate } from './migrations';
import { generateRecoveryCode, normalizeRecoveryCode } from './recoveryCode';

export type UnlockSecret = { passphrase: string } | { recoveryCode: string };

export interface VaultOptions {
  /** Argon2id parameters for new key slots (validated against the floor). */
  kdf?: Argon2idParams;
  clock?: () => Date;
}

/**
 * An unlocked vault: the open encrypted database and the data key, held until `lock()`.
 * Services that need the database take it from here.
 */
export class Vault {
  private database: VaultDatabase | null;
  private dataKey: Buffer | null;

  constructor(
    readonly dir: string,
    database: VaultDatabase,
    dataKey: Buffer,
    private readonly clock: () => Date,
    private readonly kdf: Argon2idParams,
  ) {
    this.database = database;
    this.dataKey = dataKey;
  }

  get isOpen(): boolean {
    return this.database !== null;
  }

  get db(): VaultDatabase {
    if (!this.database) throw new DalelFailure('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.database;
  }

  audit(entry: AuditEntryInput): void {
    appendAudit(this.db, entry, this.clock());
  }

  verify(): AuditVerification {
    return verifyAudit(this.db);
  }

  /**
   * Re-wrap the data key under a new passphrase. The database is not re-encrypted; only the header's
   * passphrase slot changes, atomically. The current passphrase — or the recovery code, for someone who
   * forgot the passphrase and unlocked with the code — is required even though the vault is open, so
   * that an unattended unlocked laptop is not enough to take the vault over.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    checkPassphrase(next);
    const header = readHeader(this.dir);
    if (!(await this.proves(header, current))) {
      throw new DalelFailure('wrong-passphrase', 'That is neither the current passphrase nor the recovery code.');
    }
    const replacement = await sealSlot('passphrase', next, this.liveKey(), this.kdf);
    const slots = [replacement, ...header.slots.filter((candidate) => candidate.kind !== 'passphrase')];
    writeHeader(this.dir, { ...header, slots });
    this.audit({ action: 'vault.passphrase-changed', subject: null, details: {} });
  }

  /** Whether `secret` opens the passphrase slot, or (normalised) the recovery-code slot. */
  private async proves(header: VaultHeader, secret: string): Promise<boolean> {
    const attempts: Array<[SlotKind, string | null]> = [
      ['passphrase', secret],
      ['recovery-code', normalizeRecoveryCode(secret)],
    ];
    for (const [kind, material] of attempts) {
      const slot = header.slots.find((candidate) => candidate.kind === kind);
      if (!slot || material === null) continue;
      const key = await openSlot(slot, material);
      if (key) {
        key.fill(0);
        return true;
      }
    }
    return false;
  }

  /** Close the database and zero-fill the key. Safe to call twice. */
  lock(): void {
    if (this.database) {
      this.database.close();
      this.database = null;
    }
    if (this.dataKey) {
      this.dataKey.fill(0);
      this.dataKey = null;
    }
  }

  private liveKey(): Buffer {
    if (!this.dataKey) throw new DalelFailure('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.dataKey;
  }
}

export function checkPassphrase(passphrase: string): void {
  const length = [...passphrase.normalize('NFC')].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new DalelFailure(
      'validation',
      `The passphrase is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`,
    );
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) {
    throw new DalelFailure('validation', `The passphrase is too long (more than ${MAX_PASSPHRASE_LENGTH} characters).`);
  }
}

/**
 * Create a vault in `dir` (which must be missing or empty). Returns the unlocked vault and the recovery
 * code, which is shown once and never stored in clear.
 */
export async function createVault(
  dirInput: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<{ vault: Vault; recoveryCode: string }> {
  const dir = resolve(dirInput);
  const kdf = options.kdf ?? DEFAULT_KDF;
  const clock = options.clock ?? (() => new Date());
  checkKdfParams(kdf);
  checkPassphrase(passphrase);
  prepareEmptyFolder(dir);

  const dataKey = randomBytes(KEY_BYTES);
  const recoveryCode = generateRecoveryCode();
  let db: VaultDatabase | null = null;
  try {
    const slots: KeySlot[] = [
      await sealSlot('passphrase', passphrase, dataKey, kdf),
      await sealSlot('recovery-code', normalizeRecoveryCode(recoveryCode)!, dataKey, kdf),
    ];
    db = openEncryptedDatabase(join(dir, DATABASE_FILE), dataKey, { create: true });
    migrate(db);
    appendAudit(db, { action: 'vault.created', subject: null, details: { kdf: kdfSummary(kdf) } }, clock());
    const header: VaultHeader = {
      format: HEADER_FORMAT,
      version: HEADER_VERSION,
      cipher: { name: 'sqlcipher', legacy: 4 },
      database: DATABASE_FILE,
      slots,
    };
    // The header is written last: a folder with a header is a complete vault.
    writeHeader(dir, header);
    return { vault: new Vault(dir, db, dataKey, clock, kdf), recoveryCode };
  } catch (error) {
    db?.close();
    dataKey.fill(0);
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });
    throw error;
  }
}

/**
 * Unlock with the passphrase or the recovery code. A wrong secret fails on the key wrap, before the
 * database is touched, so a failed attempt changes no file in the vault folder.
 */
export async function unlockVault(dirInput: string, secret: UnlockSecret, options: VaultOptions = {}): Promise<Vault> {
  const dir = resolve(dirInput);
  const clock = options.clock ?? (() => new Date());
  const header = readHeader(dir);
  const kind: SlotKind = 'passphrase' in secret ? 'passphrase' : 'recovery-code';
  const slot = header.slots.find((candidate) => candidate.kind === kind);
  if (!slot) {
    throw new DalelFailure('corrupt-vault', `This vault has no ${kind === 'passphrase' ? 'passphrase' : 'recovery code'} slot.`);
  }

  let material: string | null;
  if ('passphrase' in secret) {
    material = secret.passphrase;
  } else {
    material = normalizeRecoveryCode(secret.recoveryCode);
    if (material === null) {
      throw new DalelFailure('wrong-passphrase', 'That is not a valid recovery code. It has 32 letters and digits in groups of four.');
    }
  }
  const dataKey = await openSlot(slot, material);
  if (!dataKey) {
    throw new DalelFailure(
      'wrong-passphrase',
      kind === 'passphrase' ? 'The passphrase is not correct.' : 'The recovery code is not correct.',
    );
  }
  let db: VaultDatabase;
  try {
    db = openEncryptedDatabase(join(dir, header.database), dataKey, { create: false });
    migrate(db);
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
  const vault = new Vault(dir, db, dataKey, clock, options.kdf ?? DEFAULT_KDF);
  vault.audit({ action: 'vault.unlocked', subject: null, details: { with: kind } });
  return vault;
}

async function sealSlot(kind: SlotKind, secret: string, dataKey: Buffer, params: Argon2idParams): Promise<KeySlot> {
  const salt = randomBytes(SALT_BYTES);
  const kdf = { ...params, salt: salt.toString('base64') };
  const kek = await deriveKey(secret, salt, params);
  try {
    return makeSlot(kind, kdf, wrapKey(kek, dataKey, slotAad(kind, kdf)));
  } finally {
    kek.fill(0);
  }
}

async function openSlot(slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, Buffer.from(slot.kdf.salt, 'base64'), slotParams(slot));
  try {
    return unwrapKey(kek, slot.wrappedKey, slotAad(slot.kind, slot.kdf));
  } finally {
    kek.fill(0);
  }
}

function prepareEmptyFolder(dir: string): void {
  if (hasHeader(dir)) throw new DalelFailure('vault-exists', `There is already a Dalel vault in ${dir}.`);
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      throw new DalelFailure('validation', `${dir} is a file, not a folder. Choose a folder for the vault.`);
    }
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof DalelFailure) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DalelFailure('validation', `The folder ${dir} cannot be used: ${(error as Error).message}`);
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  if (entries.length > 0) {
    throw new DalelFailure('validation', `The folder ${dir} is not empty. Choose an empty folder or a new one for the vault.`);
  }
}

function kdfSummary(kdf: Argon2idParams): string {
  return `${kdf.name} m=${kdf.memoryKiB}KiB t=${kdf.iterations} p=${kdf.parallelism}`;
}
