import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleExportResult } from '../../../../shared/domain/bundle';
import type { DalelError } from '../../../../shared/ipc/errors';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { suggestedFileName } from './bundleDraft';
import { exportInput, NO_ZIP, progressFraction, type ExportProblem, type ZipChoice } from './exportChoice';
import { ExportResult } from './ExportResult';
import { useExportProgress } from './useExportProgress';

interface Props {
  bundleId: string;
  title: string;
  redactsProtected: boolean;
  /** Back to the redaction review, where unchecked pages are settled and boxes corrected. */
  onReview: () => void;
}

/** Export errors settled in the redaction review: the review is one click away. */
const REVIEW_CODES: ReadonlySet<DalelError['code']> = new Set(['unchecked-pages', 'redaction-leak']);

const PROBLEM_KEYS = {
  'no-path': 'bundles.export.problemNoPath',
  'no-zip-path': 'bundles.export.problemNoZipPath',
  'not-understood': 'bundles.export.problemNotUnderstood',
} as const satisfies Record<ExportProblem, string>;

/**
 * Step 5: where the PDF goes, whether a ZIP goes with it (and whether the unredacted originals go in
 * it, which needs a tick), then the export with its progress and what it wrote: path, SHA-256, pages.
 */
export function ExportStep({ bundleId, title, redactsProtected, onReview }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const ids = { zip: useId(), understood: useId(), originals: useId() };
  const [path, setPath] = useState<string | null>(null);
  const [zip, setZip] = useState<ZipChoice>(NO_ZIP);
  const [problem, setProblem] = useState<ExportProblem | null>(null);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [result, setResult] = useState<BundleExportResult | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [toReview, setToReview] = useState(false);
  const [progress, resetProgress] = useExportProgress(bundleId);

  const pick = async (purpose: 'bundle-pdf' | 'bundle-zip') => {
    const picked = await request(() => window.dalel.dialog.pickSavePath({ purpose, suggestedName: suggestedFileName(title, purpose === 'bundle-pdf' ? 'pdf' : 'zip') }));
    if (!picked.ok) return setError(describeError(t, picked.error));
    setError(null);
    if (picked.value.path === null) return;
    if (purpose === 'bundle-pdf') setPath(picked.value.path);
    else setZip((current) => ({ ...current, path: picked.value.path }));
  };

  const run = async () => {
    const asked = exportInput(bundleId, path, zip);
    if ('problem' in asked) return setProblem(asked.problem);
    setProblem(null);
    setError(null);
    setCancelled(null);
    setResult(null);
    setToReview(false);
    resetProgress();
    setRunning(true);
    const done = await request(() => window.dalel.bundles.export(asked.input));
    setRunning(false);
    setCancelling(false);
    if (done.ok) setResult(done.value);
    // Asked for, so not an error: a plain note that nothing was written.
    else if (done.error.code === 'cancelled') setCancelled(describeError(t, done.error).message);
    else {
      setError(describeError(t, done.error));
      setToReview(REVIEW_CODES.has(done.error.code));
    }
  };

  // The export's own call ends with 'cancelled' once it has stopped; a cancel that came too late
  // (the files were being put in place) changes nothing, and the export finishes.
  const cancel = async () => {
    setCancelling(true);
    const asked = await request(() => window.dalel.bundles.cancelExport({ bundleId }));
    if (!asked.ok) {
      setCancelling(false);
      setError(describeError(t, asked.error));
    }
  };

  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const fraction = running ? progressFraction(progress) : result ? 1 : 0;

  return (
    <div className="bundle-step" data-testid="bundle-export">
      <section className="person-section">
        <h2>{t('bundles.export.pdfTitle')}</h2>
        <div className="export-path">
          <button type="button" onClick={() => void pick('bundle-pdf')} disabled={running} data-testid="export-pick-pdf">
            {t('bundles.export.choosePdf')}
          </button>
          <span className="export-path-value" data-testid="export-pdf-path">
            {path ?? t('bundles.export.noPath')}
          </span>
        </div>
        {!redactsProtected && <p className="alert alert-warning">{t('bundles.export.protectedOff')}</p>}
      </section>

      <section className="person-section">
        <h2>{t('bundles.export.zipTitle')}</h2>
        <label className="checkbox bundle-checkbox" htmlFor={ids.zip}>
          <input
            id={ids.zip}
            type="checkbox"
            checked={zip.wanted}
            disabled={running}
            onChange={(event) => {
              const wanted = event.target.checked;
              setZip((current) => ({ ...current, wanted }));
            }}
            data-testid="export-zip"
          />
          <span>{t('bundles.export.zip')}</span>
        </label>
        {zip.wanted && (
          <>
            <div className="export-path">
              <button type="button" onClick={() => void pick('bundle-zip')} disabled={running} data-testid="export-pick-zip">
                {t('bundles.export.chooseZip')}
              </button>
              <span className="export-path-value" data-testid="export-zip-path">
                {zip.path ?? t('bundles.export.noPath')}
              </span>
            </div>
            <fieldset className="export-originals">
              <legend>{t('bundles.export.originals')}</legend>
              {(['none', 'unredacted'] as const).map((choice) => (
                <label key={choice} className="checkbox bundle-checkbox">
                  <input
                    type="radio"
                    name={ids.originals}
                    checked={zip.originals === choice}
                    disabled={running}
                    onChange={() => setZip((current) => ({ ...current, originals: choice, understood: false }))}
                    data-testid={`export-originals-${choice}`}
                  />
                  <span>{t(choice === 'none' ? 'bundles.export.originalsNone' : 'bundles.export.originalsUnredacted')}</span>
                </label>
              ))}
            </fieldset>
            {zip.originals === 'unredacted' && (
              <div className="alert alert-warning" data-testid="export-unredacted-warning">
                <p>{t('bundles.export.unredactedWarning')}</p>
                <label className="checkbox bundle-checkbox" htmlFor={ids.understood}>
                  <input
                    id={ids.understood}
                    type="checkbox"
                    checked={zip.understood}
                    disabled={running}
                    onChange={(event) => {
                      const understood = event.target.checked;
                      setZip((current) => ({ ...current, understood }));
                    }}
                    data-testid="export-understood"
                  />
                  <span>{t('bundles.export.understood')}</span>
                </label>
              </div>
            )}
          </>
        )}
      </section>

      {problem && (
        <p className="alert alert-warning" role="alert" data-testid="export-problem">
          {t(PROBLEM_KEYS[problem])}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void run()} disabled={running} data-testid="export-run">
          {running ? t('bundles.export.running') : result ? t('bundles.export.again') : t('bundles.export.run')}
        </button>
        {running && (
          <button type="button" onClick={() => void cancel()} disabled={cancelling} data-testid="export-cancel">
            {cancelling ? t('bundles.export.cancelling') : t('bundles.export.cancel')}
          </button>
        )}
      </div>
      {(running || result) && (
        <div className="export-progress" data-testid="export-progress">
          <progress value={fraction} max={1} aria-label={t('bundles.export.progressLabel')} />
          <span className="hint" aria-live="polite">
            {running && progress ? t(`bundles.export.phases.${progress.phase}`, { done: progress.done, total: progress.total }) : ''} {percent.format(fraction)}
          </span>
        </div>
      )}
      {error && <ErrorAlert error={error} testId="export-error" />}
      {error && toReview && (
        <div className="actions">
          <button type="button" onClick={onReview} data-testid="export-to-review">
            {t('bundles.export.toReview')}
          </button>
        </div>
      )}
      {cancelled && (
        <p className="alert alert-info" role="status" data-testid="export-cancelled">
          {cancelled}
        </p>
      )}
      {result && <ExportResult result={result} />}
    </div>
  );
}
