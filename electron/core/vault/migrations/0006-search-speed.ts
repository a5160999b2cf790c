/**
 * 0006: search on a big vault (issue 4, 100,000 pages).
 *
 * `pages_indexable` lists the pages that have text to index. The pending-page count and the catch-up
 * indexer join it to `search_pages`; without it they read the whole `pages` table, page text and word
 * boxes included (every search pays that while pages are pending). A rebuild walks it in key order.
 * Partial: the index holds only those pages, and a query must say the same WHERE to use it.
 */
export default {
  version: 6,
  name: 'search-speed',
  sql: `
    CREATE INDEX pages_indexable ON pages(document_id, page) WHERE status = 'done' AND text IS NOT NULL;
  `,
};
