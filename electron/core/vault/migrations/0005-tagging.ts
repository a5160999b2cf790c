import type { Database } from 'better-sqlite3-multiple-ciphers';
// A frozen copy of the seed as 0005 first inserted it. The live register's seed (extract/laws/seedLaws.ts)
// may change; what this migration does must not, or two vaults at version 5 would hold different laws.
import seed from './0005-seed-laws.json';

interface SeedLaw {
  id: string;
  number: string | null;
  kind: string;
  date: string | null;
  title: { en: string; ru: string; kk: string; zh?: string };
  aliases: string[];
}

/**
 * The laws the register starts with (later additions to the seed need a migration of their own; the
 * lawyer's edits and deletions stand), inserted with a prepared statement.
 */
function insertSeedLaws(db: Database): void {
  const insert = db.prepare('INSERT INTO laws (id, number, kind, date, title_en, title_ru, title_kk, title_zh, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const law of seed as SeedLaw[]) {
    insert.run(law.id, law.number, law.kind, law.date, law.title.en, law.title.ru, law.title.kk, law.title.zh ?? null, JSON.stringify(law.aliases));
  }
}

/**
 * 0005: the case register — persons (with every spelling, relations and a protected flag), laws,
 * cases — and what ties documents to it: suggestions extracted from the text, which the lawyer
 * accepts or rejects, and the tags and deadlines that accepting creates. Nothing is tagged silently:
 * every tag records whether it came from a suggestion or was set by hand, and when.
 */
export default {
  version: 5,
  name: 'tagging',
  sql: `
    CREATE TABLE persons (
      id            TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      role          TEXT NOT NULL CHECK (role IN ('client', 'relative', 'official', 'other')),
      date_of_birth TEXT,
      notes         TEXT NOT NULL DEFAULT '',
      protected     INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE person_variants (
      person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      variant   TEXT NOT NULL,
      PRIMARY KEY (person_id, variant)
    ) STRICT;

    CREATE TABLE person_relations (
      subject TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      type    TEXT NOT NULL,
      object  TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      PRIMARY KEY (subject, type, object)
    ) STRICT;

    CREATE TABLE laws (
      id       TEXT PRIMARY KEY,
      number   TEXT,
      kind     TEXT NOT NULL CHECK (kind IN ('law', 'code', 'treaty', 'regulation')),
      date     TEXT,
      title_en TEXT NOT NULL,
      title_ru TEXT NOT NULL,
      title_kk TEXT NOT NULL,
      title_zh TEXT,
      aliases  TEXT NOT NULL DEFAULT '[]'
    ) STRICT;

    CREATE TABLE cases (
      id         TEXT PRIMARY KEY,
      title      TEXT NOT NULL,
      notes      TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE case_persons (
      case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      PRIMARY KEY (case_id, person_id)
    ) STRICT;
    CREATE TABLE case_documents (
      case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      PRIMARY KEY (case_id, document_id)
    ) STRICT;

    -- kind: person | law | document-date | valid-until | number | type
    -- value: the normalised thing (person id, KZ-477-IV:49, 2021-04-02, 3-1-17/А-1881, refusal)
    CREATE TABLE suggestions (
      id          INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      kind        TEXT NOT NULL,
      value       TEXT,
      detail      TEXT NOT NULL DEFAULT '{}',
      page        INTEGER,
      bbox        TEXT,
      surface     TEXT NOT NULL DEFAULT '',
      confidence  REAL NOT NULL,
      status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
      decided_at  TEXT,
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX suggestions_document ON suggestions(document_id, status);

    CREATE TABLE tags (
      id            INTEGER PRIMARY KEY,
      document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      kind          TEXT NOT NULL CHECK (kind IN ('person', 'law', 'document-date', 'valid-until', 'number', 'type')),
      value         TEXT NOT NULL,
      person_id     TEXT REFERENCES persons(id) ON DELETE CASCADE,
      law_id        TEXT REFERENCES laws(id) ON DELETE CASCADE,
      article       TEXT,
      page          INTEGER,
      source        TEXT NOT NULL CHECK (source IN ('suggested', 'manual')),
      suggestion_id INTEGER REFERENCES suggestions(id) ON DELETE SET NULL,
      actor         TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      UNIQUE (document_id, kind, value)
    ) STRICT;
    CREATE INDEX tags_person ON tags(person_id) WHERE person_id IS NOT NULL;
    CREATE INDEX tags_law ON tags(law_id, article) WHERE law_id IS NOT NULL;
    CREATE INDEX tags_kind_value ON tags(kind, value);

    CREATE TABLE deadlines (
      id          INTEGER PRIMARY KEY,
      due         TEXT NOT NULL,
      title       TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('validity', 'manual')),
      person_id   TEXT REFERENCES persons(id) ON DELETE CASCADE,
      case_id     TEXT REFERENCES cases(id) ON DELETE CASCADE,
      document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
      tag_id      INTEGER REFERENCES tags(id) ON DELETE CASCADE,
      done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX deadlines_due ON deadlines(due) WHERE done = 0;

    -- Law citations found on each indexed page (search by law, and where to highlight it).
    CREATE TABLE search_citations (
      search_page INTEGER NOT NULL REFERENCES search_pages(id) ON DELETE CASCADE,
      law         TEXT NOT NULL,
      article     TEXT,
      start       INTEGER NOT NULL,
      end         INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX search_citations_page ON search_citations(search_page);
  `,
  run: insertSeedLaws,
};
