import type { Law, Person, Suggestion, SuggestionKind } from '../../../../shared/domain/tagging';

/** The panel's sections, in the order a lawyer reads a letter for a case: the law, who, when, which. */
export const SUGGESTION_GROUPS = ['law', 'person', 'date', 'number', 'type'] as const;
export type SuggestionGroup = (typeof SUGGESTION_GROUPS)[number];

const GROUP_OF: Record<SuggestionKind, SuggestionGroup> = {
  law: 'law',
  person: 'person',
  'document-date': 'date',
  'valid-until': 'date',
  deadline: 'date',
  number: 'number',
  type: 'type',
};

export function groupOf(kind: SuggestionKind): SuggestionGroup {
  return GROUP_OF[kind];
}

export interface SuggestionSection {
  group: SuggestionGroup;
  items: Suggestion[];
}

/**
 * The open suggestions by section, empty sections left out; within one, in reading order (page, then
 * place on the page), so the list follows the letter.
 */
export function groupSuggestions(suggestions: readonly Suggestion[]): SuggestionSection[] {
  const open = suggestions.filter((suggestion) => suggestion.status === 'open');
  return SUGGESTION_GROUPS.map((group) => ({
    group,
    items: open.filter((suggestion) => groupOf(suggestion.kind) === group).sort(readingOrder),
  })).filter((section) => section.items.length > 0);
}

function readingOrder(a: Suggestion, b: Suggestion): number {
  return (a.page ?? Infinity) - (b.page ?? Infinity) || (a.bbox?.[1] ?? 0) - (b.bbox?.[1] ?? 0) || b.confidence - a.confidence;
}

/** An unknown name needs the lawyer to say who it is; everything else can be accepted as it stands. */
export function needsChoice(suggestion: Suggestion): boolean {
  return suggestion.kind === 'person' && suggestion.value === null;
}

/**
 * What "Accept all sure" accepts: the open suggestions that need no choice and that the core marked sure
 * (confidence at its kind's calibrated threshold, Suggestion.sure). The rest are reviewed one by one.
 */
export function acceptableInBulk(suggestions: readonly Suggestion[]): Suggestion[] {
  return suggestions.filter((suggestion) => suggestion.status === 'open' && suggestion.sure && !needsChoice(suggestion));
}

/** The open suggestions "Accept all sure" leaves for the lawyer to look at. */
export function toReview(suggestions: readonly Suggestion[]): Suggestion[] {
  const bulk = new Set(acceptableInBulk(suggestions));
  return suggestions.filter((suggestion) => suggestion.status === 'open' && !bulk.has(suggestion));
}

/** A law suggestion's register entry and article; the value reads LAW-ID or LAW-ID:article. */
export function lawOf(suggestion: Suggestion, laws: readonly Law[]): { law: Law | null; lawId: string; article: string | null } {
  const [idFromValue, articleFromValue] = (suggestion.value ?? '').split(':');
  const lawId = suggestion.detail.law ?? idFromValue ?? '';
  const article = suggestion.detail.article ?? articleFromValue ?? null;
  return { law: laws.find((law) => law.id === lawId) ?? null, lawId, article: article || null };
}

/** A law's title in the lawyer's language, falling back to English, then to its number. */
export function lawTitle(law: Law | null, lawId: string, language: string): string {
  if (!law) return lawId;
  const titles = law.title as Record<string, string | undefined>;
  return titles[language] || law.title.en || law.number || law.id;
}

export function personName(personId: string | null, persons: readonly Person[]): string | null {
  return persons.find((person) => person.id === personId)?.name ?? null;
}
