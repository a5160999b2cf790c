import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import type { RecoveryReason } from '../../route';

interface Props {
  code: string;
  onDone: () => void;
  /** A new vault's code, or a new one after the key (`rotated`) or the code alone (`replaced`) was replaced. */
  reason?: RecoveryReason;
}

const WORDS = {
  created: { title: 'recovery.title', explain: 'recovery.explain' },
  rotated: { title: 'recovery.rotatedTitle', explain: 'recovery.rotatedExplain' },
  replaced: { title: 'recovery.replacedTitle', explain: 'recovery.replacedExplain' },
} as const satisfies Record<RecoveryReason, { title: string; explain: string }>;

type CopyState = 'idle' | 'copied' | 'failed';
type SaveState = { state: 'idle' } | { state: 'saved'; path: string } | { state: 'failed'; message: string };

export function RecoveryCodeScreen({ code, onDone, reason = 'created' }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [stored, setStored] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const groups = code.split('-');
  const half = Math.ceil(groups.length / 2);
  const first = groups.slice(0, half).join('-');
  const second = groups.slice(half).join('-');

  // The page has no clipboard permission (the shell refuses every permission request); the app writes
  // the code for it. If that fails the code is still on screen to copy by hand.
  const copyCode = async () => {
    const copied = await request(() => window.dalel.clipboard.copyRecoveryCode({ code }));
    setCopy(copied.ok ? 'copied' : 'failed');
  };

  // Main asks where with the save dialog and writes the file; the page never names a path.
  const saveCode = async () => {
    const language = i18n.language === 'ru' || i18n.language === 'kk' ? i18n.language : 'en';
    const saved = await request(() => window.dalel.recovery.saveCode({ code, language }));
    if (!saved.ok) setSave({ state: 'failed', message: describeError(t, saved.error).message });
    else if (saved.value.path) setSave({ state: 'saved', path: saved.value.path });
  };

  return (
    <main className="screen" data-testid="recovery-screen" data-reason={reason}>
      <section className="panel panel-wide" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t(WORDS[reason].title)}</h1>
        <p className="lead">{t(WORDS[reason].explain)}</p>
        <p className="alert alert-warning">{t('recovery.onlyOnce')}</p>

        <figure className="recovery">
          <figcaption className="recovery-caption">{t('recovery.codeLabel')}</figcaption>
          <p className="recovery-code" data-testid="recovery-code" translate="no">
            {/* Two halves that never break inside: on a narrow window the code wraps as 4 + 4 groups. */}
            <span className="recovery-half">{first}</span>
            {second && (
              <>
                -<wbr />
                <span className="recovery-half">{second}</span>
              </>
            )}
          </p>
          <div className="recovery-copy">
            <button type="button" onClick={() => void copyCode()} data-testid="recovery-copy-button">
              {t('recovery.copy')}
            </button>
            <button type="button" onClick={() => window.print()} data-testid="recovery-print-button">
              {t('recovery.print')}
            </button>
            <button type="button" onClick={() => void saveCode()} data-testid="recovery-save-button">
              {t('recovery.save')}
            </button>
            <p className="hint" role="status" data-testid="recovery-copy-status">
              {copy === 'copied' && t('recovery.copied')}
              {copy === 'failed' && t('recovery.copyFailed')}
            </p>
            <p className="hint" role="status" data-testid="recovery-save-status">
              {save.state === 'saved' && t('recovery.saved', { path: save.path })}
              {save.state === 'failed' && save.message}
            </p>
          </div>
        </figure>

        <label className="checkbox">
          <input
            type="checkbox"
            checked={stored}
            onChange={(event) => setStored(event.target.checked)}
            data-testid="recovery-stored-checkbox"
          />
          <span>{t('recovery.stored')}</span>
        </label>

        <div className="actions">
          <button type="button" className="button-primary" disabled={!stored} onClick={onDone} data-testid="recovery-continue-button">
            {t('recovery.continue')}
          </button>
        </div>
      </section>
    </main>
  );
}
