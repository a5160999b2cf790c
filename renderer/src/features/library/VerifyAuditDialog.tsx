import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../../shared/ipc/contract';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { describeError } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { VerifyCheckDetail } from './VerifyCheckDetail';
import { verifyReport, type CheckLine } from './verifyReport';

type State =
  | { status: 'checking'; deep: boolean }
  | { status: 'done'; verification: AuditVerification }
  | { status: 'failed'; error: DalelError };

const stateOf = (result: Result<AuditVerification>): State =>
  result.ok ? { status: 'done', verification: result.value } : { status: 'failed', error: result.error };

/**
 * Every check `dalel verify` runs on the open vault, one line each. The quick check runs as the dialog
 * opens; the full check (every original's SHA-256, SQLite's integrity_check) is offered beside it,
 * because on a large vault it reads every byte and takes minutes.
 */
export function VerifyAuditDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'checking', deep: false });

  // The check is what the dialog is for: run it as soon as the dialog opens.
  useEffect(() => {
    let live = true;
    void request(() => window.dalel.vault.verify({ deep: false })).then((result) => {
      if (live) setState(stateOf(result));
    });
    return () => {
      live = false;
    };
  }, []);

  const verify = async (deep: boolean) => {
    setState({ status: 'checking', deep });
    setState(stateOf(await request(() => window.dalel.vault.verify({ deep }))));
  };

  const checking = state.status === 'checking';
  const verdict = state.status === 'done' ? (verifyReport(state.verification).ok ? 'ok' : 'broken') : state.status;
  return (
    <Modal title={t('audit.title')} onClose={onClose} testId="verify-audit-dialog">
      <p className="hint">{t('audit.explain')}</p>
      <div
        aria-live="polite"
        aria-busy={checking}
        data-testid="verify-result"
        data-status={verdict}
        data-deep={state.status === 'done' ? String(state.verification.deep === true) : state.status === 'checking' ? String(state.deep) : undefined}
      >
        {checking && (
          <div className="verify-busy">
            <p>{state.deep ? t('audit.checkingDeep') : t('audit.checking')}</p>
            <progress aria-label={t('audit.checking')} />
          </div>
        )}
        {state.status === 'failed' && <ErrorAlert error={describeError(t, state.error)} />}
        {state.status === 'done' && <VerifyResult verification={state.verification} />}
      </div>
      <div className="actions">
        <button type="button" className="button-primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
        <button type="button" onClick={() => void verify(false)} disabled={checking} data-testid="verify-again">
          {t('audit.again')}
        </button>
        <button type="button" onClick={() => void verify(true)} disabled={checking} data-testid="verify-deep">
          {t('audit.deep')}
        </button>
      </div>
    </Modal>
  );
}

function VerifyResult({ verification }: { verification: AuditVerification }): React.JSX.Element {
  const { t } = useTranslation();
  const report = verifyReport(verification);
  return (
    <>
      {report.ok ? (
        <p className="alert alert-success">{report.deep ? t('audit.allPassedDeep') : t('audit.allPassed')}</p>
      ) : (
        <div className="alert alert-error" role="alert">
          <p>{t('audit.someFailed')}</p>
          <p>{t('audit.brokenAdvice')}</p>
        </div>
      )}
      <ul className="verify-checks" data-testid="verify-checks">
        {report.lines.map((line) => (
          <CheckItem key={line.check} line={line} />
        ))}
      </ul>
    </>
  );
}

function CheckItem({ line }: { line: CheckLine }): React.JSX.Element {
  const { t } = useTranslation();
  const state = line.ok === null ? 'not-run' : line.ok ? 'ok' : 'failed';
  return (
    <li className="verify-check" data-testid="verify-check" data-check={line.check} data-state={state}>
      <div className="verify-check-head">
        <span className="verify-check-title">{t(`audit.checks.${line.check}.title`)}</span>
        <span className={`badge ${state === 'ok' ? 'badge-success' : state === 'failed' ? 'badge-danger' : ''}`}>
          {t(`audit.state.${state}`)}
        </span>
      </div>
      <p className="hint">{t(line.words.key, line.words.values)}</p>
      <VerifyCheckDetail detail={line.detail} />
    </li>
  );
}
