import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/ipc/contract';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { LanguageSelect } from '../../i18n/LanguageSelect';
import type { Language } from '../../i18n/language';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DemoOffer, type DemoOpening } from './DemoOffer';
import { folderName } from './folderName';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './useNewPassphrase';

interface Props {
  defaultPath: string;
  /** Creates the vault; the app then shows the recovery code. */
  onCreate: (path: string, passphrase: string) => Promise<Result<unknown>>;
  /** Present when there is a vault to go back to. */
  onCancel?: () => void;
  onOpenExisting: (path: string) => void;
  onRestore: () => void;
  /** "Try Dalel with sample documents": the demo vault, in a folder of its own. */
  demo: DemoOpening;
  /** A vault was just wiped from Settings: what was destroyed, said once on this screen. */
  wiped?: Output<'vault:wipe'> | null;
  language: Language | null;
  onLanguage: (language: Language | null) => void;
}

export function CreateVaultScreen({ defaultPath, onCreate, onCancel, onOpenExisting, onRestore, demo, wiped, language, onLanguage }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [path, setPath] = useState(defaultPath);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const form = useNewPassphrase(['dalel', 'vault', folderName(path)]);

  const explain = (failure: DalelError) =>
    describeError(t, failure, {
      validation: 'create.folderRefused',
      'vault-exists': 'create.folderHasVault',
    });

  const pick = async (purpose: 'create-vault' | 'open-vault') => {
    setError(null);
    const picked = await request(() => window.dalel.dialog.pickFolder({ purpose }));
    if (!picked.ok) setError(describeError(t, picked.error));
    else if (picked.value.path !== null) {
      if (purpose === 'create-vault') setPath(picked.value.path);
      else onOpenExisting(picked.value.path);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const verdict = await form.verdict();
      if (verdict === 'unavailable') return setError({ message: t('strength.unavailable'), detail: null });
      if (verdict === 'invalid') return;
      const created = await onCreate(path.trim(), form.passphrase);
      if (!created.ok) setError(explain(created.error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen" data-testid="create-vault-screen">
      <form className="panel" onSubmit={submit} aria-busy={busy} noValidate>
        {wiped && <WipedNotice report={wiped} />}
        <h1>{t('create.title')}</h1>
        <p className="lead">{t('create.intro')}</p>

        <div className="field">
          <label htmlFor="create-path">{t('create.folderLabel')}</label>
          <p className="hint" id="create-path-hint">
            {t('create.folderHint')}
          </p>
          <div className="input-with-button">
            <input
              id="create-path"
              value={path}
              onChange={(event) => setPath(event.target.value)}
              data-testid="vault-path-input"
              aria-describedby="create-path-hint"
              spellCheck={false}
              autoComplete="off"
              disabled={busy}
              required
            />
            <button type="button" onClick={() => void pick('create-vault')} disabled={busy} data-testid="choose-folder-button">
              {t('create.choose')}
            </button>
          </div>
        </div>

        <NewPassphraseFields
          form={form}
          idPrefix="create"
          passphraseLabel={t('create.passphraseLabel')}
          confirmationLabel={t('create.confirmLabel')}
          passphraseTestId="passphrase-input"
          confirmationTestId="passphrase-confirm-input"
          disabled={busy}
        />

        {error && <ErrorAlert error={error} testId="create-vault-error" />}

        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || path.trim() === ''} data-testid="create-vault-button">
            {busy ? t('create.busy') : t('create.submit')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel} disabled={busy}>
              {t('create.back')}
            </button>
          )}
        </div>
        <div className="secondary-actions">
          <button type="button" className="button-link" onClick={() => void pick('open-vault')} disabled={busy} data-testid="open-existing-vault">
            {t('create.openExisting')}
          </button>
          <button type="button" className="button-link" onClick={onRestore} disabled={busy} data-testid="restore-backup">
            {t('restore.link')}
          </button>
        </div>
        <DemoOffer demo={demo} disabled={busy} />
      </form>
      <LanguageSelect value={language} onChange={onLanguage} disabled={busy} compact />
    </main>
  );
}

function WipedNotice({ report }: { report: Output<'vault:wipe'> }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info" role="status" data-testid="wiped-notice">
      <p>{t('wipe.done', { folder: folderName(report.vault), count: report.files })}</p>
      {report.leftInPlace.length > 0 && <p>{t('wipe.leftInPlace', { files: report.leftInPlace.join(', ') })}</p>}
    </div>
  );
}
