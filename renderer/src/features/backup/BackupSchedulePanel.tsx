import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProgress, BackupSchedule } from '../../../../shared/ipc/contract';
import { formatImportedAt } from '../library/documentStatus';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { choicesWith, EVERY_HOURS_CHOICES, KEEP_CHOICES, lastBackupView, nextBackupView } from './backupStatus';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  schedule: BackupSchedule;
  onChanged: (schedule: BackupSchedule) => void;
  progress: BackupProgress | null;
}

/**
 * Scheduled backups into a folder (an encrypted USB drive), keeping the last few: where, how often, how
 * many, and how the last one went. They run while the vault is open; a drive that is not plugged in is
 * a failed attempt, shown here in plain words and tried again a few minutes later.
 */
export function BackupSchedulePanel({ schedule, onChanged, progress }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const ids = { every: useId(), keep: useId() };
  const [folder, setFolder] = useState<string | null>(schedule.folder);
  const [everyHours, setEveryHours] = useState(schedule.everyHours);
  const [keep, setKeep] = useState(schedule.keep);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const choose = async () => {
    setError(null);
    const picked = await request(() => window.dalel.dialog.pickFolder({ purpose: 'backup-folder' }));
    if (!picked.ok) setError(describeError(t, picked.error));
    else if (picked.value.path !== null) {
      setFolder(picked.value.path);
      setSaved(false);
    }
  };

  const save = async (turnOff: boolean) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    const changed = await request(() => window.dalel.backups.setSchedule({ folder: turnOff ? null : folder, everyHours, keep }));
    setBusy(false);
    if (!changed.ok) {
      setError(describeError(t, changed.error, { validation: 'backup.folderRefused', 'unsafe-target': 'backup.folderInVault' }));
      return;
    }
    if (turnOff) setFolder(null);
    setSaved(true);
    onChanged(changed.value);
  };

  const changed = folder !== schedule.folder || everyHours !== schedule.everyHours || keep !== schedule.keep;
  return (
    <section className="settings-block" aria-labelledby="backup-schedule-title" data-testid="backup-schedule">
      <h3 id="backup-schedule-title">{t('backup.scheduleTitle')}</h3>
      <p className="hint">{t('backup.scheduleExplain')}</p>
      <ScheduleStatus schedule={schedule} running={progress?.scheduled === true && progress.phase !== 'done'} />

      <div className="field">
        <span className="field-label" id="backup-folder-label">
          {t('backup.folderLabel')}
        </span>
        <div className="backup-folder">
          <span className="path" aria-labelledby="backup-folder-label" data-testid="backup-schedule-folder" title={folder ?? undefined}>
            {folder ?? t('backup.noFolder')}
          </span>
          <button type="button" onClick={() => void choose()} disabled={busy} data-testid="backup-choose-folder">
            {t('backup.chooseFolder')}
          </button>
        </div>
      </div>
      <div className="settings-row">
        <div className="field">
          <label htmlFor={ids.every}>{t('backup.everyLabel')}</label>
          <select id={ids.every} value={everyHours} onChange={(event) => setEveryHours(Number(event.target.value))} disabled={busy} data-testid="backup-every">
            {choicesWith(EVERY_HOURS_CHOICES, schedule.everyHours).map((hours) => (
              <option key={hours} value={hours}>
                {hours === 24 ? t('backup.everyDay') : hours % 24 === 0 ? t('backup.everyDays', { count: hours / 24 }) : t('backup.everyHours', { count: hours })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.keep}>{t('backup.keepLabel')}</label>
          <select id={ids.keep} value={keep} onChange={(event) => setKeep(Number(event.target.value))} disabled={busy} data-testid="backup-keep">
            {choicesWith(KEEP_CHOICES, schedule.keep).map((count) => (
              <option key={count} value={count}>
                {t('backup.keepCount', { count })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <ErrorAlert error={error} testId="backup-schedule-error" />}
      {saved && !changed && (
        <p className="alert alert-success" role="status" data-testid="backup-schedule-saved">
          {schedule.folder ? t('backup.scheduleSaved') : t('backup.scheduleOff')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void save(false)} disabled={busy || folder === null || !changed} data-testid="backup-schedule-save">
          {busy ? t('common.saving') : t('backup.scheduleSave')}
        </button>
        {schedule.folder && (
          <button type="button" onClick={() => void save(true)} disabled={busy} data-testid="backup-schedule-off">
            {t('backup.scheduleTurnOff')}
          </button>
        )}
      </div>
    </section>
  );
}

function ScheduleStatus({ schedule, running }: { schedule: BackupSchedule; running: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const last = lastBackupView(schedule);
  const next = nextBackupView(schedule, new Date());
  const when = (iso: string) => formatImportedAt(iso, dayStyle);
  return (
    <dl className="backup-facts backup-status" data-testid="backup-status" data-last={last.kind} data-next={next.kind}>
      <dt>{t('backup.lastLabel')}</dt>
      <dd data-testid="backup-last">
        {last.kind === 'none' && t('backup.lastNone')}
        {last.kind === 'ok' && (
          <>
            <span className="badge badge-success">{t('backup.lastOk')}</span> {when(last.at)}
          </>
        )}
        {last.kind === 'failed' && (
          <>
            <span className="badge badge-danger">{t('backup.lastFailed')}</span> {when(last.at)}
            <span className="backup-last-error" role="alert">
              {t(last.key)}
            </span>
          </>
        )}
      </dd>
      <dt>{t('backup.nextLabel')}</dt>
      <dd data-testid="backup-next">
        {running
          ? t('backup.scheduledRunning')
          : next.kind === 'off'
            ? t('backup.nextOff')
            : next.kind === 'due-now'
              ? t('backup.nextDueNow')
              : when(next.at)}
      </dd>
    </dl>
  );
}
