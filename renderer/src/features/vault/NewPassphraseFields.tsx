import { useTranslation } from 'react-i18next';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH, type ConfirmationProblem, type PassphraseProblem } from './passphrasePolicy';
import { PassphraseInput } from './PassphraseInput';
import { StrengthMeter } from './StrengthMeter';
import type { NewPassphraseForm } from './useNewPassphrase';

interface Props {
  form: NewPassphraseForm;
  idPrefix: string;
  passphraseLabel: string;
  confirmationLabel: string;
  passphraseTestId?: string;
  confirmationTestId?: string;
  disabled?: boolean;
}

/** A new passphrase typed twice, with the strength meter and the reasons it is refused. */
export function NewPassphraseFields(props: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { form, idPrefix } = props;
  const passphraseProblem = form.showPassphraseProblem ? form.check.passphrase : null;
  const confirmationProblem = form.showConfirmationProblem ? form.check.confirmation : null;

  const passphraseMessage = (problem: PassphraseProblem): string => {
    switch (problem) {
      case 'empty':
        return t('passphrase.empty');
      case 'too-short':
        return t('passphrase.tooShort', { count: MIN_PASSPHRASE_LENGTH });
      case 'too-long':
        return t('passphrase.tooLong', { count: MAX_PASSPHRASE_LENGTH });
      case 'too-weak':
        return t('passphrase.tooWeak');
    }
  };
  const confirmationMessage = (problem: ConfirmationProblem): string =>
    problem === 'empty' ? t('passphrase.confirmEmpty') : t('passphrase.mismatch');

  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-passphrase`}>{props.passphraseLabel}</label>
        <p className="hint" id={`${idPrefix}-passphrase-hint`}>
          {t('create.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
        </p>
        <PassphraseInput
          id={`${idPrefix}-passphrase`}
          value={form.passphrase}
          onChange={form.setPassphrase}
          onBlur={() => form.touch('passphrase')}
          testId={props.passphraseTestId}
          autoComplete="new-password"
          disabled={props.disabled}
          invalid={passphraseProblem !== null}
          describedBy={`${idPrefix}-passphrase-hint ${idPrefix}-strength ${idPrefix}-passphrase-problem`}
        />
        <StrengthMeter state={form.strength} id={`${idPrefix}-strength`} />
        {passphraseProblem && (
          <p className="field-error" role="alert" id={`${idPrefix}-passphrase-problem`} data-testid="passphrase-problem">
            {passphraseMessage(passphraseProblem)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-confirmation`}>{props.confirmationLabel}</label>
        <PassphraseInput
          id={`${idPrefix}-confirmation`}
          value={form.confirmation}
          onChange={form.setConfirmation}
          onBlur={() => form.touch('confirmation')}
          testId={props.confirmationTestId}
          autoComplete="new-password"
          disabled={props.disabled}
          invalid={confirmationProblem !== null}
          describedBy={`${idPrefix}-confirmation-problem`}
        />
        {confirmationProblem && (
          <p className="field-error" role="alert" id={`${idPrefix}-confirmation-problem`} data-testid="confirmation-problem">
            {confirmationMessage(confirmationProblem)}
          </p>
        )}
      </div>
    </>
  );
}
