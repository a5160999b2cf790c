/**
 * 0004: the full-text index of page text, inside the encrypted database like everything else.
 *
 * The text is analysed in JS (electron/core/search/text) and FTS5 receives the analysed tokens in four
 * columns: `exact` (folded words), `stem` (Russian, Kazakh, English stems), `key` (the cross-script
 * key: Айгерим, Әйгерім and Aigerim share one) and `tags` (dates as d20210402, written any way).
 * The FTS table is contentless: the page text lives once, in `pages`. `search_pages` gives each
 * indexed page a stable rowid and records which analyser version indexed it, so a newer analyser
 * re-indexes in the background. Deleting a document deletes its index rows (cascade, then trigger),
 * and secure-delete removes their terms from the index at once rather than at the next merge.
 */
export default {
  version: 4,
  name: 'search',
  sql: `
    CREATE TABLE search_pages (
      id          INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      page        INTEGER NOT NULL,
      analyzer    INTEGER NOT NULL,
      UNIQUE (document_id, page)
    ) STRICT;

    CREATE VIRTUAL TABLE search_fts USING fts5(
      exact, stem, key, tags,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0',
      prefix = '2 3'
    );
    INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);

    CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'col');

    CREATE TRIGGER search_pages_deleted AFTER DELETE ON search_pages BEGIN
      DELETE FROM search_fts WHERE rowid = old.id;
    END;
  `,
};
