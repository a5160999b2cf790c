import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  testId?: string;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A passphrase field with a Show/Hide switch: long passphrases typed in a second keyboard layout are
 * easy to get wrong unseen.
 */
export function PassphraseInput({
  id,
  value,
  onChange,
  onBlur,
  testId,
  autoComplete,
  autoFocus,
  disabled,
  invalid,
  describedBy,
  ref,
}: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <div className="input-with-button">
      <input
        id={id}
        ref={ref}
        type={visible ? 'text' : 'password'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        data-testid={testId}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
      />
      <button
        type="button"
        className="button-quiet"
        onClick={() => setVisible((shown) => !shown)}
        aria-pressed={visible}
        aria-label={visible ? t('common.hidePassphraseLabel') : t('common.showPassphraseLabel')}
        aria-controls={id}
        disabled={disabled}
      >
        {visible ? t('common.hidePassphrase') : t('common.showPassphrase')}
      </button>
    </div>
  );
}
