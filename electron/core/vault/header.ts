import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DalelFailure } from '../errors';
import { writeFileAtomic } from '../fsAtomic';
import { checkKdfParams, type Argon2idParams } from './kdf';
import type { WrappedKey } from './keyWrap';

/**
 * The vault header (`dalel-vault.json`): format version, cipher settings, and one key slot per way of
 * unlocking (passphrase, recovery code). Each slot holds its own Argon2id salt and parameters and the
 * vault's data key wrapped with AES-256-GCM. Nothing in it is secret on its own.
 */
export const HEADER_FILE = 'dalel-vault.json';
export const DATABASE_FILE = 'vault.db';
export const HEADER_FORMAT = 'dalel-vault';
export const HEADER_VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const SlotSchema = z
  .object({
    kind: z.enum(['passphrase', 'recovery-code']),
    kdf: z
      .object({
        name: z.literal('argon2id'),
        memoryKiB: z.number().int(),
        iterations: z.number().int(),
        parallelism: z.number().int(),
        salt: base64,
      })
      .strict(),
    wrappedKey: z
      .object({ alg: z.literal('aes-256-gcm'), nonce: base64, ciphertext: base64, tag: base64 })
      .strict(),
  })
  .strict();

const HeaderSchema = z
  .object({
    format: z.literal(HEADER_FORMAT),
    version: z.number().int(),
    cipher: z.object({ name: z.literal('sqlcipher'), legacy: z.literal(4) }).strict(),
    database: z.literal(DATABASE_FILE),
    slots: z.array(SlotSchema).min(1).max(8),
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

export function readHeader(vaultDir: string): VaultHeader {
  const file = headerPath(vaultDir);
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
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > HEADER_VERSION) {
    throw new DalelFailure(
      'corrupt-vault',
      `This vault was made by a newer version of Dalel (header version ${version}). Update Dalel to open it.`,
    );
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
export function writeHeader(vaultDir: string, header: VaultHeader): void {
  const validated = HeaderSchema.parse(header);
  writeFileAtomic(headerPath(vaultDir), `${JSON.stringify(validated, null, 2)}\n`);
}
