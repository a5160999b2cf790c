/**
 * The code lists of the case register and of tagging: person roles, relation types, document types, tag,
 * suggestion and deadline kinds. Values, read alike by the schemas (shared/schemas), the core and the
 * renderer; this file imports nothing (see documentKinds.ts).
 */

export const PERSON_ROLES = ['client', 'relative', 'official', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Relation types, read "subject <type> object": D-P08 mother-of D-P01. */
export const RELATION_TYPES = [
  'mother-of',
  'father-of',
  'son-of',
  'daughter-of',
  'brother-of',
  'sister-of',
  'spouse-of',
  'parent-of',
  'child-of',
  'relative-of',
  'lawyer-of',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** The types a document is tagged with. */
export const DOCUMENT_TYPES = ['refusal', 'certificate', 'extension', 'ruling', 'notice', 'application', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What a document can be tagged with. */
export const TAG_KINDS = ['person', 'law', 'document-date', 'valid-until', 'number', 'type'] as const;
export type TagKind = (typeof TAG_KINDS)[number];
/**
 * What a document's text can suggest: its tags, and deadlines its words set (a hearing, an appeal
 * window), which accepting puts on the dashboard rather than on the document.
 */
export const SUGGESTION_KINDS = [...TAG_KINDS, 'deadline'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const DEADLINE_KINDS = ['validity', 'manual', 'hearing', 'appeal'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
