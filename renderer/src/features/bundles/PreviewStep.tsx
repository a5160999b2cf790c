import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PreviewPager } from './PreviewPager';
import { clampPage } from './previewPaging';
import { useBundlePlan } from './useBundlePlan';

interface Props {
  bundleId: string;
}

/**
 * Step 4: the bundle as the PDF will print it, every page — cover, index, each document's pages with
 * their stamps and burned boxes, the manifest — one at a time, with where each document lands.
 */
export function PreviewStep({ bundleId }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { plan, error } = useBundlePlan(bundleId);
  const [wanted, setWanted] = useState(1);
  const page = plan ? clampPage(wanted, plan.pages) : 1;

  return (
    <div className="bundle-step" data-testid="bundle-preview">
      {error && <ErrorAlert error={describeError(t, error)} testId="preview-error" />}
      {!plan && !error && <p className="hint">{t('bundles.preview.loading')}</p>}
      {plan && (
        <>
          <p className="bundle-summary" data-testid="preview-total" data-pages={plan.pages}>
            {t('bundles.preview.total', { count: plan.pages })} {t('bundles.preview.frontMatter', { count: plan.frontMatterPages })}
          </p>
          <div className="preview-layout">
            <ol className="preview-documents" aria-label={t('bundles.preview.documentsLabel')}>
              {plan.documents.map((doc) => {
                const here = page >= doc.firstPage && page <= doc.lastPage;
                return (
                  <li key={`${doc.docId}#${doc.firstPage}`} data-testid="preview-document" data-doc-id={doc.docId} data-first-page={doc.firstPage}>
                    <button
                      type="button"
                      className="button-link preview-document-link"
                      aria-current={here ? 'page' : undefined}
                      onClick={() => setWanted(doc.firstPage)}
                      data-testid="preview-document-open"
                    >
                      <span className="preview-pages">{doc.firstPage === doc.lastPage ? doc.firstPage : `${doc.firstPage}–${doc.lastPage}`}</span>
                      <span>
                        {doc.translationOf && <span className="badge bundle-translation-badge">{t('bundles.translation')}</span>} {doc.title}
                      </span>
                    </button>
                    <span className="hint">{doc.section}</span>
                  </li>
                );
              })}
            </ol>
            <PreviewPager bundleId={bundleId} plan={plan} page={page} onPage={(to) => setWanted(clampPage(to, plan.pages))} />
          </div>
        </>
      )}
    </div>
  );
}
