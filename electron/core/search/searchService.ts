import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Word } from '../../../shared/domain/document';
import type { DocumentMatches, SearchFilters, SearchHit, SearchResult } from '../../../shared/domain/search';
import { compileQuery, type CompiledQuery } from './compile';
import { ftsExpression } from './ftsExpression';
import { clauseMatches, FORM_QUALITY, matchQuality, pageTokens, type Match, type PageTokens } from './pageMatches';
import { PersonNames } from './personNames';
import { documentFilterSql } from '../documents/documentFilters';
import type { SearchIndex } from './searchIndex';
import { wordOffsets } from '../../../shared/domain/document';
import { mergeRanges, snippetOf } from './snippets';


/**
 * Search over the page index: candidates from FTS5 (bm25, exact words weighted above stems, stems
 * above cross-script keys), then re-ranked on the page text itself so that an exact match outranks a
 * transliterated or misspelt one, with snippets and the places to highlight.
 *
 * Pages that meet the whole query are listed first; when they are fewer than asked for, pages that
 * meet at least half of the query's words follow, marked `complete: false`.
 *
 * A query that meets a large part of a big vault (a word on 30,000–84,000 of 100,000 pages, issue 4)
 * is not counted and sorted in full: past `countUpTo` pages the total is estimated, and bm25 ranks
 * only the `rankAmong` most recently indexed pages that meet it. Below those sizes nothing changes.
 */

export interface SearchTuning {
  /** Pages counted one by one; past this the total is estimated from the share of the index they span. */
  countUpTo?: number;
  /** Pages meeting the query that bm25 ranks (the most recently indexed); the rest are not candidates. */
  rankAmong?: number;
}

/**
 * From bench:search (issue 4): counting costs ~0.6 µs a matching page and bm25 with its sort ~1.6 µs,
 * so a word on 84,000 of 100,000 pages took 42 ms to count and 135 ms to rank. Capped, it takes ~3 ms
 * to count and ~4 ms to rank whatever its frequency.
 */
const COUNT_UP_TO = 5_000;
const RANK_AMONG = 2_000;

export interface SearchRequest {
  query: string;
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
}

const DEFAULT_LIMIT = 20;
/** bm25 weights of the columns exact, stem, key, tags */
const BM25 = 'bm25(search_fts, 4.0, 2.0, 1.0, 4.0)';
/** Candidate pages kept read and analysed between queries (~40 KB each). */
const PAGES_KEPT = 200;

interface Candidate {
  id: number;
  rank: number;
  documentId: string;
  page: number;
  title: string;
  fileName: string;
}

interface Ranked {
  candidate: Candidate;
  matches: Match[][];
  quality: number;
  clausesMet: number;
}

