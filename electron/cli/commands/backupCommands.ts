import { resolve } from 'node:path';
import { BackupService } from '../../core/backup/backupService';
import { restoreBackup } from '../../core/backup/restore';
import { printJson } from '../output';
import { readSecret } from '../prompt';
import { withSession, type CommandContext } from './vaultCommands';

/**
 * `dalel backup <vault-dir> <file>`: one encrypted file of the whole vault, made through the unlocked vault
 * (consistent, checked, read back) and recorded in its audit log. Never written over an existing file or
 * into the vault folder.
 */
export async function backupCommand(ctx: CommandContext, dir: string, file: string): Promise<number> {
  const report = await withSession(ctx, dir, (session) => {
    const backups = new BackupService({ session });
    return backups.backupNow(resolve(file));
  });
  if (ctx.json) printJson(ctx.io, { vault: resolve(dir), ...report });
  else {
    ctx.io.stdout(
      [
        `Backed up ${resolve(dir)} to ${report.file} (${report.documents} document${report.documents === 1 ? '' : 's'}, ${report.bytes} bytes).`,
        `It opens only with this vault's passphrase or recovery code as they are now. Audit head: #${report.auditHead.seq} ${report.auditHead.hash}.`,
        `SHA-256 of the backup file: ${report.sha256}`,
        '',
      ].join('\n'),
    );
  }
  return 0;
}

/**
 * `dalel restore <file> <new-vault-dir>`: the backup's vault, checked in full (cipher pages, integrity,
 * every original's SHA-256, the audit chain and head) before it is put in a new folder. Takes the
 * passphrase (or, with --recovery-code, the recovery code) the vault had when the backup was made.
 */
export async function restoreCommand(ctx: CommandContext, file: string, dir: string): Promise<number> {
  const secret = ctx.useRecoveryCode
    ? { recoveryCode: await readSecret(ctx.secrets, 'DALEL_RECOVERY_CODE', 'Recovery code of the backed-up vault: ') }
    : { passphrase: await readSecret(ctx.secrets, 'DALEL_PASSPHRASE', 'Passphrase of the backed-up vault: ') };
  const report = await restoreBackup(file, dir, secret);
  if (ctx.json) printJson(ctx.io, report);
  else {
    ctx.io.stdout(
      [
        `Restored the backup of ${report.backupCreatedAt} into ${report.vault}: ${report.documents} document${report.documents === 1 ? '' : 's'}, audit log up to #${report.restoredHead.seq} ${report.restoredHead.hash}.`,
        ...report.checks.map((check) => `  ✓ ${check.message}`),
        'It opens with the passphrase and recovery code it had when the backup was made.',
        '',
      ].join('\n'),
    );
  }
  return 0;
}
