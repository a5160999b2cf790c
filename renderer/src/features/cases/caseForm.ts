import type { CaseSummary } from '../../../../shared/domain/tagging';

export interface CaseDraft {
  title: string;
  notes: string;
}

export const EMPTY_CASE_DRAFT: CaseDraft = { title: '', notes: '' };

/** What `cases:save` is sent for a new case: the title trimmed, notes only when written. */
export function caseInput(draft: CaseDraft): { title: string; notes?: string } {
  const notes = draft.notes.trim();
  return notes ? { title: draft.title.trim(), notes } : { title: draft.title.trim() };
}

/** Cases by title, in the order of the lawyer's language. */
export function sortCases(cases: CaseSummary[], language: string): CaseSummary[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  return [...cases].sort((a, b) => collator.compare(a.title, b.title));
}

/** The case's members by id, named where the register or the library knows them; unknown ids keep their id. */
export function namedMembers<T extends { id: string }>(ids: string[], known: T[] | null, nameOf: (item: T) => string): { id: string; name: string }[] {
  const byId = new Map((known ?? []).map((item) => [item.id, item]));
  return ids.map((id) => {
    const item = byId.get(id);
    return { id, name: item ? nameOf(item) : id };
  });
}
