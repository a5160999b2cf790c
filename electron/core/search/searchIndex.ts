import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { findLawCitations } from '../extract/laws/lawCitations';
import type { CitableRegister } from '../extract/laws/lawNames';
import type { LawCitation } from '../extract/types';
import type { LawRegister } from '../tagging/lawRegister';
import { Vocabulary } from '../text/fuzzy';
import { analyze, ANALYZER_VERSION, findDates, fold, type Token } from '../text';

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

/** The tag of a citation: the law alone, or the law and article (law KZ-477-IV article 49: lawkz477iva49). */
export function lawTag(law: string, article: string | null): string {
  const id = `law${ftsToken(fold(law))}`;
  return article === null ? id : `${id}a${ftsToken(fold(article))}`;
}

function column(tokens: readonly Token[], pick: (token: Token) => string): string {
  const out: string[] = [];
  for (const token of tokens) {
    const value = ftsToken(pick(token));
    if (value) out.push(value);
  }
  return out.join(' ');
}

/**
 * The four FTS columns of a page text. `tags` holds what the page says however it words it: its dates
 * and, given the law register, its law citations (by law, and by law and article).
 */
export function indexColumns(
  text: string,
  register: CitableRegister | null = null,
): { exact: string; stem: string; key: string; tags: string; citations: LawCitation[] } {
  const tokens = analyze(text);
  const tags = new Set(findDates(text).map((mention) => dateTag(mention.date)));
  const citations = register && register.laws().length > 0 ? findLawCitations([{ page: 1, text }], register) : [];
  for (const citation of citations) {
    tags.add(lawTag(citation.law, null));
    if (citation.article) tags.add(lawTag(citation.law, citation.article));
  }
  return {
    exact: column(tokens, (t) => t.exact),
    stem: column(tokens, (t) => t.stem),
    key: column(tokens, (t) => t.key),
    tags: [...tags].join(' '),
    citations,
  };
}

/** Pages with text to index: pages_indexable (migration 0006) holds them, so this reads no page text. */
const INDEXABLE = "p.status = 'done' AND p.text IS NOT NULL";
const PENDING_WHERE = `
  FROM pages p LEFT JOIN search_pages s ON s.document_id = p.document_id AND s.page = p.page
  WHERE ${INDEXABLE} AND (s.id IS NULL OR s.analyzer <> ?)`;

interface PageText {
  documentId: string;
  page: number;
  text: string;
}

/** Pages a rebuild indexes in one transaction. */
const REBUILD_BATCH = 500;

/**
 * The page index of one open vault (its connection): the one owner of what the index keeps in memory
 * beside the database — prepared statements, the law register its citations are found with, the
 * generation that tells readers their caches are stale, and the fuzzy vocabulary. Made with the vault
 * (Vault.searchIndex) and gone with it: a reopened vault is a new connection, with an index of its own.
 */
export class SearchIndex {
  private readonly statements = new Map<string, Statement>();
  private generationCount = 0;
  private vocabulary: Vocabulary | null = null;

  constructor(
    private readonly db: Database,
    /** the vault's law register (Vault.lawRegister), which tagging cites with too */
    readonly laws: LawRegister,
  ) {}

  /**
   * A statement prepared once per connection: indexing prepared 3–5 a page, and a rebuild of 100,000
   * pages held their native memory (~1 GB RSS) until a garbage collection that JS allocations alone
   * did not bring (issue 4).
   */
  private stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /**
   * A law was added or edited: citations are found anew, so every page is indexed again (in the
   * background, by BackgroundIndexer). Call inside the transaction that saves the law.
   */
  lawsChanged(): void {
    this.laws.changed();
    this.generationCount += 1;
    this.stmt('UPDATE search_pages SET analyzer = -1').run();
  }

  /** The law citations found on a page when it was indexed. */
  pageCitations(documentId: string, page: number): Array<Pick<LawCitation, 'law' | 'article' | 'start' | 'end'>> {
    return this.stmt(
      'SELECT c.law, c.article, c.start, c.end FROM search_citations c JOIN search_pages s ON s.id = c.search_page WHERE s.document_id = ? AND s.page = ? ORDER BY c.start',
    ).all(documentId, page) as Array<Pick<LawCitation, 'law' | 'article' | 'start' | 'end'>>;
  }

