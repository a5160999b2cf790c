import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/errors';
import { LanguageSelect } from '../../i18n/LanguageSelect';
import type { Language } from '../../i18n/language';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { autoLockChoices } from './autoLockChoices';

interface Props {
  settings: Settings;
  onSave: (change: Partial<Settings>) => Promise<Result<Settings>>;
  onClose: () => void;
}

/** Settings apply on Save, not on every change, so a lawyer exploring the list does not relock the app. */
export function SettingsDialog({ settings, onSave, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(settings.autoLockMinutes);
  const [language, setLanguage] = useState<Language | null>(settings.language);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const saved = await onSave({ autoLockMinutes: minutes, language });
    setBusy(false);
    if (saved.ok) onClose();
    else setError(describeError(t, saved.error));
  };

  return (
    <Modal title={t('settings.title')} onClose={onClose} testId="settings-dialog">
      <form onSubmit={submit} aria-busy={busy}>
        <div className="field">
          <label htmlFor="settings-auto-lock">{t('settings.autoLockLabel')}</label>
          <p className="hint" id="settings-auto-lock-hint">
            {t('settings.autoLockHint')}
          </p>
          <select
            id="settings-auto-lock"
            value={minutes}
            onChange={(event) => setMinutes(Number(event.target.value))}
            aria-describedby="settings-auto-lock-hint"
            data-testid="settings-auto-lock"
            disabled={busy}
          >
            {autoLockChoices(settings.autoLockMinutes).map((value) => (
              <option key={value} value={value}>
                {value === 0 ? t('settings.autoLockNever') : t('settings.minutes', { count: value })}
              </option>
            ))}
          </select>
        </div>
        <LanguageSelect value={language} onChange={setLanguage} disabled={busy} />
        {error && <ErrorAlert error={error} testId="settings-error" />}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="settings-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
