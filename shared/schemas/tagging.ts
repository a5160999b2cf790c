import { z } from 'zod';
import { DEADLINE_KINDS, DOCUMENT_TYPES, PERSON_ROLES, RELATION_TYPES, SUGGESTION_KINDS, TAG_KINDS } from '../domain/taggingKinds';
import { box, day, name, personId } from './common';
import { SnippetPart } from './search';

/** The case register: persons, laws, suggestions, tags, deadlines, cases, person pages. */

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  /** every other spelling, in any script */
  variants: z.array(z.string()),
  role: z.enum(PERSON_ROLES),
  dateOfBirth: z.string().nullable(),
  notes: z.string(),
  /** named in exports only redacted, by default (relatives still in Xinjiang) */
  protected: z.boolean(),
});
export type Person = z.infer<typeof Person>;

export const PersonInput = z
  .object({
    id: personId.optional(),
    name,
    variants: z.array(z.string().max(500)).max(1000).optional(),
    role: z.enum(PERSON_ROLES).optional(),
    dateOfBirth: day.nullable().optional(),
    notes: z.string().max(20_000).optional(),
    protected: z.boolean().optional(),
  })
  .strict();

export const Law = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
  number: z.string().max(64).nullable(),
  kind: z.enum(['law', 'code', 'treaty', 'regulation']),
  date: day.nullable(),
  title: z.object({ en: z.string().max(1000), ru: z.string().max(1000), kk: z.string().max(1000), zh: z.string().max(1000).optional() }),
  aliases: z.array(z.string().max(500)).max(100),
});
export type Law = z.infer<typeof Law>;

export const SuggestionStatus = z.enum(['open', 'accepted', 'rejected']);
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

export const Suggestion = z.object({
  id: z.number().int(),
  docId: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  /**
   * The normalised thing suggested: a person id (null for a name matching nobody known), a law as
   * LAW-ID or LAW-ID:article, a date YYYY-MM-DD, a number, a document type; for a deadline its event
   * and day, `hearing:YYYY-MM-DD` or `appeal:YYYY-MM-DD` (detail: time, window, from).
   */
  value: z.string().nullable(),
  /** extra facts: { law, article, part, sub } / { role } / { explanation } … */
  detail: z.record(z.string(), z.string().nullable()),
  page: z.number().int().nullable(),
  bbox: box.nullable(),
  surface: z.string(),
  confidence: z.number(),
  /**
   * Sure enough for "Accept all": its confidence reaches the threshold calibrated for its kind (95 right
   * in 100), and it is the most likely of its kind where a document has one (its date). The rest are
   * reviewed one by one.
   */
  sure: z.boolean(),
  status: SuggestionStatus,
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Tag = z.object({
  id: z.number().int(),
  docId: z.string(),
  kind: z.enum(TAG_KINDS),
  value: z.string(),
  personId: z.string().nullable(),
  lawId: z.string().nullable(),
  article: z.string().nullable(),
  page: z.number().int().nullable(),
  source: z.enum(['suggested', 'manual']),
  actor: z.string(),
  createdAt: z.string(),
});
export type Tag = z.infer<typeof Tag>;

export const Deadline = z.object({
  id: z.number().int(),
  due: z.string(),
  /**
   * manual: the lawyer's words; validity, hearing, appeal: the title of the document it was read from, as it
   * was then (the interface names it by its kind and the document's title now, in the lawyer's language)
   */
  title: z.string(),
  /** validity: a document's validity end; hearing, appeal: set by a document's words; manual: typed in */
  kind: z.enum(DEADLINE_KINDS),
  /** HH:MM, for a hearing that gives its time */
  time: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  caseId: z.string().nullable(),
  docId: z.string().nullable(),
  /** the document's title as it is now (the lawyer may have renamed it since the deadline was made) */
  documentTitle: z.string().nullable(),
  done: z.boolean(),
  /** days from today (negative: overdue) */
  daysLeft: z.number().int(),
});
export type Deadline = z.infer<typeof Deadline>;

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string(),
  persons: z.number().int(),
  documents: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string(),
  personIds: z.array(z.string()),
  docIds: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** A page that names a person: the spelling it uses and the words around it (the name marked). */
export const MentionPage = z.object({
  page: z.number().int(),
  /** the name as printed on the page (its surest mention there) */
  spelling: z.string(),
  snippet: z.array(SnippetPart),
});
export type MentionPage = z.infer<typeof MentionPage>;

/**
 * A document whose pages name a person it is not tagged with (the person page's "Mentioned, not
 * tagged"), for the lawyer to review and tag.
 */
export const MentionedDocument = z.object({
  docId: z.string(),
  title: z.string(),
  /** the document's date (tagged), null when not known yet */
  date: z.string().nullable(),
  type: z.enum(DOCUMENT_TYPES).nullable(),
  /** the pages that name the person, in page order */
  pages: z.array(MentionPage),
});
export type MentionedDocument = z.infer<typeof MentionedDocument>;

/** What tagging several documents with one person did (tags:addPerson). */
export const PersonTagging = z.object({
  /** the tags made, one per document that was not tagged with the person yet */
  added: z.array(Tag),
  /** documents that already had the person (left as they were) */
  alreadyTagged: z.array(z.string()),
});
export type PersonTagging = z.infer<typeof PersonTagging>;

/**
 * A person's page: spellings, relations (both ways), documents on a timeline, deadlines, and the
 * documents that name the person but are not tagged with them (most pages first).
 */
export const PersonPage = z.object({
  person: Person,
  relations: z.array(z.object({ type: z.enum(RELATION_TYPES), direction: z.enum(['out', 'in']), personId: z.string(), name: z.string() })),
  timeline: z.array(
    z.object({
      docId: z.string(),
      title: z.string(),
      /** the document's date (tagged), null when not known yet */
      date: z.string().nullable(),
      type: z.string().nullable(),
      validUntil: z.string().nullable(),
    }),
  ),
  deadlines: z.array(Deadline),
  mentions: z.array(MentionedDocument),
  /** true when more pages met the person's name than were read: older documents may be missing from `mentions` */
  mentionsPartial: z.boolean(),
});
export type PersonPage = z.infer<typeof PersonPage>;