  /** Bumped on every index write: what a search service keeps (pages read, the pending count) knows it is stale. */
  get generation(): number {
    return this.generationCount;
  }

  /**
   * The cross-script keys in the index, for fuzzy matching. Read from the index once (a full pass over
   * the FTS vocabulary: 1.2–1.8 s at 100,000 pages, issue 4), then kept up to date by indexPage. Keys of
   * pages removed since stay: a fuzzy alternative that meets no page costs nothing.
   */
  keyVocabulary(): Vocabulary {
    this.vocabulary ??= new Vocabulary(this.stmt("SELECT term FROM search_vocab WHERE col = 'key'").pluck().all() as string[]);
    return this.vocabulary;
  }

  /** (Re)index one page's text. Call inside the transaction that stores the text. */
  indexPage(documentId: string, page: number, text: string): void {
    const existing = this.stmt('SELECT id FROM search_pages WHERE document_id = ? AND page = ?').get(documentId, page) as { id: number } | undefined;
    let id: number | bigint;
    if (existing) {
      id = existing.id;
      this.stmt('DELETE FROM search_fts WHERE rowid = ?').run(id);
      this.stmt('DELETE FROM search_citations WHERE search_page = ?').run(id);
      this.stmt('UPDATE search_pages SET analyzer = ? WHERE id = ?').run(ANALYZER_VERSION, id);
    } else {
      id = this.stmt('INSERT INTO search_pages (document_id, page, analyzer) VALUES (?, ?, ?)').run(documentId, page, ANALYZER_VERSION).lastInsertRowid;
    }
    this.generationCount += 1;
    const columns = indexColumns(text, this.laws);
    this.stmt('INSERT INTO search_fts (rowid, exact, stem, key, tags) VALUES (?, ?, ?, ?, ?)').run(id, columns.exact, columns.stem, columns.key, columns.tags);
    const cite = this.stmt('INSERT INTO search_citations (search_page, law, article, start, end) VALUES (?, ?, ?, ?, ?)');
    for (const c of columns.citations) cite.run(id, c.law, c.article, c.start, c.end);
    if (this.vocabulary && columns.key) for (const key of columns.key.split(' ')) this.vocabulary.add(key);
  }

  /** Pages whose text is stored but not (or not by this analyser) indexed. */
  pendingCount(): number {
    return (this.stmt(`SELECT count(*) AS n ${PENDING_WHERE}`).get(ANALYZER_VERSION) as { n: number }).n;
  }

  /** Index up to `limit` pending pages in one transaction; returns how many were indexed. */
  indexPending(limit: number): number {
    const rows = this.stmt(`SELECT p.document_id AS documentId, p.page, p.text ${PENDING_WHERE} LIMIT ?`).all(ANALYZER_VERSION, limit) as PageText[];
    this.indexPages(rows);
    return rows.length;
  }

  /**
   * Drop the whole index and build it again from the stored page text (`dalel reindex`): in batches
   * that walk the pages in key order, so each batch reads only its own pages.
   */
  rebuild(onProgress?: (done: number, total: number) => void): number {
    this.db.transaction(() => {
      this.stmt('DELETE FROM search_pages').run(); // the trigger empties search_fts row by row
      this.stmt("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
    })();
    this.vocabulary = null;
    this.generationCount += 1;
    const total = (this.stmt(`SELECT count(*) AS n FROM pages p WHERE ${INDEXABLE}`).get() as { n: number }).n;
    const next = this.stmt(
      `SELECT p.document_id AS documentId, p.page, p.text FROM pages p
       WHERE ${INDEXABLE} AND (p.document_id, p.page) > (?, ?) ORDER BY p.document_id, p.page LIMIT ?`,
    );
    let done = 0;
    let after: [string, number] = ['', 0];
    for (;;) {
      const rows = next.all(...after, REBUILD_BATCH) as PageText[];
      if (rows.length === 0) break;
      this.indexPages(rows);
      done += rows.length;
      const last = rows.at(-1)!;
      after = [last.documentId, last.page];
      onProgress?.(done, total);
    }
    this.stmt("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
    return done;
  }

  private indexPages(rows: readonly PageText[]): void {
    this.db.transaction(() => {
      for (const row of rows) this.indexPage(row.documentId, row.page, row.text);
    })();
  }
}
