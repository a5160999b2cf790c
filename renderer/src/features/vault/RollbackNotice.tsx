import { useTranslation } from 'react-i18next';
import type { RollbackView } from './rollback';

interface Props {
  rollback: RollbackView;
  busy: boolean;
  onAcknowledge: () => void;
}

/**
 * The unlock screen's words for `vault-rolled-back`: the database here is older than the vault has been
 * (an older copy was put back, or changes were lost after a crash). Either the lawyer did that on
 * purpose — then it opens, and the acknowledgement goes in the audit log — or nothing should be touched
 * until someone has looked at it.
 */
export function RollbackNotice({ rollback, busy, onAcknowledge }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning rollback" role="alert" data-testid="rollback-notice" data-reason={rollback.reason}>
      <p>
        <strong>{t('rollback.title')}</strong>
      </p>
      <p>{t(`rollback.reason.${rollback.reason}`)}</p>
      {rollback.anchored !== null && rollback.found !== null && (
        <p data-testid="rollback-heads">{t('rollback.heads', { anchored: rollback.anchored, found: rollback.found })}</p>
      )}
      {rollback.anchored === null && rollback.found !== null && <p data-testid="rollback-heads">{t('rollback.foundOnly', { found: rollback.found })}</p>}
      <p>{t('rollback.onPurpose')}</p>
      <div className="actions">
        <button type="button" onClick={onAcknowledge} disabled={busy} data-testid="rollback-acknowledge">
          {t('rollback.acknowledge')}
        </button>
      </div>
      <p>{t('rollback.otherwise')}</p>
    </div>
  );
}
