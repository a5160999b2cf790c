import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleDefinition, ManualRedaction, PlannedRedaction } from '../../../../shared/domain/bundle';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { bundleDocIds } from './arrangement';
import type { BundleDraft } from './bundleDraft';
import { groupRedactions, manualBoxOf, redactionCounts, setWaived } from './redactionBoxes';
import { RedactionPage } from './RedactionPage';
import { RedactionTerms } from './RedactionTerms';
import { useBundlePlan } from './useBundlePlan';

interface Props {
  bundleId: string;
  draft: BundleDraft;
  docs: Map<string, DocumentSummary>;
  onChange: (change: (draft: BundleDraft) => BundleDraft) => void;
  onSave: () => Promise<BundleDefinition | null>;
}

/**
 * Step 3: what will be burned out of the bundle, shown where it is, on the page images. Protected
 * persons are redacted unless the lawyer turns it off; search terms and rectangles drawn on a page
 * are added; any automatic box can be waived and restored. Every change is saved and planned again.
 */
export function RedactionStep({ bundleId, draft, docs, onChange, onSave }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const protectedId = useId();
  const { plan, error, planning, replan, adjust } = useBundlePlan(bundleId);
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const order = bundleDocIds(draft.sections);
  // As the index names them; a translation by its document's title.
  const titles = new Map(draft.sections.flatMap((section) => section.entries.map((entry) => [entry.docId, entry.title] as const)));

  const changeAndPlan = async (change: (current: BundleDraft) => BundleDraft, planAgain = true) => {
    onChange(change);
    if ((await onSave()) && planAgain) replan();
  };

  const toggle = (redaction: PlannedRedaction) => {
    const drawn = manualBoxOf(redaction, draft.redaction.boxes);
    if (drawn >= 0) {
      void changeAndPlan((current) => ({ ...current, redaction: { ...current.redaction, boxes: current.redaction.boxes.filter((_, index) => index !== drawn) } }));
      return;
    }
    const waive = !redaction.waived;
    adjust((current) => ({ ...current, redactions: current.redactions.map((item) => (item.key === redaction.key ? { ...item, waived: waive } : item)) }));
    void changeAndPlan((current) => ({ ...current, redaction: { ...current.redaction, waived: setWaived(current.redaction.waived, redaction.key, waive) } }), false);
  };

  const addBox = (box: ManualRedaction) => void changeAndPlan((current) => ({ ...current, redaction: { ...current.redaction, boxes: [...current.redaction.boxes, box] } }));

  const grouped = plan ? groupRedactions(plan.redactions, order) : [];
  const counts = plan ? redactionCounts(plan.redactions) : null;

  return (
    <div className="bundle-step" data-testid="bundle-redact" aria-busy={planning}>
      <section className="person-section" aria-label={t('bundles.redact.optionsLabel')}>
        <label className="checkbox bundle-checkbox" htmlFor={protectedId}>
          <input
            id={protectedId}
            type="checkbox"
            checked={draft.redaction.protectedPersons}
            onChange={(event) => {
              const on = event.target.checked;
              void changeAndPlan((current) => ({ ...current, redaction: { ...current.redaction, protectedPersons: on } }));
            }}
            data-testid="redact-protected"
          />
          <span>
            {t('bundles.redact.protected')}
            <span className="hint bundle-checkbox-hint">{t('bundles.redact.protectedHint')}</span>
          </span>
        </label>
        {!draft.redaction.protectedPersons && (
          <p className="alert alert-warning" data-testid="redact-protected-off">
            {t('bundles.redact.protectedOff')}
          </p>
        )}
        <RedactionTerms
          terms={draft.redaction.terms}
          onChange={(terms) => void changeAndPlan((current) => ({ ...current, redaction: { ...current.redaction, terms } }))}
        />
      </section>

      {error && <ErrorAlert error={describeError(t, error)} testId="redact-plan-error" />}
      {!plan && !error && <p className="hint">{t('bundles.redact.planning')}</p>}
      {plan && counts && (
        <>
          <p className="bundle-summary" role="status" data-testid="redact-summary">
            {t('bundles.redact.summary', { count: counts.burned })} {counts.waived > 0 && t('bundles.redact.waivedCount', { count: counts.waived })}{' '}
            {planning && <span className="hint">{t('bundles.redact.replanning')}</span>}
          </p>
          {plan.warnings.length > 0 && (
            <div className="alert alert-warning" data-testid="redact-warnings">
              <p>{t('bundles.redact.warnings')}</p>
              <ul className="bundle-problems">
                {plan.warnings.map((warning, index) => (
                  <li key={index} data-testid="redact-warning">
                    {warning}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="hint">{t('bundles.redact.drawHint')}</p>
          {order.map((docId) => {
            const doc = docs.get(docId);
            const pages = grouped.find((item) => item.docId === docId)?.pages ?? [];
            const shown = new Set(pages.map((page) => page.page));
            for (const key of opened) if (key.startsWith(`${docId}#`)) shown.add(Number(key.slice(docId.length + 1)));
            const pageNumbers = [...shown].sort((a, b) => a - b);
            return (
              <section key={docId} className="person-section redact-document" data-testid="redact-document" data-doc-id={docId} data-file-name={doc?.fileName}>
                <h2>{titles.get(docId) || doc?.title || docId}</h2>
                {pages.length === 0 && <p className="hint">{t('bundles.redact.noneInDocument')}</p>}
                {doc && doc.pageCount > 0 && (
                  <label className="redact-open-page">
                    <span>{t('bundles.redact.openPage')}</span>
                    <select
                      value=""
                      onChange={(event) => {
                        const page = Number(event.target.value);
                        if (page > 0) setOpened((current) => new Set(current).add(`${docId}#${page}`));
                      }}
                      data-testid="redact-open-page"
                    >
                      <option value="">{t('bundles.redact.choosePage')}</option>
                      {Array.from({ length: doc.pageCount }, (_, index) => index + 1)
                        .filter((page) => !shown.has(page))
                        .map((page) => (
                          <option key={page} value={page}>
                            {t('bundles.redact.pageNumber', { page })}
                          </option>
                        ))}
                    </select>
                  </label>
                )}
                {pageNumbers.map((page) => (
                  <RedactionPage
                    key={page}
                    docId={docId}
                    page={page}
                    redactions={pages.find((item) => item.page === page)?.redactions ?? []}
                    isDrawn={(redaction) => manualBoxOf(redaction, draft.redaction.boxes) >= 0}
                    onToggle={toggle}
                    onAdd={addBox}
                  />
                ))}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
