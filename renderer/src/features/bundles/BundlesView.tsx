import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleSummary } from '../../../../shared/domain/bundle';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { formatDay } from '../../ui/dayInput';
import { useBundles } from './useBundles';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  onOpen: (bundleId: string) => void;
  onNew: () => void;
  onBack: () => void;
}

/** The bundles saved in the vault: each can be opened again (and re-exported) or deleted; or a new one. */
export function BundlesView({ onOpen, onNew, onBack }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const { bundles, error, reload } = useBundles();
  const [deleting, setDeleting] = useState<BundleSummary | null>(null);

  return (
    <main className="library-body bundles" data-testid="bundles-view">
      <div className="library-toolbar">
        <button type="button" className="button-quiet" onClick={onBack} data-testid="bundles-back">
          <span aria-hidden="true">← </span>
          {t('viewer.back')}
        </button>
        <h1>{t('bundles.title')}</h1>
        <button type="button" className="button-primary" onClick={onNew} data-testid="bundle-new">
          {t('bundles.new')}
        </button>
      </div>
      <p className="hint">{t('bundles.intro')}</p>
      {error && <ErrorAlert error={describeError(t, error)} testId="bundles-error" />}
      {bundles === null && !error && <p className="hint">{t('bundles.loading')}</p>}
      {bundles?.length === 0 && (
        <p className="hint" data-testid="bundles-empty">
          {t('bundles.empty')}
        </p>
      )}
      {bundles && bundles.length > 0 && (
        <ul className="person-list" aria-label={t('bundles.listLabel')} data-testid="bundle-list">
          {bundles.map((bundle) => (
            <li key={bundle.id} className="bundle-card" data-testid="bundle-card" data-bundle-id={bundle.id}>
              <button type="button" className="button-link bundle-card-title" onClick={() => onOpen(bundle.id)} data-testid="bundle-open">
                {bundle.title}
              </button>
              <span className="hint">{t('bundles.documentsCount', { count: bundle.documents })}</span>
              <span className="hint" data-testid="bundle-last-export">
                {bundle.lastExport
                  ? t('bundles.lastExport', { date: formatDay(bundle.lastExport.at.slice(0, 10), dayStyle), count: bundle.lastExport.pages })
                  : t('bundles.neverExported')}
              </span>
              <button
                type="button"
                className="button-quiet"
                onClick={() => setDeleting(bundle)}
                aria-label={t('bundles.deleteNamed', { title: bundle.title })}
                data-testid="bundle-delete"
              >
                {t('bundles.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <DeleteBundleDialog
          bundle={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            reload();
          }}
        />
      )}
    </main>
  );
}

/** Deleting asks first. It removes the definition only: documents and exported files stay. */
function DeleteBundleDialog({ bundle, onClose, onDeleted }: { bundle: BundleSummary; onClose: () => void; onDeleted: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const remove = async () => {
    setBusy(true);
    const done = await request(() => window.dalel.bundles.delete({ bundleId: bundle.id }));
    setBusy(false);
    if (done.ok) onDeleted();
    else setError(describeError(t, done.error));
  };

  return (
    <Modal title={t('bundles.deleteTitle', { title: bundle.title })} onClose={onClose} testId="bundle-delete-dialog">
      <p>{t('bundles.deleteBody')}</p>
      {error && <ErrorAlert error={error} />}
      <div className="actions">
        <button type="button" className="button-danger" disabled={busy} onClick={() => void remove()} data-testid="bundle-delete-confirm">
          {t('bundles.delete')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
