import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

export function RecoveryCodeScreen({ code, onDone, reason = 'created' }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
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
            <p className="hint" role="status" data-testid="recovery-copy-status">
              {copy === 'copied' && t('recovery.copied')}
              {copy === 'failed' && t('recovery.copyFailed')}
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
