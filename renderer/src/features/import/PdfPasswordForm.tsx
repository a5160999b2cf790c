import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordOutcome } from './importProgress';

interface Props {
  fileName: string;
  /** The core is trying a password (the file's row is `reading`). */
  checking: boolean;
  /** Sends the password and answers how the try ended. */
  onSubmit: (password: string) => Promise<PasswordOutcome>;
}

/**
 * The password of a protected PDF, asked in its row of the import panel. The field is left to the
 * browser rather than held in React state: the value is read from the form as it is sent and the form is
 * emptied at once, so once the password has gone to the core (which uses it once and keeps it nowhere)
 * the page holds it nowhere either. No autocomplete: a browser must not offer to remember it.
 */
export function PdfPasswordForm({ fileName, checking, onSubmit }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState(false);
  // A try that did not open the file gives the field back, focused, for the next attempt; kept until the
  // next one, so that a late progress event that disables the form for a moment does not lose it.
  const refocus = useRef(false);
  const busy = sending || checking;

  useEffect(() => {
    if (!busy && refocus.current) field.current?.focus();
  }, [busy]);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = new FormData(form).get('password');
    form.reset();
    if (typeof password !== 'string' || password === '') return;
    refocus.current = false;
    setSending(true);
    const outcome = await onSubmit(password);
    refocus.current = outcome !== 'opened';
    setSending(false);
  };

  return (
    <form className="import-password" onSubmit={(event) => void submit(event)} data-testid="import-password-form">
      <label htmlFor={id}>{t('import.password.label', { file: fileName })}</label>
      <div className="import-password-row">
        <input
          ref={field}
          id={id}
          name="password"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          disabled={busy}
          aria-describedby={hintId}
          data-testid="import-password"
        />
        <button type="submit" disabled={busy} data-testid="import-password-submit">
          {busy ? t('import.password.checking') : t('import.password.submit')}
        </button>
      </div>
      <p id={hintId} className="hint">
        {t('import.password.hint')}
      </p>
    </form>
  );
}
