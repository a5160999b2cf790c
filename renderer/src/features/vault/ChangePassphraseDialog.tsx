import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { folderName } from './folderName';
import { NewPassphraseFields } from './NewPassphraseFields';
import { PassphraseInput } from './PassphraseInput';
import { useNewPassphrase } from './useNewPassphrase';
import { FormActions } from '../../ui/FormActions';

interface Props {
  vaultPath: string;
  onClose: () => void;
  /**
   * The vault was just opened with its recovery code (the passphrase is forgotten): the code stands for
   * the current passphrase, and the lawyer is asked only for a new one.
   */
  recoveryCode?: string;
}

export function ChangePassphraseDialog({ vaultPath, onClose, recoveryCode }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(recoveryCode ?? '');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const form = useNewPassphrase(['dalel', 'vault', folderName(vaultPath), current]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (current === '') {
      setError({ message: t('changePassphrase.currentEmpty'), detail: null });
      return;
    }
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
      const changed = await request(() => window.dalel.vault.changePassphrase({ current, next: form.passphrase }));
      if (changed.ok) {
        setCurrent('');
        form.reset();
        setDone(true);
      } else {
        setError(describeError(t, changed.error, { 'wrong-passphrase': 'changePassphrase.wrongCurrent' }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('changePassphrase.title')} onClose={onClose} testId="change-passphrase-dialog">
      {done ? (
        <>
          <p className="alert alert-success" role="status" data-testid="change-passphrase-done">
            {t('changePassphrase.done')}
          </p>
          <div className="actions">
            <button type="button" className="button-primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} aria-busy={busy} noValidate>
          {recoveryCode ? (
            <p className="alert alert-info" data-testid="change-passphrase-after-recovery">
              {t('changePassphrase.afterRecovery')}
            </p>
          ) : (
            <div className="field">
              <label htmlFor="change-current">{t('changePassphrase.currentLabel')}</label>
              <PassphraseInput
                id="change-current"
                value={current}
                onChange={setCurrent}
                testId="current-passphrase-input"
                autoComplete="current-password"
                autoFocus
                disabled={busy}
              />
            </div>
          )}
          <NewPassphraseFields
            form={form}
            idPrefix="change"
            passphraseLabel={t('changePassphrase.newLabel')}
            confirmationLabel={t('changePassphrase.confirmLabel')}
            passphraseTestId="new-passphrase-input"
            confirmationTestId="new-passphrase-confirm-input"
            disabled={busy}
          />
          {error && <ErrorAlert error={error} testId="change-passphrase-error" />}
          <FormActions submit={busy ? t('changePassphrase.busy') : t('changePassphrase.submit')} busy={busy} onCancel={onClose} testId="change-passphrase-submit" />
        </form>
      )}
    </Modal>
  );
}
