import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { NewPassphraseFields } from './NewPassphraseFields';
import { PassphraseInput } from './PassphraseInput';
import { usePassphraseChange } from './usePassphraseChange';
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
  const [done, setDone] = useState(false);
  const { current, setCurrent, form, busy, error, submit } = usePassphraseChange({
    vaultPath,
    initialCurrent: recoveryCode,
    change: (current, next) => window.dalel.vault.changePassphrase({ current, next }),
    onChanged: () => setDone(true),
  });

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