/** 84,123 → 84,000: an estimate shows no more digits than it has. */
function roughly(n: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

export class SearchService {
  private persons: { fingerprint: string; value: PersonNames } | null = null;
  private pending: { generation: number; count: number } | null = null;
  private pages: { generation: number; byId: Map<number, { text: string; tokens: PageTokens }> } = { generation: -1, byId: new Map() };
  private readonly statements = new Map<string, Statement>();

  /** Prepared once per service: preparing is a measurable part of a query. */
  private stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /**
   * Pages waiting for the index. Pages saved by an import are indexed as they are saved, so once the
   * count is 0 it stays 0 until the index changes; only then is it counted again.
   */
  private pagesPending(): number {
    const generation = this.index.generation;
    if (this.pending && this.pending.count === 0 && this.pending.generation === generation) return 0;
    this.pending = { generation, count: this.index.pendingCount() };
    return this.pending.count;
  }

  /** The register's persons and their spellings (reloaded when the register changes). */
  private personNames(): PersonNames {
    const fingerprint = JSON.stringify(
      this.stmt('SELECT (SELECT count(*) FROM persons), (SELECT max(updated_at) FROM persons), (SELECT count(*) FROM person_variants), (SELECT max(rowid) FROM person_variants)').raw().get(),
    );
    if (this.persons?.fingerprint !== fingerprint) {
      const rows = this.db
        .prepare('SELECT p.id, p.name, v.variant FROM persons p LEFT JOIN person_variants v ON v.person_id = p.id ORDER BY p.id, v.rowid')
        .all() as Array<{ id: string; name: string; variant: string | null }>;
      const byPerson = new Map<string, string[]>();
      for (const row of rows) {
        let names = byPerson.get(row.id);
        if (!names) byPerson.set(row.id, (names = [row.name]));
        if (row.variant) names.push(row.variant);
      }
      this.persons = { fingerprint, value: new PersonNames([...byPerson.values()]) };
    }
    return this.persons.value;
  }

  private readonly countUpTo: number;
  private readonly rankAmong: number;

  constructor(
    private readonly db: Database,
    /** the vault's index (Vault.searchIndex): its register, vocabulary and generation */
    private readonly index: SearchIndex,
    tuning: SearchTuning = {},
  ) {
    this.countUpTo = tuning.countUpTo ?? COUNT_UP_TO;
    this.rankAmong = tuning.rankAmong ?? RANK_AMONG;
  }

  compile(query: string): CompiledQuery {
    return compileQuery(query, (key) => this.index.keyVocabulary().near(key), this.index.laws, this.personNames());
  }

  /**
   * Pages meeting the query: counted up to countUpTo; past it, estimated from the share of the index
   * (by rowid) that the newest countUpTo + 1 of them span.
   */
  private count(from: string, params: unknown[]): { total: number; estimate: boolean } {
    const { n, lowest } = this.stmt(`SELECT count(*) AS n, min(id) AS lowest FROM (SELECT search_fts.rowid AS id ${from} ORDER BY search_fts.rowid DESC LIMIT ?)`).get(
      ...params,
      this.countUpTo + 1,
    ) as { n: number; lowest: number | null };
    if (n <= this.countUpTo || lowest === null) return { total: n, estimate: false };
    const { low, high } = this.stmt('SELECT min(id) AS low, max(id) AS high FROM search_pages').get() as { low: number; high: number };
    const share = (high - lowest + 1) / Math.max(1, high - low + 1);
    return { total: Math.max(this.countUpTo + 1, roughly(n / share)), estimate: true };
  }

  search(request: SearchRequest): SearchResult {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const offset = request.offset ?? 0;
    const pagesPending = this.pagesPending();
    const empty = (problem: SearchResult['problem']): SearchResult => ({ query: request.query, total: 0, totalIsEstimate: false, hits: [], problem, pagesPending });
    const compiled = this.compile(request.query);
    if (compiled.problem) return empty(compiled.problem);
    const positive = compiled.clauses.filter((clause) => !clause.negated).length;
    if (positive === 0) return empty(null);

    const filters = documentFilterSql(request.filters);
    const from = `FROM search_fts JOIN search_pages s ON s.id = search_fts.rowid JOIN documents d ON d.id = s.document_id
      WHERE search_fts MATCH ?${filters.sql}`;
    // Every index row has its page and document: without filters the scans read the index alone, and only
    // the pool of candidates is joined (the joins were ~2 µs a matching page at 100,000 pages).
    const scan = filters.sql ? from : 'FROM search_fts WHERE search_fts MATCH ?';
    const all = ftsExpression(compiled, 'all');
    const { total, estimate } = this.count(scan, [all, ...filters.params]);

    const wanted = offset + limit;
    // Re-ranking reads each candidate page: enough to put exact matches first, few enough to stay fast.
    const pool = Math.min(1000, Math.max(40, wanted * 2));
    const scored = `SELECT search_fts.rowid AS id, ${BM25} AS rank ${scan} ORDER BY search_fts.rowid DESC LIMIT ?`;
    const candidates = this.stmt(
      `SELECT c.id, c.rank, s.document_id AS documentId, s.page, d.title, d.file_name AS fileName
       FROM (SELECT * FROM (${scored}) ORDER BY rank, id LIMIT ?) c JOIN search_pages s ON s.id = c.id JOIN documents d ON d.id = s.document_id
       ORDER BY c.rank, c.id`,
    );
    const complete = this.rank(candidates.all(all, ...filters.params, this.rankAmong, pool) as Candidate[], compiled, wanted);

    let partial: Ranked[] = [];
    if (positive > 1 && !estimate && total < wanted) {
      const seen = new Set(complete.map((entry) => entry.candidate.id));
      const any = ftsExpression(compiled, 'any');
      const rows = candidates.all(any, ...filters.params, this.rankAmong, pool + seen.size) as Candidate[];
      const needed = Math.ceil(positive / 2);
      partial = this.rank(
        rows.filter((row) => !seen.has(row.id)),
        compiled,
      )
        .filter((entry) => entry.clausesMet >= needed && entry.clausesMet < positive)
        .sort((a, b) => b.clausesMet - a.clausesMet || b.quality - a.quality);
    }

    const ordered = [...complete.map((entry) => ({ entry, complete: true })), ...partial.map((entry) => ({ entry, complete: false }))];
    const hits = ordered.slice(offset, offset + limit).map(({ entry, complete: isComplete }) => this.hit(entry, isComplete));
    return { query: request.query, total, totalIsEstimate: estimate, hits, problem: null, pagesPending };
  }

  private pageText(documentId: string, page: number): string {
    return (this.stmt('SELECT text FROM pages WHERE document_id = ? AND page = ?').pluck().get(documentId, page) as string | null | undefined) ?? '';
  }

  /** A candidate page's text and tokens; the last few are kept (the next query or "Show more" reads them again). */
  private page(candidate: Candidate): { text: string; tokens: PageTokens } {
    const generation = this.index.generation;
    if (this.pages.generation !== generation) this.pages = { generation, byId: new Map() };
    const { byId } = this.pages;
    let page = byId.get(candidate.id);
    if (page) byId.delete(candidate.id);
    else {
      const text = this.pageText(candidate.documentId, candidate.page);
      page = { text, tokens: pageTokens(text, () => this.index.pageCitations(candidate.documentId, candidate.page)) };
      if (byId.size >= PAGES_KEPT) byId.delete(byId.keys().next().value!);
    }
    byId.set(candidate.id, page);
    return page;
  }

  /**
   * Order candidates by how well they meet the query (form quality first, then bm25). Candidates come
   * best bm25 first, and reading each page is the cost of a query (~0.25 ms a page): with `enough`,
   * reading stops once that many pages meet every clause in an exact form, since no page read later
   * could rank above them (its form quality is at most theirs, its bm25 share lower).
   */
  private rank(candidates: readonly Candidate[], compiled: CompiledQuery, enough = Infinity): Ranked[] {
    const best = candidates.length ? Math.min(...candidates.map((c) => c.rank)) : -1;
    const ranked: Ranked[] = [];
    let perfect = 0;
    for (const candidate of candidates) {
      if (perfect >= enough) break;
      const matches = clauseMatches(this.page(candidate).tokens, compiled);
      let quality = 0;
      let clausesMet = 0;
      for (const clause of matches) {
        if (clause.length === 0) continue;
        quality += Math.max(...clause.map(matchQuality));
        clausesMet++;
      }
      quality = quality / Math.max(1, matches.length);
      if (quality >= 1) perfect++;
      quality += 0.2 * (best < 0 ? candidate.rank / best : 0);
      ranked.push({ candidate, matches, quality, clausesMet });
    }
    return ranked.sort((a, b) => b.quality - a.quality || a.candidate.rank - b.candidate.rank);
  }

  private hit(entry: Ranked, complete: boolean): SearchHit {
    const { text } = this.page(entry.candidate);
    const flat = entry.matches.flat();
    const ranges = mergeRanges(flat);
    const forms = [...new Set(flat.map((match) => match.form))].sort((a, b) => FORM_QUALITY[b] - FORM_QUALITY[a]);
    const matched = [...new Set(ranges.map(([start, end]) => text.slice(start, end).replace(/\s+/g, ' ')))];
    return {
      docId: entry.candidate.documentId,
      title: entry.candidate.title,
      fileName: entry.candidate.fileName,
      page: entry.candidate.page,
      score: Math.round(entry.quality * 1000) / 1000,
      snippet: snippetOf(text, ranges),
      matched,
      forms,
      complete,
    };
  }

  /** Where the query meets each page of one document: text ranges and word boxes. */
  documentMatches(documentId: string, query: string): DocumentMatches {
    const compiled = this.compile(query);
    const out: DocumentMatches = { docId: documentId, pages: [] };
    if (compiled.problem) return out;
    const rows = this.db
      .prepare("SELECT page, text, words FROM pages WHERE document_id = ? AND status = 'done' AND text IS NOT NULL ORDER BY page")
      .all(documentId) as Array<{ page: number; text: string; words: string | null }>;
    for (const row of rows) {
      const ranges = mergeRanges(clauseMatches(pageTokens(row.text, () => this.index.pageCitations(documentId, row.page)), compiled).flat());
      if (ranges.length === 0) continue;
      const words = row.words ? (JSON.parse(row.words) as Word[]) : [];
      const offsets = wordOffsets(row.text, words);
      const boxes = words
        .filter((_, i) => {
          const at = offsets[i];
          return at !== null && at !== undefined && ranges.some(([start, end]) => at[0] < end && at[1] > start);
        })
        .map((word) => word.bbox);
      out.pages.push({ page: row.page, boxes, ranges });
    }
    return out;
  }
}
