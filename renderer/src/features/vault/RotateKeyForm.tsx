import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NewPassphraseFields } from './NewPassphraseFields';
import { PassphraseInput } from './PassphraseInput';
import { usePassphraseChange } from './usePassphraseChange';
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
  const { current, setCurrent, form, busy, error, submit } = usePassphraseChange({
    vaultPath,
    change: (current, next) => window.dalel.vault.rotateKey({ current, next }),
    overrides: { 'vault-locked': 'rotateKey.lockedAfter' },
    onChanged: (rotated) => onRotated(rotated.recoveryCode),
  });

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
