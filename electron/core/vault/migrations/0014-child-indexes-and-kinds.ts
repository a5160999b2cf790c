import type { Database } from 'better-sqlite3-multiple-ciphers';

/*
 * The value lists as they stood when this migration was written (shared/domain/tagging.ts,
 * SUGGESTION_KINDS and RELATION_TYPES), copied rather than imported: a later edit there must not change
 * what 0014 does, or two vaults at version 14 would hold different rules. A new kind or relation type
 * needs a migration of its own that replaces these triggers.
 */
const SUGGESTION_KINDS = ['person', 'law', 'document-date', 'valid-until', 'number', 'type', 'deadline'] as const;
const RELATION_TYPES = [
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

/** vault_meta row listing the rows that already broke the new rules when 0014 ran (kept, not changed). */
export const STRAY_VALUES_KEY = 'migration-0014-stray-values';

const sqlList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * Rows written before the rules existed are kept as they are: a stray kind or relation type can only come
 * from a bug or a hand edit, and refusing to migrate would lock the lawyer out of the whole vault over one
 * suggestion or one relation. They are listed in vault_meta (STRAY_VALUES_KEY), so they can be found and
 * put right; the triggers check only what is written from now on, so such a row can still be decided or
 * deleted.
 */
function recordStrayValues(db: Database): void {
  const suggestions = db.prepare(`SELECT id, kind FROM suggestions WHERE kind NOT IN (${sqlList(SUGGESTION_KINDS)}) ORDER BY id`).all();
  const relations = db
    .prepare(`SELECT subject, type, object FROM person_relations WHERE type NOT IN (${sqlList(RELATION_TYPES)}) ORDER BY subject, type, object`)
    .all();
  if (suggestions.length === 0 && relations.length === 0) return;
  db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    STRAY_VALUES_KEY,
    JSON.stringify({ suggestions, relations }),
  );
}

/**
 * 0014: what 0005 left out (issue 15 item 5).
 *
 * Indexes on the child column of every foreign key that had none usable. Deleting a parent row makes
 * SQLite look up its children (to cascade, to set NULL, or, for NO ACTION, to refuse): without an index
 * that is a scan of the whole child table per parent row. Found with pragma foreign_key_list and
 * pragma index_list on a vault at version 13 (migrations.test.ts repeats that search on every table):
 * - case_documents.document_id, case_persons.person_id, person_relations.object (ON DELETE CASCADE; each
 *   primary key starts with the other column);
 * - tags.suggestion_id (ON DELETE SET NULL: deleting a document's suggestions scanned every tag);
 * - pages.image_blob, pages.thumb_blob, documents.original_blob, documents.reading_blob (NO ACTION:
 *   deleting a document deletes its blobs one by one, and each delete scanned all pages, reading past
 *   their text and word boxes, to check that no page still used it: a 200-page document deleted from
 *   100 such, in memory on 2 cores, took 5.0 s at 13 and 2 ms at 14).
 * The indexes are plain, not partial (WHERE … IS NOT NULL), so that the planner never has to prove
 * a lookup implies the index's condition.
 *
 * `suggestions.kind` and `person_relations.type` are checked by BEFORE INSERT / BEFORE UPDATE OF triggers
 * that RAISE(ABORT), not by CHECK constraints. SQLite adds a CHECK only by rebuilding the table, and these
 * two cannot be rebuilt safely here: migrations run inside a transaction with foreign_keys on (it cannot
 * be turned off inside one), so dropping the old `suggestions` would set tags.suggestion_id and
 * deadlines.suggestion_id to NULL — losing which suggestion made each tag and deadline. Triggers change no
 * row and no rowid. They are also stricter where it matters: `INSERT OR IGNORE` (how relations are added)
 * skips a row that fails a CHECK without a word, but a trigger's ABORT fails the statement.
 */
export default {
  version: 14,
  name: 'child-indexes-and-kinds',
  sql: `
    CREATE INDEX case_documents_document ON case_documents(document_id);
    CREATE INDEX case_persons_person ON case_persons(person_id);
    CREATE INDEX person_relations_object ON person_relations(object);
    CREATE INDEX tags_suggestion ON tags(suggestion_id);
    CREATE INDEX pages_image_blob ON pages(image_blob);
    CREATE INDEX pages_thumb_blob ON pages(thumb_blob);
    CREATE INDEX documents_original_blob ON documents(original_blob);
    CREATE INDEX documents_reading_blob ON documents(reading_blob);

    CREATE TRIGGER suggestions_kind_insert BEFORE INSERT ON suggestions
      WHEN NEW.kind NOT IN (${sqlList(SUGGESTION_KINDS)})
    BEGIN SELECT RAISE(ABORT, 'suggestions.kind is not a kind of suggestion'); END;
    CREATE TRIGGER suggestions_kind_update BEFORE UPDATE OF kind ON suggestions
      WHEN NEW.kind NOT IN (${sqlList(SUGGESTION_KINDS)})
    BEGIN SELECT RAISE(ABORT, 'suggestions.kind is not a kind of suggestion'); END;

    CREATE TRIGGER person_relations_type_insert BEFORE INSERT ON person_relations
      WHEN NEW.type NOT IN (${sqlList(RELATION_TYPES)})
    BEGIN SELECT RAISE(ABORT, 'person_relations.type is not a relation type'); END;
    CREATE TRIGGER person_relations_type_update BEFORE UPDATE OF type ON person_relations
      WHEN NEW.type NOT IN (${sqlList(RELATION_TYPES)})
    BEGIN SELECT RAISE(ABORT, 'person_relations.type is not a relation type'); END;
  `,
  run: recordStrayValues,
};
