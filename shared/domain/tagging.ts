/**
 * Domain types of the case register (persons, laws, cases) and of what ties documents to it
 * (suggestions, tags, deadlines). Shared by the core, the contract and the renderer. Pure TypeScript.
 */
import type { SnippetPart } from './search';

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

export interface Person {
  id: string;
  name: string;
  /** every other spelling, in any script */
  variants: string[];
  role: PersonRole;
  dateOfBirth: string | null;
  notes: string;
  /** named in exports only redacted, by default (relatives still in Xinjiang) */
  protected: boolean;
}

export interface Relation {
  type: RelationType;
  /** the other person's id */
  to: string;
}

export interface Law {
  id: string;
  number: string | null;
  kind: 'law' | 'code' | 'treaty' | 'regulation';
  date: string | null;
  title: { en: string; ru: string; kk: string; zh?: string };
  aliases: string[];
}

/** The types a document is tagged with. */
export const DOCUMENT_TYPES = ['refusal', 'certificate', 'extension', 'ruling', 'notice', 'application', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What a document can be tagged with. */
export const TAG_KINDS = ['person', 'law', 'document-date', 'valid-until', 'number', 'type'] as const;
/**
 * What a document's text can suggest: its tags, and deadlines its words set (a hearing, an appeal
 * window), which accepting puts on the dashboard rather than on the document.
 */
export const SUGGESTION_KINDS = [...TAG_KINDS, 'deadline'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export type SuggestionStatus = 'open' | 'accepted' | 'rejected';

export interface Suggestion {
  id: number;
  docId: string;
  kind: SuggestionKind;
  /**
   * The normalised thing suggested: a person id (null for a name matching nobody known), a law as
   * LAW-ID or LAW-ID:article, a date YYYY-MM-DD, a number, a document type; for a deadline its event
   * and day, `hearing:YYYY-MM-DD` or `appeal:YYYY-MM-DD` (detail: time, window, from).
   */
  value: string | null;
  /** extra facts: { law, article, part, sub } / { role } / { explanation } … */
  detail: Record<string, string | null>;
  page: number | null;
  bbox: [number, number, number, number] | null;
  surface: string;
  confidence: number;
  /**
   * Sure enough for "Accept all": its confidence reaches the threshold calibrated for its kind (95 right
   * in 100), and it is the most likely of its kind where a document has one (its date). The rest are
   * reviewed one by one.
   */
  sure: boolean;
  status: SuggestionStatus;
}

export type TagKind = (typeof TAG_KINDS)[number];

export interface Tag {
  id: number;
  docId: string;
  kind: TagKind;
  value: string;
  personId: string | null;
  lawId: string | null;
  article: string | null;
  page: number | null;
  source: 'suggested' | 'manual';
  actor: string;
  createdAt: string;
}

export const DEADLINE_KINDS = ['validity', 'manual', 'hearing', 'appeal'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  id: number;
  due: string;
  /**
   * manual: the lawyer's words; validity, hearing, appeal: the title of the document it was read from, as it
   * was then (the interface names it by its kind and the document's title now, in the lawyer's language)
   */
  title: string;
  /** validity: a document's validity end; hearing, appeal: set by a document's words; manual: typed in */
  kind: DeadlineKind;
  /** HH:MM, for a hearing that gives its time */
  time: string | null;
  personId: string | null;
  personName: string | null;
  caseId: string | null;
  docId: string | null;
  /** the document's title as it is now (the lawyer may have renamed it since the deadline was made) */
  documentTitle: string | null;
  done: boolean;
  /** days from today (negative: overdue) */
  daysLeft: number;
}

export interface CaseSummary {
  id: string;
  title: string;
  notes: string;
  persons: number;
  documents: number;
}

export interface CaseDetail {
  id: string;
  title: string;
  notes: string;
  personIds: string[];
  docIds: string[];
}

/** A page that names a person: the spelling it uses and the words around it (the name marked). */
export interface MentionPage {
  page: number;
  /** the name as printed on the page (its surest mention there) */
  spelling: string;
  snippet: SnippetPart[];
}

/**
 * A document whose pages name a person it is not tagged with (the person page's "Mentioned, not
 * tagged"), for the lawyer to review and tag.
 */
export interface MentionedDocument {
  docId: string;
  title: string;
  /** the document's date (tagged), null when not known yet */
  date: string | null;
  type: DocumentType | null;
  /** the pages that name the person, in page order */
  pages: MentionPage[];
}

/** What tagging several documents with one person did (tags:addPerson). */
export interface PersonTagging {
  /** the tags made, one per document that was not tagged with the person yet */
  added: Tag[];
  /** documents that already had the person (left as they were) */
  alreadyTagged: string[];
}
