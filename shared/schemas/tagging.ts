import { z } from 'zod';
import {
  PERSON_ROLES,
  RELATION_TYPES,
  SUGGESTION_KINDS,
  TAG_KINDS,
  DOCUMENT_TYPES,
  DEADLINE_KINDS,
  type CaseDetail as CaseDetailType,
  type CaseSummary as CaseSummaryType,
  type Deadline as DeadlineType,
  type Law as LawType,
  type MentionedDocument as MentionedDocumentType,
  type Person as PersonType,
  type PersonTagging as PersonTaggingType,
  type Suggestion as SuggestionType,
  type Tag as TagType,
} from '../domain/tagging';
import { box, day, name, personId } from './common';

/** The case register: persons, laws, suggestions, tags, deadlines, cases, person pages. */

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  variants: z.array(z.string()),
  role: z.enum(PERSON_ROLES),
  dateOfBirth: z.string().nullable(),
  notes: z.string(),
  protected: z.boolean(),
}) satisfies z.ZodType<PersonType>;

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
}) satisfies z.ZodType<LawType>;

export const Suggestion = z.object({
  id: z.number().int(),
  docId: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  value: z.string().nullable(),
  detail: z.record(z.string(), z.string().nullable()),
  page: z.number().int().nullable(),
  bbox: box.nullable(),
  surface: z.string(),
  confidence: z.number(),
  sure: z.boolean(),
  status: z.enum(['open', 'accepted', 'rejected']),
}) satisfies z.ZodType<SuggestionType>;

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
}) satisfies z.ZodType<TagType>;

export const Deadline = z.object({
  id: z.number().int(),
  due: z.string(),
  title: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  time: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  caseId: z.string().nullable(),
  docId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  done: z.boolean(),
  daysLeft: z.number().int(),
}) satisfies z.ZodType<DeadlineType>;

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string(),
  persons: z.number().int(),
  documents: z.number().int(),
}) satisfies z.ZodType<CaseSummaryType>;

export const CaseDetail = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string(),
  personIds: z.array(z.string()),
  docIds: z.array(z.string()),
}) satisfies z.ZodType<CaseDetailType>;

export const MentionedDocument = z.object({
  docId: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  type: z.enum(DOCUMENT_TYPES).nullable(),
  pages: z.array(z.object({ page: z.number().int(), spelling: z.string(), snippet: z.array(z.object({ text: z.string(), match: z.boolean() })) })),
}) satisfies z.ZodType<MentionedDocumentType>;

export const PersonTagging = z.object({ added: z.array(Tag), alreadyTagged: z.array(z.string()) }) satisfies z.ZodType<PersonTaggingType>;

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
