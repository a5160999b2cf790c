/**
 * 0007: evidence bundles — the lawyer's bundle definitions (sections, entries, redaction choices, kept
 * as one JSON document: it is read and written whole, never queried inside), every export of a bundle
 * (the SHA-256 of the PDF handed to the court, so a copy can later be checked against the vault), and
 * translations attached to the document they translate.
 */
export default {
  version: 7,
  name: 'bundles',
  sql: `
    CREATE TABLE bundles (
      id         TEXT PRIMARY KEY,
      title      TEXT NOT NULL,
      definition TEXT NOT NULL CHECK (json_valid(definition)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Kept when the definition is deleted: the record that a bundle with this hash left the office.
    CREATE TABLE bundle_exports (
      id        INTEGER PRIMARY KEY,
      bundle_id TEXT NOT NULL,
      at        TEXT NOT NULL,
      sha256    TEXT NOT NULL,
      pages     INTEGER NOT NULL,
      documents INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX bundle_exports_bundle ON bundle_exports(bundle_id, at);
    CREATE INDEX bundle_exports_sha ON bundle_exports(sha256);

    -- A document is the translation of at most one original; an original may have several.
    CREATE TABLE document_translations (
      translation_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      original_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      position       INTEGER NOT NULL DEFAULT 0,
      created_at     TEXT NOT NULL,
      CHECK (translation_id <> original_id)
    ) STRICT;
    CREATE INDEX document_translations_original ON document_translations(original_id, position);
  `,
};
