import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { folderName } from './folderName';
import { NewPassphraseFields } from './NewPassphraseFields';
import { PassphraseInput } from './PassphraseInput';
import { useNewPassphrase } from './useNewPassphrase';
import { FormActions } from '../../ui/FormActions';

interface Props {
  vaultPath: string;
  /** the new recovery code, to be shown once */
  onRotated: (recoveryCode: string) => void;
  onCancel: () => void;
}

/**
 * Replace the vault's key: the database is encrypted again under a new key, with a new passphrase and a
 * new recovery code. Old passphrases, old recovery codes and old copies of the vault's header open
 * nothing after it (a laptop copy taken before, a colleague who knew the old passphrase).
 */
export function RotateKeyForm({ vaultPath, onRotated, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const form = useNewPassphrase(['dalel', 'vault', folderName(vaultPath), current]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (current === '') return setError({ message: t('changePassphrase.currentEmpty'), detail: null });
    setBusy(true);
    try {
      let valid: boolean;
      try {
        valid = await form.validate();
      } catch {
        setError({ message: t('strength.unavailable'), detail: null });
        return;
      }
      if (!valid) return;
      const rotated = await request(() => window.dalel.vault.rotateKey({ current, next: form.passphrase }));
      if (rotated.ok) {
        setCurrent('');
        form.reset();
        onRotated(rotated.value.recoveryCode);
      } else {
        setError(describeError(t, rotated.error, { 'wrong-passphrase': 'changePassphrase.wrongCurrent', 'vault-locked': 'rotateKey.lockedAfter' }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-busy={busy} noValidate data-testid="rotate-key-form">
      <p className="hint">{t('rotateKey.explain')}</p>
      <p className="alert alert-warning">{t('rotateKey.backupsNote')}</p>
      <div className="field">
        <label htmlFor="rotate-current">{t('changePassphrase.currentLabel')}</label>
        <PassphraseInput id="rotate-current" value={current} onChange={setCurrent} testId="rotate-current-input" autoComplete="current-password" autoFocus disabled={busy} />
      </div>
      <NewPassphraseFields
        form={form}
        idPrefix="rotate"
        passphraseLabel={t('changePassphrase.newLabel')}
        confirmationLabel={t('changePassphrase.confirmLabel')}
        passphraseTestId="rotate-new-input"
        confirmationTestId="rotate-confirm-input"
        disabled={busy}
      />
      {error && <ErrorAlert error={error} testId="rotate-key-error" />}
      {busy && (
        <div className="backup-progress" role="status">
          <progress aria-label={t('rotateKey.busy')} />
          <span className="hint">{t('rotateKey.busyHint')}</span>
        </div>
      )}
      <FormActions submit={busy ? t('rotateKey.busy') : t('rotateKey.submit')} busy={busy} onCancel={onCancel} testId="rotate-key-submit" />
    </form>
  );
}
