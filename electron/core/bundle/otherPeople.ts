/**
 * People named on a bundle's documents who are not the bundle's own: another client, a relative the
 * register does not know. Redaction covers protected persons and chosen terms; these are the names it
 * would print without anyone having decided so, and the review lists them for the lawyer to decide.
 * Read from what tagging found in the text (suggestions, open or accepted, and tags), not guessed anew.
 */
import type { OtherPerson } from '../../../shared/domain/bundle';
import { TagService } from '../tagging/tagService';
import type { VaultDatabase } from '../vault/database';

interface Mention {
  document_id: string;
  page: number | null;
  person_id: string | null;
  surface: string;
}

export function otherPeople(db: VaultDatabase, docIds: readonly string[], own: ReadonlySet<string>, protectedRedacted: boolean): OtherPerson[] {
  if (docIds.length === 0) return [];
  const ids = JSON.stringify([...new Set(docIds)]);
  // A document nobody has looked at for names yet (its suggestions are made when the viewer first asks)
  // is read for them now: a name the review does not list is a name nobody decided about.
  const unread = db
    .prepare(
      `SELECT value FROM json_each(?) WHERE value NOT IN (SELECT document_id FROM suggestions) AND value NOT IN (SELECT document_id FROM tags)
         AND value IN (SELECT id FROM documents WHERE status = 'ready')`,
    )
    .pluck()
    .all(ids) as string[];
  if (unread.length > 0) {
    const tagging = new TagService(db);
    for (const docId of unread) tagging.suggest(docId);
  }
  const mentions = db
    .prepare(
      `SELECT document_id, page, value AS person_id, surface FROM suggestions
         WHERE kind = 'person' AND status <> 'rejected' AND document_id IN (SELECT value FROM json_each(?))
       UNION ALL
       SELECT document_id, page, person_id, '' AS surface FROM tags
         WHERE kind = 'person' AND person_id IS NOT NULL AND document_id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids, ids) as Mention[];
  const persons = new Map(
    (db.prepare('SELECT id, name, protected FROM persons').all() as Array<{ id: string; name: string; protected: number }>).map((row) => [row.id, row]),
  );
  const found = new Map<string, OtherPerson>();
  for (const mention of mentions) {
    const known = mention.person_id ? persons.get(mention.person_id) : undefined;
    if (known && (own.has(known.id) || (known.protected === 1 && protectedRedacted))) continue;
    const name = known?.name ?? mention.surface.replace(/\s+/gu, ' ').trim();
    if (!name) continue;
    const key = known ? known.id : `?${name.toLocaleLowerCase()}`;
    let entry = found.get(key);
    if (!entry) found.set(key, (entry = { personId: known?.id ?? null, name, protected: known?.protected === 1, pages: [] }));
    const page = mention.page ?? 1;
    if (!entry.pages.some((p) => p.docId === mention.document_id && p.page === page)) entry.pages.push({ docId: mention.document_id, page });
  }
  return [...found.values()].sort((a, b) => (a.personId === null ? 1 : 0) - (b.personId === null ? 1 : 0) || a.name.localeCompare(b.name));
}

/** The bundle's own persons: its client, and the persons of its case. */
export function bundlePersons(db: VaultDatabase, definition: { personId: string | null; caseId: string | null }): Set<string> {
  const own = new Set<string>();
  if (definition.personId) own.add(definition.personId);
  if (definition.caseId) {
    for (const id of db.prepare('SELECT person_id FROM case_persons WHERE case_id = ?').pluck().all(definition.caseId) as string[]) own.add(id);
  }
  return own;
}
