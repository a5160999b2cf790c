/**
 * The contract's backup and restore channels, and the vault actions that change its keys or destroy it,
 * for the handler table in electron/core/ipc/handlers.ts.
 */
import type { BackupChannel } from '../../../shared/ipc/contract/backups';
import { DalelFailure } from '../errors';
import type { GrantedPaths } from '../bundle/exportTargets';
import type { Handlers, ShellPorts } from '../ipc/handlerTable';
import { checkPathFromPage } from '../ipc/pathFromPage';
import type { VaultSession } from '../session/vaultSession';
import type { BackupService } from './backupService';
import { restoreBackup } from './restore';

export function backupHandlers(deps: {
  session: VaultSession;
  backups: () => BackupService;
  /** paths the save dialog returned in this session (shared with bundle exports) */
  granted: GrantedPaths;
  shell: Pick<ShellPorts, 'pickBackupFile'>;
}): Pick<Handlers, BackupChannel> {
  const { session, backups, granted, shell } = deps;
  return {
    'vault:rotateKey': ({ current, next }) => session.rotateKey(current, next),
    'vault:newRecoveryCode': ({ current }) => session.regenerateRecoveryCode(current),
    'vault:wipe': ({ path, confirmation }) => session.wipe(checkPathFromPage(path, 'vault folder'), confirmation),
    'vault:restore': async ({ file, path, secret }) => {
      const folder = checkPathFromPage(path, 'vault folder');
      session.refuseDemoFolder(folder);
      return restoreBackup(checkPathFromPage(file, 'backup file'), folder, secret);
    },
    'dialog:pickBackupFile': async () => {
      if (!shell.pickBackupFile) throw new DalelFailure('internal', 'There is no file dialog here.');
      return { path: await shell.pickBackupFile() };
    },
    'backups:now': ({ path }) => {
      // Like a bundle, a backup goes only where the save dialog pointed (a compromised page cannot pick its own).
      if (!granted.has(path)) throw new DalelFailure('unsafe-target', 'Choose where to save the backup with the Save dialog.').because('target-not-from-dialog');
      return backups().backupNow(path);
    },
    'backups:cancel': () => ({ cancelled: backups().cancel() }),
    'backups:schedule': () => backups().schedule(),
    'backups:setSchedule': ({ folder, everyHours, keep }) => backups().setSchedule({ folder: folder === null ? null : checkPathFromPage(folder, 'backup folder'), everyHours, keep }),
  };
}
