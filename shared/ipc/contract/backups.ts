/**
 * The channels that copy a vault, put one back, give it new keys or destroy it: backups (now and on a
 * schedule), restore, key rotation, a new recovery code, wipe.
 * electron/core/backup/backupHandlers.ts answers exactly these (BackupChannel).
 */
import { z } from 'zod';
import { empty, passphrase, savePath, vaultPath } from '../../schemas/common';
import { BackupProgress, BackupReport, BackupSchedule, RestoreReport, UnlockSecret, WipeReport } from '../../schemas/vault';
import type { ChannelSlice, EventSlice } from './slice';

export const backupChannels = {
  /**
   * Re-encrypt the vault under a new data key with a new passphrase; a new recovery code is returned
   * (shown once). Old passphrases, old recovery codes and old copies of the header open nothing after.
   */
  'vault:rotateKey': { input: z.object({ current: passphrase, next: passphrase }).strict(), output: z.object({ recoveryCode: z.string(), changedAt: z.string() }) },
  /** A new recovery code (shown once); the old one stops opening the vault. `current`: passphrase or recovery code. */
  'vault:newRecoveryCode': { input: z.object({ current: passphrase }).strict(), output: z.object({ recoveryCode: z.string() }) },
  /** Destroy a vault: its files overwritten and removed. `confirmation` is the vault folder's name, typed. */
  'vault:wipe': { input: z.object({ path: vaultPath, confirmation: z.string().min(1).max(4096) }).strict(), output: WipeReport },
  /** Restore a backup file into a new, empty folder; every check passes before the vault is put there. */
  'vault:restore': { input: z.object({ file: savePath, path: vaultPath, secret: UnlockSecret }).strict(), output: RestoreReport },
  /** The native open dialog for a backup file; null when cancelled. */
  'dialog:pickBackupFile': { input: empty, output: z.object({ path: z.string().nullable() }) },
  /** Back the open vault up now, to a path the save dialog (purpose `backup`) returned. Progress on `backups:progress`. */
  'backups:now': { input: z.object({ path: savePath }).strict(), output: BackupReport },
  /** Stop a backup in progress (nothing is kept). */
  'backups:cancel': { input: empty, output: z.object({ cancelled: z.boolean() }) },
  'backups:schedule': { input: empty, output: BackupSchedule },
  /** Set (folder) or turn off (folder null) scheduled backups of the open vault. */
  'backups:setSchedule': {
    input: z.object({ folder: savePath.nullable(), everyHours: z.number().int().min(1).max(24 * 31), keep: z.number().int().min(1).max(100) }).strict(),
    output: BackupSchedule,
  },
} as const satisfies ChannelSlice;

export const backupEvents = {
  'backups:progress': BackupProgress,
} as const satisfies EventSlice;

export type BackupChannel = keyof typeof backupChannels;
