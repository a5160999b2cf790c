import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Word } from '../../../shared/domain/document';
import type { DocumentMatches, MatchForm, SearchFilters, SearchHit, SearchResult, SnippetPart } from '../../../shared/domain/search';
import {
  clauseMatches,
  compileQuery,
  FORM_QUALITY,
  ftsExpression,
  pageTokens,
  betterForm,
  PersonNames,
  type CompiledQuery,
  type Match,
} from './compile';
import { documentFilterSql } from '../documents/documentFilters';
import { Vocabulary } from './fuzzy';
import { indexGeneration, lawRegister, pageCitations, pendingCount } from './searchIndex';

/**
 * Search over the page index: candidates from FTS5 (bm25, exact words weighted above stems, stems
 * above cross-script keys), then re-ranked on the page text itself so that an exact match outranks a
 * transliterated or misspelt one, with snippets and the places to highlight.
 *
 * Pages that meet the whole query are listed first; when they are fewer than asked for, pages that
 * meet at least half of the query's words follow, marked `complete: false`.
 */

export interface SearchRequest {
  query: string;
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
}

const DEFAULT_LIMIT = 20;
/** bm25 weights of the columns exact, stem, key, tags */
const BM25 = 'bm25(search_fts, 4.0, 2.0, 1.0, 4.0)';
const SNIPPET_CONTEXT = 70;
/** How long a loaded vocabulary may serve while the index keeps changing (an import running). */
const VOCABULARY_MAX_AGE_MS = 5_000;

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

/** Offsets of each word in the page text (words are the text, in order); -1 when not found. */
export function wordOffsets(text: string, words: readonly Word[]): Array<[number, number] | null> {
  let cursor = 0;
  return words.map((word) => {
    const at = word.text ? text.indexOf(word.text, cursor) : -1;
    if (at < 0) return null;
    cursor = at + word.text.length;
    return [at, cursor];
  });
}

function mergeRanges(matches: readonly Match[]): Array<[number, number]> {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<[number, number]> = [];
  for (const match of sorted) {
    const last = out.at(-1);
    if (last && match.start <= last[1]) last[1] = Math.max(last[1], match.end);
    else out.push([match.start, match.end]);
  }
  return out;
}

function snippetOf(text: string, ranges: ReadonlyArray<[number, number]>): SnippetPart[] {
  if (ranges.length === 0) {
    const head = text.slice(0, SNIPPET_CONTEXT * 2).replace(/\s+/g, ' ').trim();
    return head ? [{ text: head + (text.length > SNIPPET_CONTEXT * 2 ? '…' : ''), match: false }] : [];
  }
  // The window around the first match that holds the most matches.
  let best = { from: 0, to: 0, count: -1 };
  for (const [start] of ranges) {
    const from = Math.max(0, start - SNIPPET_CONTEXT);
    const to = Math.min(text.length, start + SNIPPET_CONTEXT * 2);
    const count = ranges.filter(([s, e]) => s >= from && e <= to).length;
    if (count > best.count) best = { from, to, count };
  }
  // Cut at word boundaries.
  let { from, to } = best;
  while (from > 0 && /\S/.test(text[from - 1]!)) from--;
  while (to < text.length && /\S/.test(text[to]!)) to++;
  const parts: SnippetPart[] = [];
  const push = (piece: string, match: boolean) => {
    const clean = piece.replace(/\s+/g, ' ');
    if (clean) parts.push({ text: clean, match });
  };
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    if (start > cursor) push(text.slice(cursor, start), false);
    push(text.slice(Math.max(start, cursor), end), true);
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) push(text.slice(cursor, to), false);
  if (from > 0) parts.unshift({ text: '…', match: false });
  if (to < text.length) parts.push({ text: '…', match: false });
  if (parts[0] && !parts[0].match) parts[0] = { ...parts[0], text: parts[0].text.trimStart() };
  return parts;
}

