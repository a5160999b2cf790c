import { entryCount } from './arrangement';
import type { BundleDraft } from './bundleDraft';

/**
 * The wizard's steps and what each needs before the lawyer can go on. The first two edit the
 * definition; the last three work on the saved bundle (the core plans, previews and exports what is in
 * the vault), so they open only once the definition is saved with nothing wrong in it.
 */
export const STEPS = ['select', 'arrange', 'redact', 'preview', 'export'] as const;
export type Step = (typeof STEPS)[number];

export type DraftProblem =
  | { kind: 'no-documents' }
  | { kind: 'no-title' }
  | { kind: 'section-title'; section: number }
  | { kind: 'empty-section'; section: number }
  | { kind: 'entry-title'; docId: string }
  | { kind: 'entry-date'; docId: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Everything that keeps the draft from being saved, in the order the lawyer meets it on the page. */
export function draftProblems(draft: BundleDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (entryCount(draft.sections) === 0) problems.push({ kind: 'no-documents' });
  if (draft.title.trim() === '') problems.push({ kind: 'no-title' });
  draft.sections.forEach((section, index) => {
    if (section.title.trim() === '') problems.push({ kind: 'section-title', section: index });
    if (section.entries.length === 0 && draft.sections.length > 1) problems.push({ kind: 'empty-section', section: index });
    for (const entry of section.entries) {
      if (entry.title.trim() === '') problems.push({ kind: 'entry-title', docId: entry.docId });
      const date = entry.date?.trim() ?? '';
      if (date !== '' && !isDay(date)) problems.push({ kind: 'entry-date', docId: entry.docId });
    }
  });
  return problems;
}

/** The problems that stop the lawyer leaving `step` forwards. */
export function stepProblems(step: Step, draft: BundleDraft): DraftProblem[] {
  if (step === 'select') return draftProblems(draft).filter((problem) => problem.kind === 'no-documents');
  return draftProblems(draft);
}

export interface StepState {
  /** The definition is saved as it is now shown. */
  saved: boolean;
  /** The bundle has an id in the vault. */
  bundleId: string | null;
}

/** Can the lawyer open `step` now? Earlier steps always; later ones once what comes before is in order. */
export function canOpen(step: Step, draft: BundleDraft, state: StepState): boolean {
  switch (step) {
    case 'select':
      return true;
    case 'arrange':
      return stepProblems('select', draft).length === 0;
    default:
      return draftProblems(draft).length === 0 && state.bundleId !== null;
  }
}

export function nextStep(step: Step): Step | null {
  return STEPS[STEPS.indexOf(step) + 1] ?? null;
}

export function previousStep(step: Step): Step | null {
  return STEPS[STEPS.indexOf(step) - 1] ?? null;
}

/** Steps after `arrange` act on the saved bundle: moving to one saves first. */
export function needsSave(step: Step): boolean {
  return STEPS.indexOf(step) > STEPS.indexOf('arrange');
}
