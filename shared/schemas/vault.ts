import { z } from 'zod';
import { ERROR_CODES } from '../ipc/errors';
import { VerifyFacts } from '../ipc/verifyFacts';
import { auditHeadRef, passphrase } from './common';

/** The vault: its status, unlocking, verification, settings, backups, restore and wipe. */

export const VaultState = z.enum(['no-vault', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const LockReason = z.enum(['user', 'idle', 'system']);
export type LockReason = z.infer<typeof LockReason>;

export const VaultStatus = z.object({
  state: VaultState,
  /** The vault folder unlocked or last used; null when no vault has been created or opened yet. */
  path: z.string().nullable(),
  /** Where a new vault is proposed by default. */
  defaultPath: z.string(),
  /** Where the demo vault of sample documents lives (beside `defaultPath`, never it). */
  demoPath: z.string(),
  /**
   * The vault at `path` is the demo vault: unlocked, it carries the demo mark (shared/domain/demo.ts);
   * locked, `path` is the demo folder. The interface shows the demo banner and the public passphrase.
   */
  demo: z.boolean(),
  /** Why the vault was last locked, when it was locked by something other than the user. */
  lockReason: LockReason.nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** A recovery code as the app shows it: 32 Crockford base32 characters in groups of four (core/vault/recoveryCode.ts). */
export const RecoveryCodeText = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){7}$/);

export const UnlockSecret = z.union([
  z.object({ passphrase }).strict(),
  z.object({ recoveryCode: z.string().min(1).max(200) }).strict(),
]);
export type UnlockSecret = z.infer<typeof UnlockSecret>;

export const AuditBreak = z.object({
  /** Sequence number of the first entry that does not verify. */
  seq: z.number().int(),
  reason: z.enum(['hash-mismatch', 'chain-broken', 'missing', 'head-mismatch']),
});
export type AuditBreak = z.infer<typeof AuditBreak>;

/** One check of a vault verification (electron/core/vault/vaultChecks.ts), with a code when it fails. */
export const VerifyCheck = z.object({
  check: z.enum(['pages', 'structure', 'originals', 'audit-chain', 'anchor']),
  ok: z.boolean(),
  code: z.enum(ERROR_CODES).optional(),
  /** in English, for `dalel verify` and logs; the app words `facts` instead */
  message: z.string(),
  /** what the check found, as data the renderer words in the lawyer's language (verifyFacts.ts) */
  facts: VerifyFacts.optional(),
  details: z.unknown().optional(),
});
export type VerifyCheck = z.infer<typeof VerifyCheck>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBroken: AuditBreak.nullable(),
  /** every check run, in order; `ok` is true only when all passed */
  checks: z.array(VerifyCheck).optional(),
  deep: z.boolean().optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const Settings = z.object({
  /** Lock the vault after this many minutes without activity; 0 turns auto-lock off. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  language: z.enum(['en', 'ru', 'kk']).nullable(),
  /** How days are written: the interface language's way (08.04.2021, 8 Apr 2021) or ISO (2021-04-08) in every language. */
  dateFormat: z.enum(['language', 'iso']).default('language'),
});
export type Settings = z.infer<typeof Settings>;

/** A backup just made (electron/core/backup/backup.ts). */
export const BackupReport = z.object({
  file: z.string(),
  bytes: z.number().int(),
  /** SHA-256 of the whole backup file as written and read back */
  sha256: z.string(),
  createdAt: z.string(),
  /** the audit head the backup holds: a restore reaches exactly this entry */
  auditHead: auditHeadRef,
  documents: z.number().int(),
});
export type BackupReport = z.infer<typeof BackupReport>;
/** Scheduled backups of the open vault into a chosen folder (an encrypted USB drive), keeping the last `keep`. */
export const BackupSchedule = z.object({
  /** null: no scheduled backups */
  folder: z.string().nullable(),
  everyHours: z.number().int().min(1).max(24 * 31),
  keep: z.number().int().min(1).max(100),
  last: z
    .object({
      at: z.string(),
      ok: z.boolean(),
      /** the file written, when it worked */
      file: z.string().nullable(),
      error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
    })
    .nullable(),
  /** when the next scheduled backup is due (while the vault is open), or null */
  nextAt: z.string().nullable(),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;
export const BackupProgress = z.object({
  phase: z.enum(['checking', 'copying', 'verifying', 'done']),
  done: z.number(),
  total: z.number(),
  scheduled: z.boolean(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;
export const RestoreReport = z.object({
  vault: z.string(),
  backupCreatedAt: z.string(),
  documents: z.number().int(),
  restoredHead: auditHeadRef,
  checks: z.array(VerifyCheck),
});
export type RestoreReport = z.infer<typeof RestoreReport>;
export const WipeReport = z.object({ vault: z.string(), files: z.number().int(), bytes: z.number().int(), leftInPlace: z.array(z.string()) });
