/**
 * 0003: imported documents, their pages, and the encrypted blobs (originals, page images, thumbnails).
 *
 * Blobs live inside the encrypted database rather than as files beside it, so they share its
 * encryption, its transactions (an import commits the original, the document and its audit entry
 * together) and its crash safety. The import queue is the document and page state itself: a document
 * is `processing` until every page is `done` or `failed`, so an interrupted import resumes from the
 * pages still `pending`, and a half-processed document is never shown as complete.
 */
export default {
  version: 3,
  name: 'documents',
  sql: `
    CREATE TABLE blobs (
      id     INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL,
      mime   TEXT NOT NULL,
      size   INTEGER NOT NULL,
      data   BLOB NOT NULL
    ) STRICT;

    CREATE TABLE documents (
      id            TEXT PRIMARY KEY,
      title         TEXT NOT NULL,
      file_name     TEXT NOT NULL,
      sha256        TEXT NOT NULL UNIQUE,
      size          INTEGER NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'tiff')),
      mime          TEXT NOT NULL,
      original_blob INTEGER NOT NULL REFERENCES blobs(id),
      languages     TEXT NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('processing', 'ready', 'failed')),
      page_count    INTEGER NOT NULL,
      warnings      TEXT NOT NULL DEFAULT '[]',
      imported_at   TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE pages (
      document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      page          INTEGER NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
      source        TEXT CHECK (source IN ('ocr', 'text-layer')),
      error_code    TEXT,
      error_message TEXT,
      width         INTEGER,
      height        INTEGER,
      dpi           INTEGER,
      rotation      INTEGER NOT NULL DEFAULT 0,
      skew          REAL NOT NULL DEFAULT 0,
      text          TEXT,
      words         TEXT,
      confidence    REAL,
      image_blob    INTEGER REFERENCES blobs(id),
      thumb_blob    INTEGER REFERENCES blobs(id),
      PRIMARY KEY (document_id, page)
    ) STRICT;

    CREATE INDEX pages_pending ON pages(status) WHERE status = 'pending';
    CREATE INDEX documents_imported ON documents(imported_at);
  `,
};
