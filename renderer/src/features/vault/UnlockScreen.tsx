import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_VAULT_PASSPHRASE } from '../../../../shared/domain/demo';
import type { LockReason, VaultStatus } from '../../../../shared/ipc/contract';
import { LanguageSelect } from '../../i18n/LanguageSelect';
import type { Language } from '../../i18n/language';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { DemoOpening } from './DemoOffer';
import { PassphraseInput } from './PassphraseInput';
import { rollbackView, type RollbackView } from './rollback';
import { RollbackNotice } from './RollbackNotice';

interface Props {
  path: string;
  lockReason: LockReason | null;
  autoLockMinutes: number;
  /** `recoveryCode`: the vault was opened with it (the passphrase is forgotten): a new one is chosen next. */
  onUnlocked: (status: VaultStatus, recoveryCode?: string) => void;
  onOpenOther: (path: string) => void;
  onCreateNew: () => void;
  onRestore: () => void;
  /** `path` is the demo vault's folder: its public passphrase is shown, with a button that opens it. */
  isDemo: boolean;
  /** "Try Dalel with sample documents" / "Open the demo vault". */
  demo: DemoOpening;
  language: Language | null;
  onLanguage: (language: Language | null) => void;
}

type Mode = 'passphrase' | 'recovery-code';

export function UnlockScreen(props: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [rollback, setRollback] = useState<RollbackView | null>(null);
  const secretInput = useRef<HTMLInputElement>(null);

  const switchMode = () => {
    setMode((before) => (before === 'passphrase' ? 'recovery-code' : 'passphrase'));
    setSecret('');
    setError(null);
    setRollback(null);
  };

  const openOther = async () => {
    setError(null);
    const picked = await request(() => window.dalel.dialog.pickFolder({ purpose: 'open-vault' }));
    if (!picked.ok) setError(describeError(t, picked.error));
    else if (picked.value.path !== null) props.onOpenOther(picked.value.path);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await unlock(false);
  };

  /** `acknowledgeRollback`: the lawyer put an older copy back on purpose (recorded in the audit log). */
  const unlock = async (acknowledgeRollback: boolean) => {
    if (busy) return;
    if (secret.trim() === '') {
      setError({ message: mode === 'passphrase' ? t('unlock.passphraseEmpty') : t('unlock.recoveryEmpty'), detail: null });
      secretInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const unlocked = await request(() =>
      window.dalel.vault.unlock({
        path: props.path,
        secret: mode === 'passphrase' ? { passphrase: secret } : { recoveryCode: secret },
        ...(acknowledgeRollback ? { acknowledgeRollback: true } : {}),
      }),
    );
    setBusy(false);
    if (unlocked.ok) {
      props.onUnlocked(unlocked.value, mode === 'recovery-code' ? secret.trim() : undefined);
      return;
    }
    const rolledBack = rollbackView(unlocked.error);
    setRollback(rolledBack);
    // Its own words below, with the way to open it: the error line would say the same less well.
    if (rolledBack) return;
    setError(
      describeError(t, unlocked.error, {
        'wrong-passphrase': mode === 'passphrase' ? 'unlock.wrongPassphrase' : 'unlock.wrongRecoveryCode',
        'vault-not-found': 'unlock.vaultNotFound',
      }),
    );
    if (unlocked.error.code === 'wrong-passphrase') {
      // Keep what was typed, selected: a recovery code with one wrong character should not be retyped.
      requestAnimationFrame(() => secretInput.current?.select());
    }
  };

  return (
    <main className="screen" data-testid="unlock-screen">
      <form className="panel" onSubmit={submit} aria-busy={busy} noValidate>
        <h1>{t('unlock.title')}</h1>
        <LockNotice reason={props.lockReason} minutes={props.autoLockMinutes} />

        <div className="vault-location">
          <span className="vault-location-label">{t('unlock.vaultLabel')}</span>
          <span className="path" data-testid="unlock-vault-path" title={props.path}>
            {props.path}
          </span>
        </div>

        {props.isDemo && (
          <div className="alert alert-warning" data-testid="demo-unlock-notice">
            <p>{t('demo.unlockNotice', { passphrase: DEMO_VAULT_PASSPHRASE })}</p>
            <div className="actions">
              <button type="button" onClick={props.demo.open} disabled={busy || props.demo.busy} data-testid="open-demo-button">
                {props.demo.busy ? t('demo.busy') : t('demo.open')}
              </button>
            </div>
          </div>
        )}
        {props.demo.error && <ErrorAlert error={props.demo.error} testId="demo-error" />}

        {mode === 'passphrase' ? (
          <div className="field">
            <label htmlFor="unlock-secret">{t('unlock.passphraseLabel')}</label>
            <PassphraseInput
              id="unlock-secret"
              ref={secretInput}
              value={secret}
              onChange={setSecret}
              testId="unlock-passphrase-input"
              autoComplete="current-password"
              autoFocus
              disabled={busy}
              invalid={error !== null}
            />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="unlock-secret">{t('unlock.recoveryLabel')}</label>
            <p className="hint" id="unlock-recovery-hint">
              {t('unlock.recoveryHint')}
            </p>
            <input
              id="unlock-secret"
              ref={secretInput}
              className="input-code"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              data-testid="unlock-recovery-input"
              aria-describedby="unlock-recovery-hint"
              aria-invalid={error !== null || undefined}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              autoFocus
              disabled={busy}
            />
          </div>
        )}

        {error && <ErrorAlert error={error} testId="unlock-error" />}
        {rollback && <RollbackNotice rollback={rollback} busy={busy} onAcknowledge={() => void unlock(true)} />}

        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="unlock-button">
            {busy ? t('unlock.busy') : t('unlock.submit')}
          </button>
        </div>
        <div className="secondary-actions">
          <button type="button" className="button-link" onClick={switchMode} disabled={busy} data-testid="unlock-mode-toggle">
            {mode === 'passphrase' ? t('unlock.useRecovery') : t('unlock.usePassphrase')}
          </button>
          <button type="button" className="button-link" onClick={() => void openOther()} disabled={busy} data-testid="open-other-vault">
            {t('unlock.openOther')}
          </button>
          <button type="button" className="button-link" onClick={props.onCreateNew} disabled={busy} data-testid="create-new-vault">
            {t('unlock.createNew')}
          </button>
          <button type="button" className="button-link" onClick={props.onRestore} disabled={busy} data-testid="restore-backup">
            {t('restore.link')}
          </button>
          {!props.isDemo && (
            <button type="button" className="button-link" onClick={props.demo.open} disabled={busy || props.demo.busy} data-testid="try-demo-button">
              {props.demo.busy ? t('demo.busy') : t('demo.try')}
            </button>
          )}
        </div>
      </form>
      <LanguageSelect value={props.language} onChange={props.onLanguage} disabled={busy} compact />
    </main>
  );
}

function LockNotice({ reason, minutes }: { reason: LockReason | null; minutes: number }): React.JSX.Element | null {
  const { t } = useTranslation();
  let text: string | null = null;
  if (reason === 'idle') text = minutes > 0 ? t('unlock.lockedIdle', { count: minutes }) : t('unlock.lockedIdleGeneric');
  else if (reason === 'system') text = t('unlock.lockedSystem');
  if (!text) return null;
  return (
    <p className="alert alert-info" role="status" data-testid="lock-notice">
      {text}
    </p>
  );
}
