import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../shared/domain/document';
import { summarizeBatch } from './importProgress';

interface Props {
  batches: ImportProgress[];
  onShow: () => void;
}

/**
 * While a document is open, running imports shrink to one line in a corner, so they never cover the
 * page or its text; the full panels are in the library.
 */
export function RunningImportsNotice({ batches, onShow }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const running = batches.map(summarizeBatch).filter((summary) => summary.running);
  if (running.length === 0) return null;
  const finished = running.reduce((sum, summary) => sum + summary.finished, 0);
  const total = running.reduce((sum, summary) => sum + summary.files, 0);
  return (
    <div className="import-notice" role="status" data-testid="import-notice">
      <span>{t('import.running', { finished, total })}</span>
      <button type="button" className="button-link" onClick={onShow}>
        {t('import.show')}
      </button>
    </div>
  );
}
