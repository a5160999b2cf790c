import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../../../shared/ipc/contract';

/**
 * The newest 'backups:progress' event while Settings → Backup is open: the backup asked for here, or a
 * scheduled one the open vault started by itself (`scheduled`). One backup runs at a time.
 */
export function useBackupProgress(): [BackupProgress | null, () => void] {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(() => window.dalel.on('backups:progress', setProgress), []);
  return [progress, () => setProgress(null)];
}
