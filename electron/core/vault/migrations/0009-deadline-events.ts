/**
 * 0009: deadlines a document's words set — a hearing (with its time) and the end of an appeal window —
 * beside validity ends and deadlines typed in (issue 13), linked to the suggestion they came from.
 *
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt (nothing references it). The
 * rebuilt table also gets the indexes its foreign keys lacked (issue 15: cascading deletes of a person,
 * case or document scanned the whole table).
 */
export default {
  version: 9,
  name: 'deadline-events',
  sql: `
    CREATE TABLE deadlines_new (
      id            INTEGER PRIMARY KEY,
      due           TEXT NOT NULL,
      time          TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
      title         TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('validity', 'manual', 'hearing', 'appeal')),
      person_id     TEXT REFERENCES persons(id) ON DELETE CASCADE,
      case_id       TEXT REFERENCES cases(id) ON DELETE CASCADE,
      document_id   TEXT REFERENCES documents(id) ON DELETE CASCADE,
      tag_id        INTEGER REFERENCES tags(id) ON DELETE CASCADE,
      suggestion_id INTEGER REFERENCES suggestions(id) ON DELETE SET NULL,
      done          INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      created_at    TEXT NOT NULL
    ) STRICT;
    INSERT INTO deadlines_new (id, due, title, kind, person_id, case_id, document_id, tag_id, done, created_at)
      SELECT id, due, title, kind, person_id, case_id, document_id, tag_id, done, created_at FROM deadlines;
    DROP TABLE deadlines;
    ALTER TABLE deadlines_new RENAME TO deadlines;
    CREATE INDEX deadlines_due ON deadlines(due) WHERE done = 0;
    CREATE INDEX deadlines_person ON deadlines(person_id);
    CREATE INDEX deadlines_case ON deadlines(case_id);
    CREATE INDEX deadlines_document ON deadlines(document_id);
    CREATE INDEX deadlines_tag ON deadlines(tag_id);
    CREATE INDEX deadlines_suggestion ON deadlines(suggestion_id);
  `,
};
