import type { BundleDefinition, BundleDefinitionInput, BundleSection } from '../../../../shared/domain/bundle';
import { BUNDLE_WORDS, SECTION_KINDS, type BundleLanguage } from '../../../../shared/domain/bundleWords';

/**
 * What the wizard edits: a bundle definition as the contract saves it (with its id once saved). Kept
 * whole in memory while the lawyer works, saved with bundles:save; a saved one is re-opened from the
 * vault with bundles:get and edited the same way.
 */
export type BundleDraft = BundleDefinitionInput;

/** Where a new bundle's documents come from: the entry point that opened the wizard. */
export type BundleSource =
  | { from: 'saved'; bundleId: string }
  | { from: 'person'; personId: string }
  | { from: 'case'; caseId: string }
  | { from: 'query'; query: string }
  | { from: 'documents'; docIds: string[] };

/**
 * What bundles:propose is asked for a source (a saved bundle is opened, not proposed), with the bundle's
 * language: the proposed sections are named in it, since their names print in the index.
 */
export function proposeInput(
  source: Exclude<BundleSource, { from: 'saved' }>,
  language: BundleLanguage,
): ({ personId: string } | { caseId: string } | { query: string } | { docIds: string[] }) & { language: BundleLanguage } {
  switch (source.from) {
    case 'person':
      return { personId: source.personId, language };
    case 'case':
      return { caseId: source.caseId, language };
    case 'query':
      return { query: source.query, language };
    case 'documents':
      return { docIds: source.docIds, language };
  }
}

/**
 * A new bundle from what was proposed, printed in `language` (the interface's, until the lawyer chooses
 * another); protected persons are redacted unless the lawyer says otherwise.
 */
export function newDraft(options: { title: string; sections: BundleSection[]; personId?: string | null; caseId?: string | null; language: BundleLanguage }): BundleDraft {
  return {
    title: options.title,
    caseId: options.caseId ?? null,
    personId: options.personId ?? null,
    preparedBy: '',
    stampPrefix: '',
    sections: options.sections.length > 0 ? options.sections : [{ title: BUNDLE_WORDS[options.language].sections.documents, entries: [] }],
    redaction: { protectedPersons: true, terms: [], boxes: [], waived: [] },
    language: options.language,
  };
}

/**
 * The draft printed in another language: sections still named as Dalel proposed them are renamed in the
 * new language (their names print in the index); a name the lawyer wrote stays as written.
 */
export function withLanguage(draft: BundleDraft, language: BundleLanguage): BundleDraft {
  const from = BUNDLE_WORDS[draft.language ?? 'en'].sections;
  const to = BUNDLE_WORDS[language].sections;
  const sections = draft.sections.map((section) => {
    const kind = SECTION_KINDS.find((candidate) => from[candidate] === section.title.trim());
    return kind ? { ...section, title: to[kind] } : section;
  });
  return { ...draft, language, sections };
}

/** A saved definition as a draft: what bundles:save accepts back (no timestamps). */
export function draftOf(definition: BundleDefinition): BundleDraft {
  const { createdAt: _created, updatedAt: _updated, ...draft } = definition;
  return draft;
}

/** The draft as it is saved: titles trimmed, a blank date as no date. */
export function saveInput(draft: BundleDraft): BundleDraft {
  return {
    ...draft,
    title: draft.title.trim(),
    preparedBy: draft.preparedBy.trim(),
    sections: draft.sections.map((section) => ({
      title: section.title.trim(),
      entries: section.entries.map((entry) => ({ ...entry, title: entry.title.trim(), date: entry.date?.trim() ? entry.date.trim() : null, description: entry.description.trim() })),
    })),
  };
}

/**
 * Has the lawyer changed anything since `saved`? Compared as saved, so a trailing space is no change,
 * and field by field, so the order the core returns the fields in is no change either.
 */
export function isChanged(draft: BundleDraft, saved: BundleDraft | null): boolean {
  // Never saved: worth keeping once it holds something of the lawyer's — a document, a redaction, who
  // prepared it; an untouched new bundle is left without asking.
  if (!saved) {
    const { redaction } = draft;
    return (
      draft.sections.some((section) => section.entries.length > 0) ||
      redaction.terms.length > 0 ||
      redaction.boxes.length > 0 ||
      draft.preparedBy.trim() !== '' ||
      draft.stampPrefix.trim() !== ''
    );
  }
  return canonical(saveInput(draft)) !== canonical(saveInput(saved));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** A file name for the save dialog from the bundle's title: letters of any script kept, the rest dashed. */
export function suggestedFileName(title: string, extension: 'pdf' | 'zip'): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'bundle'}.${extension}`;
}
