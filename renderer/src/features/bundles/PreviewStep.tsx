import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useBundlePlan } from './useBundlePlan';
import { useRenderedImage } from './useRenderedImage';

interface Props {
  bundleId: string;
}

/** Step 4: the cover and the index as the PDF will print them, and how many pages the bundle has. */
export function PreviewStep({ bundleId }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { plan, error } = useBundlePlan(bundleId);
  const frontMatter = plan?.frontMatterPages ?? 0;

  return (
    <div className="bundle-step" data-testid="bundle-preview">
      {error && <ErrorAlert error={describeError(t, error)} testId="preview-error" />}
      {!plan && !error && <p className="hint">{t('bundles.preview.loading')}</p>}
      {plan && (
        <>
          <p className="bundle-summary" data-testid="preview-total" data-pages={plan.pages}>
            {t('bundles.preview.total', { count: plan.pages })} {t('bundles.preview.frontMatter', { count: plan.frontMatterPages })}
          </p>
          <ol className="preview-documents" aria-label={t('bundles.preview.documentsLabel')}>
            {plan.documents.map((doc) => (
              <li key={`${doc.docId}#${doc.firstPage}`} data-testid="preview-document">
                <span className="preview-pages">{doc.firstPage === doc.lastPage ? doc.firstPage : `${doc.firstPage}–${doc.lastPage}`}</span>
                <span>
                  {doc.translationOf && <span className="badge bundle-translation-badge">{t('bundles.translation')}</span>} {doc.title}
                </span>
                <span className="hint">{doc.section}</span>
              </li>
            ))}
          </ol>
          <div className="preview-pages-list">
            {Array.from({ length: frontMatter }, (_, index) => index + 1).map((page) => (
              <PreviewPage key={page} bundleId={bundleId} page={page} version={plan.pages} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function PreviewPage({ bundleId, page, version }: { bundleId: string; page: number; version: number }): React.JSX.Element {
  const { t } = useTranslation();
  const image = useRenderedImage(`${bundleId}#${page}#${version}`, () => window.dalel.bundles.previewPage({ bundleId, page }));
  return (
    <figure className="preview-page" data-testid="preview-page" data-page={page}>
      {image.status === 'loading' && <div className="page-placeholder">{t('bundles.preview.rendering')}</div>}
      {image.status === 'failed' && <ErrorAlert error={describeError(t, image.error)} />}
      {image.status === 'ready' && <img src={image.url} alt={t(page === 1 ? 'bundles.preview.coverAlt' : 'bundles.preview.indexAlt', { page })} data-testid="preview-image" />}
      <figcaption className="hint">{page === 1 ? t('bundles.preview.cover') : t('bundles.preview.index', { page })}</figcaption>
    </figure>
  );
}
