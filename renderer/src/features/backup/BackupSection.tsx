import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSchedule } from '../../../../shared/ipc/contract';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { describeError } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BackupNow } from './BackupNow';
import { BackupSchedulePanel } from './BackupSchedulePanel';
import { useBackupProgress } from './useBackupProgress';

/** How often the open section reads the schedule's status again (the core looks every ten minutes). */
const REFRESH_MS = 60_000;

/** Settings → Backup: a backup now, and scheduled backups with how the last one went. */
export function BackupSection({ vaultPath }: { vaultPath: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [schedule, setSchedule] = useState<BackupSchedule | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [progress, resetProgress] = useBackupProgress();

  const show = useCallback((loaded: Result<BackupSchedule>) => {
    if (loaded.ok) {
      setSchedule(loaded.value);
      setError(null);
    } else setError(loaded.error);
  }, []);
  const load = useCallback(async () => show(await request(() => window.dalel.backups.schedule())), [show]);

  useEffect(() => {
    let live = true;
    const reload = () => void request(() => window.dalel.backups.schedule()).then((loaded) => live && show(loaded));
    reload();
    // A scheduled backup that finishes while the section is open changes what it says about the last one.
    const unsubscribe = window.dalel.on('backups:progress', (event) => {
      if (event.scheduled && event.phase === 'done') reload();
    });
    // A scheduled attempt that fails before it starts (the drive is not there) sends no progress: look again now and then.
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => {
      live = false;
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [show]);

  return (
    <div className="settings-section" data-testid="settings-backup">
      <p className="hint">{t('backup.explain')}</p>
      <BackupNow vaultPath={vaultPath} progress={progress} resetProgress={resetProgress} onFinished={() => void load()} />
      {error && <ErrorAlert error={describeError(t, error)} testId="backup-schedule-load-error" />}
      {schedule ? (
        <BackupSchedulePanel schedule={schedule} onChanged={setSchedule} progress={progress} />
      ) : (
        !error && <p className="hint">{t('app.loading')}</p>
      )}
    </div>
  );
}
