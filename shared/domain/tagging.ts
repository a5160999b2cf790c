/**
 * Domain types of the case register (persons, laws, cases) and of what ties documents to it
 * (suggestions, tags, deadlines). Shared by the core, the contract and the renderer. Pure TypeScript.
 *
 * What crosses the process boundary is written once, as a schema in shared/schemas/tagging.ts; its type
 * is inferred there and re-exported here (type-only, so importing this file never loads zod). The code
 * lists are in taggingKinds.ts, which the schemas read too.
 */
import type { RelationType } from './taggingKinds';

export {
  DEADLINE_KINDS,
  DOCUMENT_TYPES,
  PERSON_ROLES,
  RELATION_TYPES,
  SUGGESTION_KINDS,
  TAG_KINDS,
  type DeadlineKind,
  type DocumentType,
  type PersonRole,
  type RelationType,
  type SuggestionKind,
  type TagKind,
} from './taggingKinds';
export type {
  CaseDetail,
  CaseSummary,
  Deadline,
  Law,
  MentionedDocument,
  MentionPage,
  Person,
  PersonTagging,
  Suggestion,
  SuggestionStatus,
  Tag,
} from '../schemas/tagging';

/** A relation given with a person to save, from that person's side (the core's PersonInput; not on the wire). */
export interface Relation {
  type: RelationType;
  /** the other person's id */
  to: string;
}