export class SearchService {
  private vocabulary: { generation: number; loadedAt: number; value: Vocabulary } | null = null;
  private persons: { fingerprint: string; value: PersonNames } | null = null;
  private pending: { generation: number; count: number } | null = null;
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
    const generation = indexGeneration(this.db);
    if (this.pending && this.pending.count === 0 && this.pending.generation === generation) return 0;
    this.pending = { generation, count: pendingCount(this.db) };
    return this.pending.count;
  }

  /** The register's persons and their spellings (reloaded when the register changes). */
  private personNames(): PersonNames {
    const fingerprint = JSON.stringify(
      this.db.prepare('SELECT (SELECT count(*) FROM persons), (SELECT max(updated_at) FROM persons), (SELECT count(*) FROM person_variants), (SELECT max(rowid) FROM person_variants)').raw().get(),
    );
    if (this.persons?.fingerprint !== fingerprint) {
      const rows = this.db
        .prepare('SELECT p.id, p.name, v.variant FROM persons p LEFT JOIN person_variants v ON v.person_id = p.id ORDER BY p.id')
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

  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Keys in the index one or two letters from `key`. */
  private near(key: string): string[] {
    const generation = indexGeneration(this.db);
    const now = this.clock();
    const cached = this.vocabulary;
    if (!cached || (cached.generation !== generation && now - cached.loadedAt > VOCABULARY_MAX_AGE_MS)) {
      const terms = this.db.prepare("SELECT term FROM search_vocab WHERE col = 'key'").pluck().all() as string[];
      this.vocabulary = { generation, loadedAt: now, value: new Vocabulary(terms) };
    }
    return this.vocabulary!.value.near(key);
  }

  compile(query: string): CompiledQuery {
    return compileQuery(query, (key) => this.near(key), lawRegister(this.db), this.personNames());
  }

  search(request: SearchRequest): SearchResult {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const offset = request.offset ?? 0;
    const pagesPending = this.pagesPending();
    const empty = (problem: string | null): SearchResult => ({ query: request.query, total: 0, hits: [], problem, pagesPending });
    const compiled = this.compile(request.query);
    if (compiled.problem) return empty(compiled.problem);
    const positive = compiled.clauses.filter((clause) => !clause.negated).length;
    if (positive === 0) return empty(null);

    const filters = documentFilterSql(request.filters);
    const from = `FROM search_fts JOIN search_pages s ON s.id = search_fts.rowid JOIN documents d ON d.id = s.document_id
      WHERE search_fts MATCH ?${filters.sql}`;
    const all = ftsExpression(compiled, 'all');
    const total = (this.stmt(`SELECT count(*) AS n ${from}`).get(all, ...filters.params) as { n: number }).n;

    const wanted = offset + limit;
    // Re-ranking reads each candidate page: enough to put exact matches first, few enough to stay fast.
    const pool = Math.min(1000, Math.max(40, wanted * 2));
    const select = `SELECT search_fts.rowid AS id, ${BM25} AS rank, s.document_id AS documentId, s.page, d.title, d.file_name AS fileName ${from}`;
    const complete = this.rank(this.stmt(`${select} ORDER BY rank LIMIT ?`).all(all, ...filters.params, pool) as Candidate[], compiled);

    let partial: Ranked[] = [];
    if (positive > 1 && total < wanted) {
      const seen = new Set(complete.map((entry) => entry.candidate.id));
      const any = ftsExpression(compiled, 'any');
      const rows = this.stmt(`${select} ORDER BY rank LIMIT ?`).all(any, ...filters.params, pool + seen.size) as Candidate[];
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
    return { query: request.query, total, hits, problem: null, pagesPending };
  }

  private pageText(documentId: string, page: number): string {
    return (this.stmt('SELECT text FROM pages WHERE document_id = ? AND page = ?').pluck().get(documentId, page) as string | null | undefined) ?? '';
  }

  /** Order candidates by how well they meet the query (form quality first, then bm25). */
  private rank(candidates: readonly Candidate[], compiled: CompiledQuery): Ranked[] {
    const best = candidates.length ? Math.min(...candidates.map((c) => c.rank)) : -1;
    const ranked = candidates.map((candidate) => {
      const page = pageTokens(this.pageText(candidate.documentId, candidate.page), () => pageCitations(this.db, candidate.documentId, candidate.page));
      const matches = clauseMatches(page, compiled);
      let quality = 0;
      let clausesMet = 0;
      for (const clause of matches) {
        let form: MatchForm | null = null;
        for (const match of clause) form = betterForm(form, match.form);
        if (form) {
          quality += FORM_QUALITY[form];
          clausesMet++;
        }
      }
      quality = quality / Math.max(1, matches.length) + 0.2 * (best < 0 ? candidate.rank / best : 0);
      return { candidate, matches, quality, clausesMet };
    });
    return ranked.sort((a, b) => b.quality - a.quality || a.candidate.rank - b.candidate.rank);
  }

  private hit(entry: Ranked, complete: boolean): SearchHit {
    const text = this.pageText(entry.candidate.documentId, entry.candidate.page);
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
      const ranges = mergeRanges(clauseMatches(pageTokens(row.text, () => pageCitations(this.db, documentId, row.page)), compiled).flat());
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
