import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** the submit button's words (often "Saving…" while `busy`) */
  submit: ReactNode;
  /** while the form's work runs: neither button can be pressed again */
  busy: boolean;
  /** the submit button waits for more than `busy` (a required field still empty…) */
  disabled?: boolean;
  /** no Cancel button without it (a form always on its page) */
  onCancel?: () => void;
  /** the submit button's test id */
  testId: string;
  /** the submit destroys something (a wipe): drawn as a danger button */
  danger?: boolean;
}

/** The end of a form: its submit button first, then Cancel. */
export function FormActions({ submit, busy, disabled = false, onCancel, testId, danger = false }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className={danger ? 'button-danger' : 'button-primary'} disabled={busy || disabled} data-testid={testId}>
        {submit}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
