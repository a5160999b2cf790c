import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PassphraseInput } from './PassphraseInput';
import { FormActions } from '../../ui/FormActions';

interface Props {
  onReplaced: (recoveryCode: string) => void;
  onCancel: () => void;
}

/** A new recovery code, shown once; the old one stops opening the vault (a lost or exposed sheet of paper). */
export function NewRecoveryCodeForm({ onReplaced, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (current === '') return setError({ message: t('changePassphrase.currentEmpty'), detail: null });
    setBusy(true);
    setError(null);
    const replaced = await request(() => window.dalel.vault.newRecoveryCode({ current }));
    setBusy(false);
    if (replaced.ok) {
      setCurrent('');
      onReplaced(replaced.value.recoveryCode);
    } else setError(describeError(t, replaced.error, { 'wrong-passphrase': 'changePassphrase.wrongCurrent' }));
  };

  return (
    <form onSubmit={submit} aria-busy={busy} noValidate data-testid="new-recovery-form">
      <p className="hint">{t('newRecovery.explain')}</p>
      <div className="field">
        <label htmlFor="new-recovery-current">{t('changePassphrase.currentLabel')}</label>
        <PassphraseInput id="new-recovery-current" value={current} onChange={setCurrent} testId="new-recovery-current-input" autoComplete="current-password" autoFocus disabled={busy} />
      </div>
      {error && <ErrorAlert error={error} testId="new-recovery-error" />}
      <FormActions submit={busy ? t('newRecovery.busy') : t('newRecovery.submit')} busy={busy} onCancel={onCancel} testId="new-recovery-submit" />
    </form>
  );
}
