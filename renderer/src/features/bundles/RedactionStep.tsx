import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleDefinition, ManualRedaction, PixelBox, PlannedRedaction } from '../../../../shared/domain/bundle';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { bundleDocIds } from './arrangement';
import type { BundleDraft } from './bundleDraft';
import { OtherPeopleWarning } from './OtherPeopleWarning';
import { groupRedactions, manualBoxOf, redactionCounts, setWaived } from './redactionBoxes';
import { isDrawn, moveInOptions, moveInPlan, resetInOptions } from './redactionEdits';
import { RedactionPage } from './RedactionPage';
import { RedactionTerms } from './RedactionTerms';
import { addTerm } from './reviewChecks';
import { UncheckedPages } from './UncheckedPages';
import { useBundlePlan } from './useBundlePlan';
import { warningWords } from './bundleWarnings';

interface Props {
  bundleId: string;
  draft: BundleDraft;
  docs: Map<string, DocumentSummary>;
  onChange: (change: (draft: BundleDraft) => BundleDraft) => void;
  onSave: () => Promise<BundleDefinition | null>;
}

/**
 * Step 3: what will be burned out of the bundle, shown where it is, on the page images, each box with
 * what it covers and where it was read. Protected persons are redacted unless the lawyer turns it off;
 * search terms and boxes of the lawyer's own are added; any box can be moved and resized, any automatic
 * one waived and restored. Above the pages: people named who are not the bundle's own, and pages that
 * could not be fully checked. Every change is saved and planned again.
 */
export function RedactionStep({ bundleId, draft, docs, onChange, onSave }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const protectedId = useId();
  const hintId = useId();
  const order = bundleDocIds(draft.sections);
  const { plan, error, planning, replan, adjust } = useBundlePlan(bundleId, order);
  const [opened, setOpened] = useState<Set<string>>(new Set());
  // As the index names them; a translation by its document's title.
  const titles = new Map(draft.sections.flatMap((section) => section.entries.map((entry) => [entry.docId, entry.title] as const)));
  const titleOf = (docId: string) => titles.get(docId) || docs.get(docId)?.title || docId;

  const changeAndPlan = async (change: (current: BundleDraft) => BundleDraft, planAgain = true) => {
    onChange(change);
    if ((await onSave()) && planAgain) replan();
  };
  const changeRedaction = (change: (current: BundleDraft['redaction']) => BundleDraft['redaction'], planAgain = true) =>
    void changeAndPlan((current) => ({ ...current, redaction: change(current.redaction) }), planAgain);

  const toggle = (redaction: PlannedRedaction) => {
    if (isDrawn(redaction)) {
      changeRedaction((current) => {
        const drawn = manualBoxOf(redaction, current.boxes);
        return drawn < 0 ? current : { ...current, boxes: current.boxes.filter((_, index) => index !== drawn) };
      });
      return;
    }
    const waive = !redaction.waived;
    adjust((current) => ({ ...current, redactions: current.redactions.map((item) => (item.key === redaction.key ? { ...item, waived: waive } : item)) }));
    changeRedaction((current) => ({ ...current, waived: setWaived(current.waived, redaction.key, waive) }), false);
  };

  // The box stays where the lawyer left it at once; the plan after the save says the same.
  const move = (redaction: PlannedRedaction, box: PixelBox) => {
    adjust((current) => moveInPlan(current, redaction.key, box));
    changeRedaction((current) => moveInOptions(current, redaction, box));
  };

  const addBox = (box: ManualRedaction) => changeRedaction((current) => ({ ...current, boxes: [...current.boxes, box] }));

  const showPage = (docId: string, page: number) => {
    setOpened((current) => new Set(current).add(`${docId}#${page}`));
    // Once drawn: the page is listed after this render.
    requestAnimationFrame(() => document.getElementById(`redact-${docId}-${page}`)?.scrollIntoView({ block: 'start' }));
  };

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
              changeRedaction((current) => ({ ...current, protectedPersons: on }));
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
        <RedactionTerms terms={draft.redaction.terms} onChange={(terms) => changeRedaction((current) => ({ ...current, terms }))} />
      </section>

      {error && <ErrorAlert error={describeError(t, error)} testId="redact-plan-error" />}
      {!plan && !error && <p className="hint">{t('bundles.redact.planning')}</p>}
      {plan && counts && (
        <>
          <p className="bundle-summary" role="status" data-testid="redact-summary">
            {t('bundles.redact.summary', { count: counts.burned })} {counts.waived > 0 && t('bundles.redact.waivedCount', { count: counts.waived })}{' '}
            {planning && <span className="hint">{t('bundles.redact.replanning')}</span>}
          </p>
          <UncheckedPages pages={plan.unchecked} printPending={plan.printPending} docs={docs} titleOf={titleOf} onChanged={replan} onShowPage={showPage} />
          <OtherPeopleWarning
            people={plan.otherPeople}
            terms={draft.redaction.terms}
            order={order}
            titleOf={titleOf}
            onRedactName={(name) => changeRedaction((current) => ({ ...current, terms: addTerm(current.terms, name) }))}
            onShowPage={showPage}
          />
          {plan.warnings.length > 0 && (
            <div className="alert alert-warning" data-testid="redact-warnings">
              <p>{t('bundles.redact.warnings')}</p>
              <ul className="bundle-problems">
                {plan.warnings.map((warning, index) => (
                  <li key={index} data-testid="redact-warning">
                    {warningWords(t, warning)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="hint">{t('bundles.redact.drawHint')}</p>
          <p className="hint redact-keys-hint" id={hintId} data-testid="redact-keys-hint">
            {t('bundles.redact.editHint')}
          </p>
          {order.map((docId) => {
            const doc = docs.get(docId);
            const pages = grouped.find((item) => item.docId === docId)?.pages ?? [];
            const shown = new Set(pages.map((page) => page.page));
            for (const key of opened) if (key.startsWith(`${docId}#`)) shown.add(Number(key.slice(docId.length + 1)));
            const pageNumbers = [...shown].sort((a, b) => a - b);
            return (
              <section key={docId} className="person-section redact-document" data-testid="redact-document" data-doc-id={docId} data-file-name={doc?.fileName}>
                <h2>{titleOf(docId)}</h2>
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
                    hintId={hintId}
                    onToggle={toggle}
                    onAdd={addBox}
                    onMove={move}
                    onReset={(redaction) => changeRedaction((current) => resetInOptions(current, redaction.key))}
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
