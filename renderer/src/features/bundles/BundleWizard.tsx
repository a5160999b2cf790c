import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { useDocuments } from '../library/useDocuments';
import { ArrangeStep } from './ArrangeStep';
import type { BundleSource } from './bundleDraft';
import { ExportStep } from './ExportStep';
import { PreviewStep } from './PreviewStep';
import { ProblemList } from './ProblemList';
import { RedactionStep } from './RedactionStep';
import { SelectStep } from './SelectStep';
import { useBundleWizard } from './useBundleWizard';
import { canOpen, draftProblems, needsSave, nextStep, previousStep, STEPS, stepProblems, type Step } from './wizardSteps';

interface Props {
  source: BundleSource;
  /** Back to the bundles (or wherever the wizard was opened from). */
  onLeave: () => void;
}

/**
 * The bundle wizard: select → order and sections → redaction review → preview → export. The first two
 * steps edit the definition; the others work on it as saved, so going on to them saves it first, and
 * leaving the wizard after that loses nothing.
 */
export function BundleWizard({ source, onLeave }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const wizard = useBundleWizard(source);
  const { documents } = useDocuments();
  const [step, setStep] = useState<Step>(source.from === 'saved' ? 'arrange' : 'select');
  const [showProblems, setShowProblems] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const { draft } = wizard;
  const docs = useMemo(() => new Map<string, DocumentSummary>((documents ?? []).map((doc) => [doc.id, doc])), [documents]);

  const problems = draft ? draftProblems(draft) : [];
  const bundleId = draft?.id ?? null;
  const state = { saved: !wizard.changed, bundleId };

  const go = async (to: Step) => {
    if (!draft) return;
    const forwards = STEPS.indexOf(to) > STEPS.indexOf(step);
    if (forwards && stepProblems(step, draft).length > 0) {
      setShowProblems(true);
      return;
    }
    if (needsSave(to)) {
      if (problems.length > 0) {
        setShowProblems(true);
        return;
      }
      if (wizard.changed || !bundleId) {
        const saved = await wizard.save();
        if (!saved) return;
      }
    }
    setShowProblems(false);
    setStep(to);
  };

  const save = async () => {
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    await wizard.save();
  };

  // A bundle already in the vault keeps the edits made since (as leaving by the header does); a new one
  // is saved only if the lawyer says so, so that looking at a proposal leaves nothing behind.
  const leave = async () => {
    if (!wizard.changed || !draft) return onLeave();
    if (bundleId && problems.length === 0 && (await wizard.save())) return onLeave();
    setLeaving(true);
  };

  const saveAndLeave = async () => {
    if (await wizard.save()) onLeave();
    else setLeaving(false);
  };

  const next = nextStep(step);
  const previous = previousStep(step);

  return (
    <main className="library-body bundle-wizard" data-testid="bundle-wizard" data-step={step} aria-busy={!draft && !wizard.loadError}>
      <div className="library-toolbar">
        <button type="button" className="button-quiet" onClick={() => void leave()} data-testid="bundle-wizard-back">
          <span aria-hidden="true">← </span>
          {t('bundles.backToBundles')}
        </button>
        {draft && (
          <div className="bundle-save">
            <span className="hint" role="status" data-testid="bundle-save-status">
              {wizard.saving ? t('common.saving') : wizard.changed ? t('bundles.unsaved') : t('bundles.saved')}
            </span>
            <button type="button" onClick={() => void save()} disabled={wizard.saving || !wizard.changed} data-testid="bundle-save">
              {t('common.save')}
            </button>
          </div>
        )}
      </div>
      {wizard.loadError && <ErrorAlert error={describeError(t, wizard.loadError)} testId="bundle-load-error" />}
      {!draft && !wizard.loadError && <p className="hint">{t('bundles.loadingBundle')}</p>}
      {draft && (
        <>
          <h1 className="bundle-wizard-title" data-testid="bundle-wizard-title">
            {draft.title.trim() || t('bundles.untitled')}
          </h1>
          <nav aria-label={t('bundles.stepsLabel')}>
            <ol className="wizard-steps">
              {STEPS.map((item, index) => (
                <li key={item}>
                  <button
                    type="button"
                    className="wizard-step"
                    aria-current={item === step ? 'step' : undefined}
                    disabled={item !== step && !canOpen(item, draft, state) && !(needsSave(item) && problems.length === 0)}
                    onClick={() => void go(item)}
                    data-testid={`wizard-step-${item}`}
                  >
                    <span className="wizard-step-number">{index + 1}</span> {t(`bundles.steps.${item}`)}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {wizard.saveError && <ErrorAlert error={describeError(t, wizard.saveError)} testId="bundle-save-error" />}

          {step === 'select' && <SelectStep draft={draft} docs={docs} documents={documents} onChange={wizard.change} onAdd={wizard.addDocuments} />}
          {step === 'arrange' && <ArrangeStep draft={draft} docs={docs} onChange={wizard.change} />}
          {step === 'redact' && bundleId && <RedactionStep bundleId={bundleId} draft={draft} docs={docs} onChange={wizard.change} onSave={wizard.save} />}
          {step === 'preview' && bundleId && <PreviewStep bundleId={bundleId} />}
          {step === 'export' && bundleId && <ExportStep bundleId={bundleId} title={draft.title} redactsProtected={draft.redaction.protectedPersons} onReview={() => void go('redact')} />}

          {showProblems && problems.length > 0 && <ProblemList problems={step === 'select' ? stepProblems('select', draft) : problems} draft={draft} docs={docs} />}
          <div className="wizard-footer">
            {previous && (
              <button type="button" onClick={() => void go(previous)} data-testid="wizard-previous">
                <span aria-hidden="true">‹ </span>
                {t(`bundles.steps.${previous}`)}
              </button>
            )}
            {next && (
              <button type="button" className="button-primary" onClick={() => void go(next)} disabled={wizard.saving} data-testid="wizard-next">
                {t(`bundles.steps.${next}`)}
                <span aria-hidden="true"> ›</span>
              </button>
            )}
          </div>
        </>
      )}
      {leaving && (
        <Modal title={t('bundles.leaveTitle')} onClose={() => setLeaving(false)} testId="bundle-leave-dialog">
          <p>{t(bundleId ? 'bundles.leaveBody' : 'bundles.leaveBodyNew')}</p>
          <div className="actions">
            {problems.length === 0 && (
              <button type="button" className="button-primary" onClick={() => void saveAndLeave()} data-testid="bundle-leave-save">
                {t('bundles.saveAndLeave')}
              </button>
            )}
            <button type="button" className="button-danger" onClick={onLeave} data-testid="bundle-leave-confirm">
              {t('bundles.leaveWithoutSaving')}
            </button>
            <button type="button" onClick={() => setLeaving(false)}>
              {t('bundles.stay')}
            </button>
          </div>
        </Modal>
      )}
    </main>
  );
}
