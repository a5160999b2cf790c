import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, VaultStatus } from '../../../../shared/ipc/contract';
import type { DalelError } from '../../../../shared/ipc/errors';
import { LanguageSelect } from '../../i18n/LanguageSelect';
import type { Language } from '../../i18n/language';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatImportedAt } from '../library/documentStatus';
import { PassphraseInput } from '../vault/PassphraseInput';
import { restoreInput, secretOf, type RestoreProblem } from './restoreForm';
import { VerifyCheckDetail } from '../library/VerifyCheckDetail';
import { checkDetail } from '../library/verifyDetail';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  onBack: () => void;
  onOpened: (status: VaultStatus) => void;
  language: Language | null;
  onLanguage: (language: Language | null) => void;
}

type Mode = 'passphrase' | 'recovery-code';
type RestoreReport = Output<'vault:restore'>;

const PROBLEM_KEYS = {
  'no-file': 'restore.noFile',
  'no-folder': 'restore.noFolder',
  'no-secret': 'restore.noSecret',
} as const satisfies Record<RestoreProblem, string>;

/**
 * Restore a backup into a new, empty folder, from the screens shown when no vault is open. The core
 * checks everything (the seal, every page, the structure, every original's SHA-256, the audit chain)
 * before it puts the vault there; the lawyer then sees what came back and may open it.
 */
export function RestoreScreen({ onBack, onOpened, language, onLanguage }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [mode, setMode] = useState<Mode>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RestoreProblem | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [report, setReport] = useState<RestoreReport | null>(null);

  const explain = (failure: DalelError) =>
    describeError(t, failure, {
      'wrong-passphrase': mode === 'passphrase' ? 'restore.wrongPassphrase' : 'restore.wrongRecoveryCode',
      'vault-exists': 'restore.folderHasVault',
      validation: 'restore.refused',
    });

  const pickFile = async () => {
    setError(null);
    const picked = await request(() => window.dalel.dialog.pickBackupFile());
    if (!picked.ok) setError(describeError(t, picked.error));
    else if (picked.value.path !== null) setFile(picked.value.path);
  };

  const pickFolder = async () => {
    setError(null);
    const picked = await request(() => window.dalel.dialog.pickFolder({ purpose: 'restore-vault' }));
    if (!picked.ok) setError(describeError(t, picked.error));
    else if (picked.value.path !== null) setFolder(picked.value.path);
  };

  const switchMode = () => {
    setMode((before) => (before === 'passphrase' ? 'recovery-code' : 'passphrase'));
    setSecret('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const asked = restoreInput({ file, folder, mode, secret });
    setProblem('problem' in asked ? asked.problem : null);
    if ('problem' in asked) return;
    setBusy(true);
    setError(null);
    const restored = await request(() => window.dalel.vault.restore(asked.input));
    setBusy(false);
    if (restored.ok) setReport(restored.value);
    else setError(explain(restored.error));
  };

  const open = async () => {
    if (!report || busy) return;
    setBusy(true);
    setError(null);
    // The secret that opened the backup opens the restored vault: it has the same keys.
    const unlocked = await request(() => window.dalel.vault.unlock({ path: report.vault, secret: secretOf(mode, secret) }));
    setBusy(false);
    if (unlocked.ok) onOpened(unlocked.value);
    else setError(describeError(t, unlocked.error));
  };

  if (report) {
    return (
      <main className="screen" data-testid="restore-screen" data-step="done">
        <section className="panel panel-wide" aria-labelledby="restore-done-title" aria-busy={busy}>
          <h1 id="restore-done-title">{t('restore.doneTitle')}</h1>
          <RestoredFacts report={report} />
          {error && <ErrorAlert error={error} testId="restore-error" />}
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => void open()} disabled={busy} autoFocus data-testid="restore-open">
              {busy ? t('unlock.busy') : t('restore.open')}
            </button>
            <button type="button" onClick={onBack} disabled={busy}>
              {t('create.back')}
            </button>
          </div>
        </section>
      </main>
    );
  }

  return (
    <main className="screen" data-testid="restore-screen" data-step="form">
      <form className="panel panel-wide" onSubmit={submit} aria-busy={busy} noValidate>
        <h1>{t('restore.title')}</h1>
        <p className="lead">{t('restore.intro')}</p>

        <div className="field">
          <span className="field-label" id="restore-file-label">
            {t('restore.fileLabel')}
          </span>
          <div className="backup-folder">
            <span className="path" aria-labelledby="restore-file-label" data-testid="restore-file" title={file ?? undefined}>
              {file ?? t('restore.noFileChosen')}
            </span>
            <button type="button" onClick={() => void pickFile()} disabled={busy} data-testid="restore-choose-file">
              {t('create.choose')}
            </button>
          </div>
        </div>

        <div className="field">
          <label htmlFor="restore-folder">{t('restore.folderLabel')}</label>
          <p className="hint" id="restore-folder-hint">
            {t('restore.folderHint')}
          </p>
          <div className="input-with-button">
            <input
              id="restore-folder"
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
              aria-describedby="restore-folder-hint"
              spellCheck={false}
              autoComplete="off"
              disabled={busy}
              data-testid="restore-folder-input"
            />
            <button type="button" onClick={() => void pickFolder()} disabled={busy} data-testid="restore-choose-folder">
              {t('create.choose')}
            </button>
          </div>
        </div>

        <div className="field">
          <label htmlFor="restore-secret">{mode === 'passphrase' ? t('restore.passphraseLabel') : t('unlock.recoveryLabel')}</label>
          <p className="hint" id="restore-secret-hint">
            {mode === 'passphrase' ? t('restore.passphraseHint') : t('unlock.recoveryHint')}
          </p>
          {mode === 'passphrase' ? (
            <PassphraseInput id="restore-secret" value={secret} onChange={setSecret} testId="restore-passphrase-input" autoComplete="current-password" disabled={busy} />
          ) : (
            <input
              id="restore-secret"
              className="input-code"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              aria-describedby="restore-secret-hint"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              disabled={busy}
              data-testid="restore-recovery-input"
            />
          )}
          <button type="button" className="button-link" onClick={switchMode} disabled={busy} data-testid="restore-mode-toggle">
            {mode === 'passphrase' ? t('unlock.useRecovery') : t('unlock.usePassphrase')}
          </button>
        </div>

        {problem && (
          <p className="alert alert-warning" role="alert" data-testid="restore-problem">
            {t(PROBLEM_KEYS[problem])}
          </p>
        )}
        {error && <ErrorAlert error={error} testId="restore-error" />}
        {busy && (
          <div className="backup-progress" role="status">
            <progress aria-label={t('restore.busy')} />
            <span className="hint">{t('restore.busyHint')}</span>
          </div>
        )}

        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="restore-submit">
            {busy ? t('restore.busy') : t('restore.submit')}
          </button>
          <button type="button" onClick={onBack} disabled={busy}>
            {t('create.back')}
          </button>
        </div>
      </form>
      <LanguageSelect value={language} onChange={onLanguage} disabled={busy} compact />
    </main>
  );
}

