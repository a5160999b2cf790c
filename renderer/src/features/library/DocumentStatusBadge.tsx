import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { documentStatusView } from './documentStatus';

export function DocumentStatusBadge({ document }: { document: DocumentSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const view = documentStatusView(document);
  const tone = { processing: 'info', ready: 'success', partial: 'warning', failed: 'danger' }[view.tone];
  return (
    <span className={`badge badge-${tone}`} data-testid="document-status" data-status={document.status}>
      {t(view.key, view.values)}
    </span>
  );
}
