import type { PersonPage } from '../../../shared/schemas/tagging';
import { DalelFailure } from '../errors';
import type { SearchService } from '../search/searchService';
import type { VaultDatabase } from '../vault/database';
import { DeadlineBook } from './deadlineBook';
import { mentionedDocuments } from './mentionedDocuments';
import { RegisterStore } from './registerStore';

/**
 * A person's page: spellings, relations both ways, tagged documents by date, open deadlines, and the
 * documents that name the person but are not tagged with them (mentionedDocuments.ts), found with the
 * vault's search service.
 */
export function personPage(db: VaultDatabase, personId: string, search: SearchService, clock: () => Date = () => new Date()): PersonPage {
  const register = RegisterStore.open(db, clock);
  const person = register.getPerson(personId);
  if (!person) throw new DalelFailure('person-not-found', 'This person is no longer in the register.');
  const relations = register.relations(personId).map((rel) => {
    const out = rel.subject === personId;
    const other = out ? rel.object : rel.subject;
    return { type: rel.type, direction: out ? ('out' as const) : ('in' as const), personId: other, name: register.getPerson(other)?.name ?? other };
  });
  const timeline = db
    .prepare(
      `SELECT d.id AS docId, d.title,
         (SELECT value FROM tags t WHERE t.document_id = d.id AND t.kind = 'document-date') AS date,
         (SELECT value FROM tags t WHERE t.document_id = d.id AND t.kind = 'type') AS type,
         (SELECT value FROM tags t WHERE t.document_id = d.id AND t.kind = 'valid-until') AS validUntil
       FROM documents d WHERE d.id IN (SELECT document_id FROM tags WHERE kind = 'person' AND person_id = ?)
       ORDER BY date IS NULL, date, d.imported_at`,
    )
    .all(personId) as Array<{ docId: string; title: string; date: string | null; type: string | null; validUntil: string | null }>;
  const mentions = mentionedDocuments(db, search, register.listPersons(), personId);
  return {
    person,
    relations,
    timeline,
    deadlines: new DeadlineBook(db, clock).deadlines({ personId, days: 36_500 }),
    mentions: mentions.documents,
    mentionsPartial: mentions.partial,
  };
}
