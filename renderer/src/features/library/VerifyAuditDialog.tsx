import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../../shared/ipc/contract';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { describeError } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { auditReport } from './auditReport';

type State = { status: 'checking' } | { status: 'done'; verification: AuditVerification } | { status: 'failed'; error: DalelError };

const stateOf = (result: Result<AuditVerification>): State =>
  result.ok ? { status: 'done', verification: result.value } : { status: 'failed', error: result.error };

export function VerifyAuditDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'checking' });

  // The check is what the dialog is for: run it as soon as the dialog opens.
  useEffect(() => {
    let live = true;
    void request(() => window.dalel.vault.verify()).then((result) => {
      if (live) setState(stateOf(result));
    });
    return () => {
      live = false;
    };
  }, []);

  const verifyAgain = async () => {
    setState({ status: 'checking' });
    setState(stateOf(await request(() => window.dalel.vault.verify())));
  };

  return (
    <Modal title={t('audit.title')} onClose={onClose} testId="verify-audit-dialog">
      <p className="hint">{t('audit.explain')}</p>
      <div aria-live="polite" data-testid="verify-result" data-status={state.status === 'done' ? (state.verification.ok ? 'ok' : 'broken') : state.status}>
        {state.status === 'checking' && <p>{t('audit.checking')}</p>}
        {state.status === 'failed' && <ErrorAlert error={describeError(t, state.error)} />}
        {state.status === 'done' && <AuditResult verification={state.verification} />}
      </div>
      <div className="actions">
        <button type="button" className="button-primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
        <button type="button" onClick={() => void verifyAgain()} disabled={state.status === 'checking'}>
          {t('audit.again')}
        </button>
      </div>
    </Modal>
  );
}

function AuditResult({ verification }: { verification: AuditVerification }): React.JSX.Element {
  const { t } = useTranslation();
  const report = auditReport(verification);
  if (report.ok) {
    return <p className="alert alert-success">{t(report.summary.key, { count: report.summary.count })}</p>;
  }
  return (
    <div className="alert alert-error" role="alert">
      <p>{t(report.problem.key, { seq: report.problem.seq })}</p>
      <p>{t(report.checked.key, { count: report.checked.count })}</p>
      <p>{t('audit.brokenAdvice')}</p>
    </div>
  );
}
