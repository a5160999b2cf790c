import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DalelFailure } from '../errors';
import { writeFileAtomic } from '../fsAtomic';
import { SALT_BYTES, checkKdfParams, type Argon2idParams } from './kdf';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, type WrappedKey } from './keyWrap';
import { DATABASE_FILE, HEADER_FILE, NEXT_SUFFIX } from './vaultFiles';

/**
 * The vault header (`dalel-vault.json`): format version, cipher settings, and one key slot per way of
 * unlocking (passphrase, recovery code). Each slot holds its own Argon2id salt and parameters and the
 * vault's data key wrapped with AES-256-GCM. Nothing in it is secret on its own.
 */
export { DATABASE_FILE, HEADER_FILE };
export const HEADER_FORMAT = 'dalel-vault';
export const HEADER_VERSION = 1;
/** Header versions this Dalel reads. Anything else (0, -7, a newer one) is refused before any derivation. */
const KNOWN_VERSIONS: readonly number[] = [HEADER_VERSION];

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
/**
 * Base64 of exactly (or at least) so many bytes. Exact GCM tag and nonce lengths matter: Node accepts a
 * tag cut to 4 bytes, and a 4-byte tag is forged in 2^32 tries (issue 12: such a header still unlocked).
 */
const bytes = (length: number, how: 'exactly' | 'at least' = 'exactly') =>
  base64.refine((value) => (how === 'exactly' ? Buffer.from(value, 'base64').length === length : Buffer.from(value, 'base64').length >= length), {
    message: `must be ${how} ${length} bytes`,
  });

const SlotSchema = z
  .object({
    kind: z.enum(['passphrase', 'recovery-code']),
    kdf: z
      .object({
        name: z.literal('argon2id'),
        memoryKiB: z.number().int(),
        iterations: z.number().int(),
        parallelism: z.number().int(),
        // The salt Dalel writes is 16 bytes; less would let one precomputation serve many vaults.
        salt: bytes(SALT_BYTES, 'at least').refine((value) => value.length <= 128, { message: 'is too long' }),
      })
      .strict(),
    wrappedKey: z
      .object({
        alg: z.literal('aes-256-gcm'),
        nonce: bytes(GCM_NONCE_BYTES),
        ciphertext: bytes(32),
        tag: bytes(GCM_TAG_BYTES),
      })
      .strict(),
  })
  .strict();

const HeaderSchema = z
  .object({
    format: z.literal(HEADER_FORMAT),
    version: z.number().int(),
    cipher: z.object({ name: z.literal('sqlcipher'), legacy: z.literal(4) }).strict(),
    database: z.literal(DATABASE_FILE),
    // One slot per way of unlocking: a second passphrase slot would be a second, unseen way in.
    slots: z
      .array(SlotSchema)
      .min(1)
      .max(8)
      .refine((slots) => new Set(slots.map((slot) => slot.kind)).size === slots.length, { message: 'has two slots of one kind' }),
  })
  .strict();

export type KeySlot = z.infer<typeof SlotSchema>;
export type VaultHeader = z.infer<typeof HeaderSchema>;
export type SlotKind = KeySlot['kind'];

export function slotParams(slot: KeySlot): Argon2idParams {
  const { name, memoryKiB, iterations, parallelism } = slot.kdf;
  return { name, memoryKiB, iterations, parallelism };
}

/** Associated data for the slot's key wrap: binds the slot kind and its KDF parameters. */
export function slotAad(kind: SlotKind, kdf: KeySlot['kdf']): Buffer {
  return Buffer.from(
    JSON.stringify([HEADER_FORMAT, HEADER_VERSION, kind, kdf.name, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]),
    'utf8',
  );
}

export function makeSlot(kind: SlotKind, kdf: KeySlot['kdf'], wrappedKey: WrappedKey): KeySlot {
  return { kind, kdf, wrappedKey };
}

export function headerPath(vaultDir: string): string {
  return join(vaultDir, HEADER_FILE);
}

export function hasHeader(vaultDir: string): boolean {
  return existsSync(headerPath(vaultDir));
}

/** The header a key rotation prepared (keyRotation.ts), or null when there is none. */
export function pendingHeaderPath(vaultDir: string): string {
  return `${headerPath(vaultDir)}${NEXT_SUFFIX}`;
}

export function readHeader(vaultDir: string, file: string = headerPath(vaultDir)): VaultHeader {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DalelFailure('vault-not-found', `There is no Dalel vault in ${vaultDir}.`);
    }
    throw new DalelFailure('corrupt-vault', `The vault header in ${vaultDir} could not be read.`, {
      cause: (error as Error).message,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DalelFailure('corrupt-vault', 'The vault header is damaged (it is not valid JSON), so the vault was not opened.');
  }
  return parseHeader(json);
}

/** Validate a header already parsed from JSON (a vault's own, or the one a backup carries). */
export function parseHeader(json: unknown): VaultHeader {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > HEADER_VERSION) {
    throw new DalelFailure(
      'corrupt-vault',
      `This vault was made by a newer version of Dalel (header version ${version}). Update Dalel to open it.`,
    );
  }
  if (!KNOWN_VERSIONS.includes(version as number)) {
    throw new DalelFailure('corrupt-vault', `The vault header has an unknown version (${String(version)}), so the vault was not opened. The header may have been tampered with.`);
  }
  const parsed = HeaderSchema.safeParse(json);
  if (!parsed.success) {
    throw new DalelFailure('corrupt-vault', 'The vault header is damaged or not a Dalel vault header, so the vault was not opened.', {
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  const header = parsed.data;
  for (const slot of header.slots) checkKdfParams(slotParams(slot));
  return header;
}

/** Replace the header atomically (see fsAtomic): a crash leaves the old header or the new one. */
export function writeHeader(vaultDir: string, header: VaultHeader, file: string = headerPath(vaultDir)): void {
  const validated = HeaderSchema.parse(header);
  writeFileAtomic(file, `${JSON.stringify(validated, null, 2)}\n`);
}

/** Whether two slots are the same slot (the same wrapped key under the same salt). */
export function sameSlot(a: KeySlot, b: KeySlot): boolean {
  return a.kind === b.kind && a.kdf.salt === b.kdf.salt && a.wrappedKey.ciphertext === b.wrappedKey.ciphertext && a.wrappedKey.tag === b.wrappedKey.tag;
}
