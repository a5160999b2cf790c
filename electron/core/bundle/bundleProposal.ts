/**
 * A first arrangement for a new bundle, which the lawyer then reorders: the chosen documents in
 * sections by their tagged type, titled from the documents, dated from their accepted document-date
 * tags, oldest first; translations attached to a document follow it instead of standing alone. The
 * sections are named in the bundle's language, since their names print in its index.
 */
import type { BundleEntry, BundleSection } from '../../../shared/domain/bundle';
import { BUNDLE_WORDS, type BundleLanguage, type SectionKind } from '../../../shared/domain/bundleWords';
import type { DocumentType } from '../../../shared/domain/tagging';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import type { SearchService } from '../search/searchService';
import { CaseStore } from '../tagging/caseStore';
import type { VaultDatabase } from '../vault/database';
import { BundleStore } from './bundleStore';

export type ProposalSource = { docIds: string[] } | { personId: string } | { caseId: string } | { query: string };

/** The proposed sections, in the order they are proposed. */
const PROPOSED_SECTIONS = ['decisions', 'certificates', 'correspondence'] as const satisfies readonly SectionKind[];

const SECTION_OF: Record<DocumentType, (typeof PROPOSED_SECTIONS)[number]> = {
  refusal: 'decisions',
  ruling: 'decisions',
  certificate: 'certificates',
  extension: 'certificates',
  application: 'correspondence',
  notice: 'correspondence',
  other: 'correspondence',
};

/** How many search hits are read for a query-built bundle (a document counts once). */
const QUERY_HITS = 500;

function chosenDocuments(db: VaultDatabase, source: ProposalSource, search: () => SearchService): string[] {
  const documents = new DocumentStore(db);
  if ('docIds' in source) {
    const missing = source.docIds.filter((docId) => !documents.get(docId));
    if (missing.length > 0) throw new DalelFailure('document-not-found', 'A chosen document is no longer in the vault.', { docIds: missing });
    return [...new Set(source.docIds)];
  }
  if ('personId' in source) {
    if (!db.prepare('SELECT 1 FROM persons WHERE id = ?').get(source.personId)) throw new DalelFailure('person-not-found', 'This person is no longer in the register.');
    return documents.list({ personId: source.personId }).map((doc) => doc.id);
  }
  if ('caseId' in source) {
    const detail = new CaseStore(db).get(source.caseId);
    // The case's own documents, and those tagged with a person of the case.
    const ids = new Set(detail.docIds);
    for (const personId of detail.personIds) for (const doc of documents.list({ personId })) ids.add(doc.id);
    return [...ids];
  }
  const result = search().search({ query: source.query, limit: QUERY_HITS });
  if (result.problem) throw new DalelFailure('validation', 'Add at least one word to look for; a query of exclusions alone finds nothing.').because('query-only-exclusions');
  return [...new Set(result.hits.filter((hit) => hit.complete).map((hit) => hit.docId))];
}

export function proposeSections(db: VaultDatabase, source: ProposalSource, search: () => SearchService, language: BundleLanguage = 'en'): BundleSection[] {
  const chosen = chosenDocuments(db, source, search);
  const documents = new DocumentStore(db);
  const translations = new BundleStore(db).allTranslations();
  const translationOf = new Map<string, string>();
  for (const [original, list] of translations) for (const id of list) translationOf.set(id, original);
  const chosenSet = new Set(chosen);
  const tag = db.prepare('SELECT value FROM tags WHERE document_id = ? AND kind = ? ORDER BY id DESC LIMIT 1').pluck();

  const sections = new Map<SectionKind, Array<BundleEntry & { importedAt: string }>>();
  for (const docId of chosen) {
    // A translation whose original is in the bundle goes with it.
    const original = translationOf.get(docId);
    if (original && chosenSet.has(original)) continue;
    const summary = documents.get(docId)!;
    const type = (tag.get(docId, 'type') as DocumentType | undefined) ?? 'other';
    const section = SECTION_OF[type] ?? 'correspondence';
    let entries = sections.get(section);
    if (!entries) sections.set(section, (entries = []));
    entries.push({
      docId,
      title: summary.title,
      date: (tag.get(docId, 'document-date') as string | undefined) ?? null,
      description: '',
      translationDocIds: translations.get(docId) ?? [],
      importedAt: summary.importedAt,
    });
  }
  const byDate = (a: { date: string | null; importedAt: string }, b: { date: string | null; importedAt: string }) => {
    if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
    return a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0;
  };
  return PROPOSED_SECTIONS.filter((kind) => sections.has(kind)).map((kind) => ({
    title: BUNDLE_WORDS[language].sections[kind],
    entries: sections
      .get(kind)!
      .sort(byDate)
      .map(({ importedAt: _importedAt, ...entry }) => entry),
  }));
}
