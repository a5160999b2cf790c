import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProgress, BackupReport } from '../../../../shared/ipc/contract';
import { formatImportedAt } from '../library/documentStatus';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { backupFraction, backupSize, suggestedBackupName } from './backupStatus';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  vaultPath: string;
  progress: BackupProgress | null;
  resetProgress: () => void;
  /** a backup finished or failed: the schedule's status may have changed */
  onFinished: () => void;
}

/** "Back up now": a file the save dialog names, its progress, and what was written. */
export function BackupNow({ vaultPath, progress, resetProgress, onFinished }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const dayStyle = useDayStyle();
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [report, setReport] = useState<BackupReport | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const backUp = async () => {
    setError(null);
    setCancelled(false);
    const picked = await request(() => window.dalel.dialog.pickSavePath({ purpose: 'backup', suggestedName: suggestedBackupName(vaultPath, new Date()) }));
    if (!picked.ok) return setError(describeError(t, picked.error));
    if (picked.value.path === null) return;
    const path = picked.value.path;
    setReport(null);
    resetProgress();
    setRunning(true);
    const made = await request(() => window.dalel.backups.now({ path }));
    setRunning(false);
    setCancelling(false);
    if (made.ok) setReport(made.value);
    else if (made.error.code === 'cancelled') setCancelled(true);
    else setError(describeError(t, made.error, { 'unsafe-target': 'backup.unsafeTarget', 'target-exists': 'backup.targetExists' }));
    onFinished();
  };

  const cancel = async () => {
    setCancelling(true);
    const asked = await request(() => window.dalel.backups.cancel());
    if (!asked.ok) {
      setCancelling(false);
      setError(describeError(t, asked.error));
    }
  };

  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  // Another backup (a scheduled one) may be reporting too; this one's bar shows only while it runs.
  const fraction = running ? backupFraction(progress?.scheduled === false ? progress : null) : report ? 1 : 0;

  return (
    <section className="settings-block" aria-labelledby="backup-now-title" data-testid="backup-now">
      <h3 id="backup-now-title">{t('backup.nowTitle')}</h3>
      <p className="hint">{t('backup.nowExplain')}</p>
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void backUp()} disabled={running} data-testid="backup-now-button">
          {running ? t('backup.running') : t('backup.now')}
        </button>
        {running && (
          <button type="button" onClick={() => void cancel()} disabled={cancelling} data-testid="backup-cancel">
            {cancelling ? t('backup.cancelling') : t('common.cancel')}
          </button>
        )}
      </div>
      {running && (
        <div className="backup-progress" data-testid="backup-progress">
          <progress value={fraction} max={1} aria-label={t('backup.progressLabel')} />
          <span className="hint" aria-live="polite">
            {progress && progress.scheduled === false ? t(`backup.phases.${progress.phase}`) : t('backup.phases.checking')} {percent.format(fraction)}
          </span>
        </div>
      )}
      {error && <ErrorAlert error={error} testId="backup-error" />}
      {cancelled && (
        <p className="alert alert-info" role="status" data-testid="backup-cancelled">
          {t('backup.cancelled')}
        </p>
      )}
      {report && (
        <div className="alert alert-success" role="status" data-testid="backup-report">
          <p>{t('backup.done', { count: report.documents })}</p>
          <dl className="backup-facts">
            <dt>{t('backup.fileLabel')}</dt>
            <dd className="path" data-testid="backup-report-file" title={report.file}>
              {report.file}
            </dd>
            <dt>{t('backup.madeLabel')}</dt>
            <dd>{formatImportedAt(report.createdAt, dayStyle)}</dd>
            <dt>{t('backup.sizeLabel')}</dt>
            <dd>{t(`backup.units.${backupSize(report.bytes, i18n.language).unit}`, { amount: backupSize(report.bytes, i18n.language).amount })}</dd>
            <dt>{t('backup.headLabel')}</dt>
            <dd data-testid="backup-report-head">{t('backup.head', { seq: report.auditHead.seq })}</dd>
            <dt>{t('backup.shaLabel')}</dt>
            <dd className="backup-sha" translate="no">
              {report.sha256}
            </dd>
          </dl>
          <p>{t('backup.keepSafe')}</p>
        </div>
      )}
    </section>
  );
}
