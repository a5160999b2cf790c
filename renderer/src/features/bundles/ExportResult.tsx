import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleExportResult } from '../../../../shared/domain/bundle';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Props {
  result: BundleExportResult;
}

/**
 * What an export wrote — file, pages, SHA-256, manifest, ZIP, redactions burned — and the bundle
 * opened in the system's PDF reader or shown in its folder (the app may open only what it exported in
 * this session).
 */
export function ExportResult({ result }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorText | null>(null);

  const open = async (how: 'open' | 'folder') => {
    const done = await request(() => window.dalel.bundles.openExported({ path: result.path, how }));
    setError(done.ok ? null : describeError(t, done.error));
  };

  return (
    <section className="alert alert-success export-result" role="status" data-testid="export-result">
      <p>{t('bundles.export.done', { count: result.pages })}</p>
      <div className="actions export-open">
        <button type="button" className="button-primary" onClick={() => void open('open')} data-testid="export-open-pdf">
          {t('bundles.export.openPdf')}
        </button>
        <button type="button" onClick={() => void open('folder')} data-testid="export-show-folder">
          {t('bundles.export.showInFolder')}
        </button>
      </div>
      {error && <ErrorAlert error={error} testId="export-open-error" />}
      <dl className="export-facts">
        <dt>{t('bundles.export.file')}</dt>
        <dd data-testid="export-result-path">{result.path}</dd>
        <dt>{t('bundles.export.pages')}</dt>
        <dd data-testid="export-result-pages">{result.pages}</dd>
        <dt>{t('bundles.export.sha256')}</dt>
        <dd className="export-hash" data-testid="export-result-sha256">
          {result.sha256}
        </dd>
        <dt>{t('bundles.export.manifest')}</dt>
        <dd data-testid="export-result-manifest">{result.manifestPath}</dd>
        {result.zipPath && (
          <>
            <dt>{t('bundles.export.zipFile')}</dt>
            <dd data-testid="export-result-zip">{result.zipPath}</dd>
          </>
        )}
        <dt>{t('bundles.export.redactions')}</dt>
        <dd data-testid="export-result-redactions">{result.manifest.redactions.length}</dd>
      </dl>
      <p className="alert-detail">{t('bundles.export.hashHint')}</p>
    </section>
  );
}
