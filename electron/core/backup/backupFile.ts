import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DalelFailure } from '../errors';

/**
 * The backup file (`*.dalelbackup`): one file holding a vault's header and its database exactly as they
 * are on disk — the database pages still encrypted under the vault's data key, the data key still
 * wrapped by the passphrase and the recovery code. Nothing in it is readable without one of the two, so
 * a backup is never an unkeyed copy, and it can sit on a USB drive that gets lost.
 *
 *   "DALELBK1"                       8 bytes, the magic
 *   header length                    4 bytes, big-endian
 *   header                           UTF-8 JSON (BackupHeader below)
 *   database                         `database.bytes` bytes: vault.db as of one committed transaction
 *   SHA-256 of the database bytes    32 bytes
 *   HMAC-SHA256                      32 bytes, over everything before it, keyed from the data key (HKDF)
 *
 * The HMAC makes the clear parts (when it was made, the audit head it holds) trustworthy once the key is
 * unwrapped: nobody without the passphrase can alter them unseen. The pages carry their own HMAC too
 * (SQLCipher), which `restore` checks page by page before it opens anything.
 */
export const BACKUP_MAGIC = Buffer.from('DALELBK1', 'latin1');
export const BACKUP_EXTENSION = '.dalelbackup';
export const BACKUP_FORMAT = 'dalel-backup';
export const BACKUP_VERSION = 1;
/** A header is a few KiB (two key slots); anything near this is not one of ours. */
export const MAX_HEADER_BYTES = 256 * 1024;
export const TRAILER_BYTES = 64;

const headRef = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export const BackupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string().datetime(),
    /** dalel-vault.json as it was when the backup was made (validated again by header.ts on restore) */
    vaultHeader: z.unknown(),
    database: z.object({ bytes: z.number().int().min(4096).max(Number.MAX_SAFE_INTEGER), pageSize: z.literal(4096) }).strict(),
    /** the audit head the database holds: the restored vault must reach exactly this entry */
    auditHead: headRef,
    documents: z.number().int().min(0),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** The bytes before the database: magic, length, header. */
export function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json]);
}

/** The MAC key: a key of its own derived from the data key, never the data key itself. */
function macKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(BACKUP_FORMAT), Buffer.from('backup file v1'), 32));
}

export function backupMac(dataKey: Buffer, prefix: Buffer, databaseSha: Buffer): Buffer {
  const key = macKey(dataKey);
  try {
    return createHmac('sha256', key).update(prefix).update(databaseSha).digest();
  } finally {
    key.fill(0);
  }
}

export function macMatches(dataKey: Buffer, prefix: Buffer, databaseSha: Buffer, mac: Buffer): boolean {
  const expected = backupMac(dataKey, prefix, databaseSha);
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}

export function damagedBackup(why: string, details?: unknown): DalelFailure {
  return new DalelFailure('corrupt-backup', `The backup file is damaged or is not a Dalel backup: ${why} Nothing was restored.`, details);
}

/**
 * Parse the start of a backup file: the header and where the database starts. `start` holds at least
 * the first bytes of the file (more than MAX_HEADER_BYTES + 12, or the whole file when it is shorter).
 */
export function parseBackupStart(start: Buffer, fileSize: number): { header: BackupHeader; prefix: Buffer; databaseOffset: number } {
  if (start.length < BACKUP_MAGIC.length + 4 || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
    throw damagedBackup('it does not start like one.');
  }
  const length = start.readUInt32BE(BACKUP_MAGIC.length);
  const databaseOffset = BACKUP_MAGIC.length + 4 + length;
  if (length === 0 || length > MAX_HEADER_BYTES || databaseOffset > start.length) throw damagedBackup('its header is cut short or too long.');
  let json: unknown;
  try {
    json = JSON.parse(start.subarray(BACKUP_MAGIC.length + 4, databaseOffset).toString('utf8'));
  } catch {
    throw damagedBackup('its header is not readable.');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new DalelFailure('corrupt-backup', `This backup was made by a newer version of Dalel (backup version ${version}). Update Dalel to restore it.`);
  }
  const parsed = BackupHeaderSchema.safeParse(json);
  if (!parsed.success) throw damagedBackup('its header is not a Dalel backup header.', { issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
  const header = parsed.data;
  if (header.database.bytes % header.database.pageSize !== 0) throw damagedBackup('its database is not a whole number of pages.');
  if (databaseOffset + header.database.bytes + TRAILER_BYTES !== fileSize) {
    throw damagedBackup(`it is ${fileSize} bytes long where its header promises ${databaseOffset + header.database.bytes + TRAILER_BYTES} (cut short, or something was appended).`);
  }
  return { header, prefix: start.subarray(0, databaseOffset), databaseOffset };
}
