import type { Database } from 'better-sqlite3-multiple-ciphers';
import { analyze, ANALYZER_VERSION, findDates, type Token } from './text';

/**
 * Writing the page index (schema: migration 0004). A page is indexed in the transaction that saves
 * its text, so the index never lags a committed page; pages indexed by an older analyser (or never,
 * after an upgrade) are "pending" and `indexPending` catches up in small batches.
 */

/** FTS5's tokenizer splits on anything but letters and digits; tokens are cleaned the same way on both sides. */
export function ftsToken(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

export function dateTag(isoDate: string): string {
  return `d${isoDate.replaceAll('-', '')}`;
}

function column(tokens: readonly Token[], pick: (token: Token) => string): string {
  const out: string[] = [];
  for (const token of tokens) {
    const value = ftsToken(pick(token));
    if (value) out.push(value);
  }
  return out.join(' ');
}

/** The four FTS columns of a page text. */
export function indexColumns(text: string): { exact: string; stem: string; key: string; tags: string } {
  const tokens = analyze(text);
  return {
    exact: column(tokens, (t) => t.exact),
    stem: column(tokens, (t) => t.stem),
    key: column(tokens, (t) => t.key),
    tags: [...new Set(findDates(text).map((mention) => dateTag(mention.date)))].join(' '),
  };
}

const generations = new WeakMap<Database, number>();

/** Bumped on every index write through this process: a cached vocabulary knows it is stale. */
export function indexGeneration(db: Database): number {
  return generations.get(db) ?? 0;
}

/** (Re)index one page's text. Call inside the transaction that stores the text. */
export function indexPage(db: Database, documentId: string, page: number, text: string): void {
  const existing = db.prepare('SELECT id FROM search_pages WHERE document_id = ? AND page = ?').get(documentId, page) as
    | { id: number }
    | undefined;
  let id: number | bigint;
  if (existing) {
    id = existing.id;
    db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(id);
    db.prepare('UPDATE search_pages SET analyzer = ? WHERE id = ?').run(ANALYZER_VERSION, id);
  } else {
    id = db.prepare('INSERT INTO search_pages (document_id, page, analyzer) VALUES (?, ?, ?)').run(documentId, page, ANALYZER_VERSION)
      .lastInsertRowid;
  }
  generations.set(db, indexGeneration(db) + 1);
  const columns = indexColumns(text);
  db.prepare('INSERT INTO search_fts (rowid, exact, stem, key, tags) VALUES (?, ?, ?, ?, ?)').run(
    id,
    columns.exact,
    columns.stem,
    columns.key,
    columns.tags,
  );
}

const PENDING_WHERE = `
  FROM pages p LEFT JOIN search_pages s ON s.document_id = p.document_id AND s.page = p.page
  WHERE p.status = 'done' AND p.text IS NOT NULL AND (s.id IS NULL OR s.analyzer <> ?)`;

/** Pages whose text is stored but not (or not by this analyser) indexed. */
export function pendingCount(db: Database): number {
  return (db.prepare(`SELECT count(*) AS n ${PENDING_WHERE}`).get(ANALYZER_VERSION) as { n: number }).n;
}

/** Index up to `limit` pending pages in one transaction; returns how many were indexed. */
export function indexPending(db: Database, limit: number): number {
  const rows = db.prepare(`SELECT p.document_id AS documentId, p.page, p.text ${PENDING_WHERE} LIMIT ?`).all(ANALYZER_VERSION, limit) as Array<{
    documentId: string;
    page: number;
    text: string;
  }>;
  db.transaction(() => {
    for (const row of rows) indexPage(db, row.documentId, row.page, row.text);
  })();
  return rows.length;
}

/** Drop the whole index and build it again from the stored page text (`dalel reindex`). */
export function rebuildIndex(db: Database, onProgress?: (done: number, total: number) => void): number {
  db.transaction(() => {
    db.prepare('DELETE FROM search_pages').run(); // the trigger empties search_fts row by row
    db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
  })();
  const total = pendingCount(db);
  let done = 0;
  for (;;) {
    const n = indexPending(db, 500);
    if (n === 0) break;
    done += n;
    onProgress?.(done, total);
  }
  db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
  return done;
}

/** Remove a page from the index (its text was withdrawn, e.g. for re-OCR). */
export function unindexPage(db: Database, documentId: string, page: number): void {
  generations.set(db, indexGeneration(db) + 1);
  db.prepare('DELETE FROM search_pages WHERE document_id = ? AND page = ?').run(documentId, page);
}
