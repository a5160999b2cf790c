import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/ipc/contract';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { folderName } from './folderName';
import { wipeConfirmed } from './wipeConfirmation';
import { FormActions } from '../../ui/FormActions';

interface Props {
  vaultPath: string;
  /** The vault is gone; the app is on the first-run screen by now (the status changed). */
  onWiped: (report: Output<'vault:wipe'>) => void;
  onCancel: () => void;
}

/**
 * Destroy this vault for good: its files overwritten and removed. No passphrase is asked (someone may
 * have to do it in a hurry), but the folder's name must be typed, and the words say there is no way back.
 */
export function WipeVaultForm({ vaultPath, onWiped, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const name = folderName(vaultPath);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const confirmed = wipeConfirmed(typed, vaultPath);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !confirmed) return;
    setBusy(true);
    setError(null);
    const wiped = await request(() => window.dalel.vault.wipe({ path: vaultPath, confirmation: typed.trim() }));
    setBusy(false);
    if (wiped.ok) onWiped(wiped.value);
    else setError(describeError(t, wiped.error));
  };

  return (
    <form onSubmit={submit} aria-busy={busy} noValidate data-testid="wipe-form">
      <div className="alert alert-error">
        <p>{t('wipe.warning')}</p>
        <p>{t('wipe.backupAdvice')}</p>
      </div>
      <div className="field">
        <label htmlFor={id}>{t('wipe.typeLabel', { name })}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('wipe.typeHint')}
        </p>
        <input
          id={id}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          disabled={busy}
          data-testid="wipe-confirmation-input"
        />
      </div>
      {error && <ErrorAlert error={error} testId="wipe-error" />}
      <FormActions submit={busy ? t('wipe.busy') : t('wipe.submit')} busy={busy} disabled={!confirmed} onCancel={onCancel} testId="wipe-submit" danger />
    </form>
  );
}
