import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/ipc/errors';
import { describeError, type ErrorText, type MessageOverrides } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { folderName } from './folderName';
import { useNewPassphrase, type NewPassphraseForm } from './useNewPassphrase';

export interface PassphraseChange {
  /** the current passphrase, or the recovery code standing for it */
  current: string;
  setCurrent: (value: string) => void;
  /** the new passphrase, typed twice */
  form: NewPassphraseForm;
  busy: boolean;
  error: ErrorText | null;
  submit: (event: FormEvent) => Promise<void>;
}

/**
 * A form that replaces what opens a vault (change the passphrase, replace the key): it asks for the
 * current passphrase and a new one, refuses a weak or mistyped new one before asking the core, and says
 * in words what the core refused (a wrong current passphrase as such).
 */
export function usePassphraseChange<T>(options: {
  vaultPath: string;
  initialCurrent?: string;
  change: (current: string, next: string) => Promise<Result<T>>;
  overrides?: MessageOverrides;
  onChanged: (value: T) => void;
}): PassphraseChange {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(options.initialCurrent ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const form = useNewPassphrase(['dalel', 'vault', folderName(options.vaultPath), current]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (current === '') return setError({ message: t('changePassphrase.currentEmpty'), detail: null });
    setBusy(true);
    try {
      const verdict = await form.verdict();
      if (verdict === 'unavailable') return setError({ message: t('strength.unavailable'), detail: null });
      if (verdict === 'invalid') return;
      const changed = await request(() => options.change(current, form.passphrase));
      if (changed.ok) {
        setCurrent('');
        form.reset();
        options.onChanged(changed.value);
      } else {
        setError(describeError(t, changed.error, { 'wrong-passphrase': 'changePassphrase.wrongCurrent', ...options.overrides }));
      }
    } finally {
      setBusy(false);
    }
  };

  return { current, setCurrent, form, busy, error, submit };
}
