import { useTranslation } from 'react-i18next';
import type { ErrorText } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** The demo vault's opening, as App runs it: busy while the sample files are stored, or why it failed. */
export interface DemoOpening {
  busy: boolean;
  error: ErrorText | null;
  open: () => void;
}

/**
 * "Try Dalel with sample documents" (issue 14 item 10), under the first-run screen's own actions: a
 * secondary way in, said to be a separate vault of fictional documents before anything is made.
 */
export function DemoOffer({ demo, disabled = false }: { demo: DemoOpening; disabled?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="demo-offer">
      <button type="button" onClick={demo.open} disabled={disabled || demo.busy} aria-describedby="demo-offer-hint" data-testid="try-demo-button">
        {demo.busy ? t('demo.busy') : t('demo.try')}
      </button>
      <p className="hint" id="demo-offer-hint">
        {t('demo.tryHint')}
      </p>
      {demo.error && <ErrorAlert error={demo.error} testId="demo-error" />}
    </div>
  );
}
