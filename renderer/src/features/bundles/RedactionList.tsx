import { useTranslation } from 'react-i18next';
import type { PlannedRedaction } from '../../../../shared/domain/bundle';
import { isDrawn } from './redactionEdits';

interface Props {
  page: number;
  redactions: PlannedRedaction[];
  onToggle: (redaction: PlannedRedaction) => void;
  onReset: (redaction: PlannedRedaction) => void;
}

/**
 * The page's redactions in words: what each covers and where it was read — for the lawyer's eyes only,
 * the bundle prints just the label — whether it was moved, and waive / restore / remove.
 */
export function RedactionList({ page, redactions, onToggle, onReset }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  if (redactions.length === 0) return null;
  return (
    <ul className="redact-list" aria-label={t('bundles.redact.onPage', { page })}>
      {redactions.map((redaction) => {
        const drawn = isDrawn(redaction);
        return (
          <li
            key={redaction.key}
            className="redact-item"
            data-testid="redaction-item"
            data-reason={redaction.reason}
            data-origin={redaction.origin}
            data-waived={redaction.waived}
            data-adjusted={redaction.adjusted}
          >
            <span className={redaction.waived ? 'redact-swatch redact-swatch-waived' : 'redact-swatch'} aria-hidden="true" />
            <span className="redact-what">
              <strong className="redact-subject" data-testid="redaction-subject">
                {redaction.subject}
              </strong>{' '}
              <span className="redact-facts">
                {/* A box of the lawyer's own is said once, by where it came from. */}
                {!drawn && <span>{t(`bundles.redact.reasons.${redaction.reason}`)}</span>}
                <span data-testid="redaction-origin">{t(`bundles.redact.origins.${redaction.origin}`)}</span>
                {redaction.adjusted && <span className="badge">{t('bundles.redact.moved')}</span>}
                {redaction.waived && <span className="badge badge-warning">{t('bundles.redact.waived')}</span>}
              </span>
              {!drawn && <span className="hint redact-printed">{t('bundles.redact.printedAs', { label: redaction.label })}</span>}
            </span>
            <span className="redact-actions">
              {redaction.adjusted && !drawn && (
                <button type="button" className="button-quiet" onClick={() => onReset(redaction)} data-testid="redaction-reset">
                  {t('bundles.redact.putBack')}
                </button>
              )}
              <button type="button" className="button-quiet" onClick={() => onToggle(redaction)} data-testid="redaction-toggle">
                {redaction.waived ? t('bundles.redact.restore') : drawn ? t('bundles.redact.remove') : t('bundles.redact.waive')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
