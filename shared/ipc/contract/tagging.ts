/** The case register's channels (persons, laws, cases) and tagging's (suggestions, tags, deadlines). */
import { z } from 'zod';
import { PERSON_ROLES, RELATION_TYPES, TAG_KINDS } from '../../domain/taggingKinds';
import { day, docId, empty, name, personId } from '../../schemas/common';
import { CaseDetail, CaseSummary, Deadline, Law, Person, PersonInput, PersonPage, PersonTagging, Suggestion, Tag } from '../../schemas/tagging';
import type { ChannelSlice, EventSlice } from './slice';

export const taggingChannels = {
  'persons:list': { input: empty, output: z.array(Person) },
  'persons:get': { input: z.object({ personId }).strict(), output: PersonPage },
  /** Add a person (no id) or change one (with id; variants given are added). */
  'persons:save': { input: PersonInput, output: Person },
  'persons:addVariant': { input: z.object({ personId, variant: name }).strict(), output: Person },
  /** Take a spelling off a person (a typo, or someone else's name). */
  'persons:removeVariant': { input: z.object({ personId, variant: name }).strict(), output: Person },
  /** Merge `goneId` into `keepId` (spellings, relations, tags and deadlines move). */
  'persons:merge': { input: z.object({ keepId: personId, goneId: personId }).strict(), output: Person },
  'persons:addRelation': { input: z.object({ subject: personId, type: z.enum(RELATION_TYPES), object: personId }).strict(), output: z.null() },
  'laws:list': { input: empty, output: z.array(Law) },
  'laws:save': { input: Law, output: Law },
  'tags:forDocument': { input: z.object({ docId }).strict(), output: z.object({ suggestions: z.array(Suggestion), tags: z.array(Tag) }) },
  /** Read the document again for suggestions (after OCR, or after the register changed). */
  'tags:suggest': { input: z.object({ docId }).strict(), output: z.object({ suggestions: z.array(Suggestion), tags: z.array(Tag) }) },
  'tags:accept': {
    input: z
      .object({
        suggestionId: z.number().int(),
        personId: personId.optional(),
        newPerson: z.object({ name, role: z.enum(PERSON_ROLES).optional(), protected: z.boolean().optional() }).strict().optional(),
      })
      .strict(),
    /** the tag made; null for a deadline suggestion, which goes on the dashboard (deadlines:list) instead */
    output: Tag.nullable(),
  },
  'tags:reject': { input: z.object({ suggestionId: z.number().int() }).strict(), output: z.null() },
  'tags:add': { input: z.object({ docId, kind: z.enum(TAG_KINDS), value: z.string().min(1).max(200) }).strict(), output: Tag },
  'tags:remove': { input: z.object({ tagId: z.number().int() }).strict(), output: z.null() },
  /** Tag several documents with one person at once (the person page's "Mentioned, not tagged"): one transaction, audited per document. */
  'tags:addPerson': { input: z.object({ personId, docIds: z.array(docId).min(1).max(10_000) }).strict(), output: PersonTagging },
  /** Deadlines due in the next `days` (default 60), overdue first. */
  'deadlines:list': {
    input: z.object({ days: z.number().int().min(0).max(3650).optional(), includeDone: z.boolean().optional() }).strict(),
    output: z.array(Deadline),
  },
  'deadlines:add': {
    input: z.object({ due: day, title: z.string().min(1).max(500), personId: personId.optional() }).strict(),
    output: Deadline,
  },
  'deadlines:setDone': { input: z.object({ id: z.number().int(), done: z.boolean() }).strict(), output: z.null() },
  'cases:list': { input: empty, output: z.array(CaseSummary) },
  'cases:get': { input: z.object({ caseId: z.string().min(1).max(64) }).strict(), output: CaseDetail },
  /** Open a case (no id) or rename it. */
  'cases:save': { input: z.object({ id: z.string().min(1).max(64).optional(), title: z.string().min(1).max(500), notes: z.string().max(20_000).optional() }).strict(), output: CaseDetail },
  /** Put a person or a document in a case (`inCase: true`) or take it out. */
  'cases:setMember': {
    input: z
      .object({ caseId: z.string().min(1).max(64), personId: personId.optional(), docId: docId.optional(), inCase: z.boolean() })
      .strict()
      .refine((value) => (value.personId === undefined) !== (value.docId === undefined), 'Give a person or a document'),
    output: CaseDetail,
  },
  /** The cases a person or a document is already in. */
  'cases:forMember': {
    input: z
      .object({ personId: personId.optional(), docId: docId.optional() })
      .strict()
      .refine((value) => (value.personId === undefined) !== (value.docId === undefined), 'Give a person or a document'),
    output: z.array(CaseSummary),
  },
} as const satisfies ChannelSlice;

export const taggingEvents = {
  /** The core read a document for suggestions again (its text changed): the open viewer shows them anew. */
  'tags:changed': z.object({ docId: z.string() }),
  /** A person, a spelling or a law changed: what documents suggest may have changed (shown anew when asked). */
  'register:changed': z.object({}),
} as const satisfies EventSlice;