function RestoredFacts({ report }: { report: RestoreReport }): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  return (
    <div data-testid="restore-report">
      <p className="alert alert-success" role="status">
        {t('restore.done', { count: report.documents })}
      </p>
      <dl className="backup-facts">
        <dt>{t('restore.restoredTo')}</dt>
        <dd className="path" data-testid="restore-report-vault" title={report.vault}>
          {report.vault}
        </dd>
        <dt>{t('restore.backupMade')}</dt>
        <dd data-testid="restore-report-date">{formatImportedAt(report.backupCreatedAt, dayStyle)}</dd>
        <dt>{t('restore.documents')}</dt>
        <dd data-testid="restore-report-documents">{report.documents}</dd>
        <dt>{t('backup.headLabel')}</dt>
        <dd>{t('backup.head', { seq: report.restoredHead.seq })}</dd>
      </dl>
      <h2 className="restore-checks-title">{t('restore.checksTitle')}</h2>
      <ul className="verify-checks" data-testid="restore-checks">
        {report.checks.map((check) => (
          <li key={check.check} className="verify-check" data-testid="restore-check" data-check={check.check} data-state={check.ok ? 'ok' : 'failed'}>
            <div className="verify-check-head">
              <span className="verify-check-title">{t(`audit.checks.${check.check}.title`)}</span>
              <span className={`badge ${check.ok ? 'badge-success' : 'badge-danger'}`}>{t(check.ok ? 'audit.state.ok' : 'audit.state.failed')}</span>
            </div>
            <p className="hint">{t(`audit.checks.${check.check}.${check.ok ? 'ok' : 'failed'}`)}</p>
            <VerifyCheckDetail detail={checkDetail(check)} />
          </li>
        ))}
      </ul>
      <p className="hint">{t('restore.openHint')}</p>
    </div>
  );
}
