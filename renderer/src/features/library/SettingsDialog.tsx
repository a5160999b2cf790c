import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, Settings } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/errors';
import { LanguageSelect } from '../../i18n/LanguageSelect';
import type { Language } from '../../i18n/language';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { formatDay } from '../../ui/dayInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { BackupSection } from '../backup/BackupSection';
import { SecuritySection, type RecoveryReason } from '../vault/SecuritySection';
import { autoLockChoices } from './autoLockChoices';
import { tabKeyTarget } from '../../ui/tabList';
import { FormActions } from '../../ui/FormActions';

export const SETTINGS_SECTIONS = ['general', 'backup', 'security'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

interface Props {
  settings: Settings;
  onSave: (change: Partial<Settings>) => Promise<Result<Settings>>;
  onClose: () => void;
  vaultPath: string;
  onChangePassphrase: () => void;
  onVerify: () => void;
  onRecoveryCode: (code: string, reason: RecoveryReason) => void;
  onWiped: (report: Output<'vault:wipe'>) => void;
}

/** Settings in three sections: General (auto-lock, language), Backup, and Security (keys, verify, wipe). */
export function SettingsDialog(props: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [section, setSection] = useState<SettingsSection>('general');
  const tabs = useRef<Partial<Record<SettingsSection, HTMLButtonElement | null>>>({});

  // The tab pattern's keys: arrows move between sections, Home and End go to the first and last.
  const onTabKey = (event: KeyboardEvent) => {
    const to = tabKeyTarget(event.key, SETTINGS_SECTIONS.indexOf(section), SETTINGS_SECTIONS.length);
    if (to === null) return;
    event.preventDefault();
    const next = SETTINGS_SECTIONS[to]!;
    setSection(next);
    tabs.current[next]?.focus();
  };

  return (
    <Modal title={t('settings.title')} onClose={props.onClose} testId="settings-dialog" wide>
      <div className="settings-tabs" role="tablist" aria-label={t('settings.sectionsLabel')} onKeyDown={onTabKey}>
        {SETTINGS_SECTIONS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`settings-tab-${name}`}
            aria-selected={section === name}
            aria-controls={`settings-panel-${name}`}
            tabIndex={section === name ? 0 : -1}
            onClick={() => setSection(name)}
            data-testid={`settings-tab-${name}`}
          >
            {t(`settings.sections.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`settings-panel-${section}`} aria-labelledby={`settings-tab-${section}`} className="settings-panel">
        {section === 'general' && <GeneralSection settings={props.settings} onSave={props.onSave} onClose={props.onClose} />}
        {section === 'backup' && <BackupSection vaultPath={props.vaultPath} />}
        {section === 'security' && (
          <SecuritySection
            vaultPath={props.vaultPath}
            onChangePassphrase={props.onChangePassphrase}
            onVerify={props.onVerify}
            onRecoveryCode={props.onRecoveryCode}
            onWiped={props.onWiped}
          />
        )}
      </div>
      {section !== 'general' && (
        <div className="actions">
          <button type="button" onClick={props.onClose} data-testid="settings-close">
            {t('common.close')}
          </button>
        </div>
      )}
    </Modal>
  );
}

/** Settings apply on Save, not on every change, so a lawyer exploring the list does not relock the app. */
function GeneralSection({ settings, onSave, onClose }: Pick<Props, 'settings' | 'onSave' | 'onClose'>): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [minutes, setMinutes] = useState(settings.autoLockMinutes);
  const [language, setLanguage] = useState<Language | null>(settings.language);
  const [dateFormat, setDateFormat] = useState<Settings['dateFormat']>(settings.dateFormat);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const saved = await onSave({ autoLockMinutes: minutes, language, dateFormat });
    setBusy(false);
    if (saved.ok) onClose();
    else setError(describeError(t, saved.error));
  };

  return (
    <form onSubmit={submit} aria-busy={busy} data-testid="settings-general">
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
      <div className="field">
        <label htmlFor="settings-dates">{t('settings.datesLabel')}</label>
        <p className="hint" id="settings-dates-hint">
          {t('settings.datesHint')}
        </p>
        <select
          id="settings-dates"
          value={dateFormat}
          onChange={(event) => setDateFormat(event.target.value === 'iso' ? 'iso' : 'language')}
          aria-describedby="settings-dates-hint"
          data-testid="settings-dates"
          disabled={busy}
        >
          <option value="language">{t('settings.datesLanguage', { example: formatDay('2021-04-08', language ?? i18n.language) })}</option>
          <option value="iso">{t('settings.datesIso')}</option>
        </select>
      </div>
      {error && <ErrorAlert error={error} testId="settings-error" />}
      <FormActions submit={busy ? t('common.saving') : t('common.save')} busy={busy} onCancel={onClose} testId="settings-save" />
    </form>
  );
}
