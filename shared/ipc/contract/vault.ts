/**
 * The vault's channels: creating, unlocking and locking it, the demo vault, the passphrase, verification,
 * settings and the recovery code just shown. Backups, restore, new keys and wipe are in backups.ts.
 */
import { z } from 'zod';
import { empty, passphrase, vaultPath } from '../../schemas/common';
import { AuditVerification, RecoveryCodeText, Settings, UnlockSecret, VaultStatus } from '../../schemas/vault';
import type { ChannelSlice, EventSlice } from './slice';

export const vaultChannels = {
  'vault:create': {
    input: z.object({ path: vaultPath, passphrase }).strict(),
    output: z.object({
      /** Shown once; it unlocks the vault if the passphrase is lost. Never stored in clear. */
      recoveryCode: z.string(),
      status: VaultStatus,
    }),
  },
  'vault:unlock': {
    /** `acknowledgeRollback`: the lawyer put an older copy back on purpose (vault-rolled-back); recorded in the audit log. */
    input: z.object({ path: vaultPath, secret: UnlockSecret, acknowledgeRollback: z.boolean().optional() }).strict(),
    output: VaultStatus,
  },
  /**
   * "Try Dalel with sample documents": open the demo vault in its own folder (`demoPath`), creating it
   * when missing, and import the sample documents it lacks (fictional, shipped in resources/demo) with
   * the persons and the case they come with (titles in `language`). Answers once the files are stored;
   * their pages are read afterwards, as `import:progress` tells (`batchIds`). Never touches anything in
   * the demo folder that is not a demo vault (`vault-exists`).
   */
  'vault:openDemo': {
    input: z.object({ language: z.enum(['en', 'ru', 'kk']) }).strict(),
    output: z.object({ created: z.boolean(), status: VaultStatus, batchIds: z.array(z.string()) }),
  },
  'vault:lock': { input: empty, output: VaultStatus },
  'vault:status': { input: empty, output: VaultStatus },
  'vault:changePassphrase': {
    /** `current` is the current passphrase or the recovery code (for a forgotten passphrase). */
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: z.object({ changedAt: z.string() }),
  },
  /** Every check of `dalel verify` on the open vault; `deep` adds integrity_check and every original's SHA-256. */
  'vault:verify': { input: z.object({ deep: z.boolean().optional() }).strict().optional(), output: AuditVerification },
  'settings:get': { input: empty, output: Settings },
  'settings:update': { input: Settings.partial().strict(), output: Settings },
  /** The renderer reports user activity (throttled) so that auto-lock measures real idleness. */
  'session:activity': { input: empty, output: z.null() },
  /** Ask the shell for a folder. Electron shows the native dialog; `path` is null when cancelled. */
  'dialog:pickFolder': {
    input: z.object({ purpose: z.enum(['create-vault', 'open-vault', 'backup-folder', 'restore-vault']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /**
   * Put the recovery code just shown on the clipboard (the page has no clipboard permission). The input
   * must look like a recovery code, so the page cannot use this to write anything else there.
   */
  'clipboard:copyRecoveryCode': { input: z.object({ code: RecoveryCodeText }).strict(), output: z.null() },
  /**
   * Save the recovery code as a text file where the lawyer chooses in the save dialog (main asks; the page
   * never names a path), never in the vault's folder. `path`: null when the dialog was cancelled.
   */
  'recovery:saveCode': { input: z.object({ code: RecoveryCodeText, language: z.enum(['en', 'ru', 'kk']) }).strict(), output: z.object({ path: z.string().nullable() }) },
} as const satisfies ChannelSlice;

export const vaultEvents = {
  'vault:statusChanged': VaultStatus,
} as const satisfies EventSlice;
