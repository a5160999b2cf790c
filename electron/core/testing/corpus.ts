import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared/corpus beside the repository (read-only; copy a file before changing it), or DALEL_CORPUS_DIR. */
export const CORPUS_DIR = process.env.DALEL_CORPUS_DIR ?? resolve(__dirname, '../../../../shared/corpus');

export interface CorpusDocument {
  file: string;
  languages: string[];
  pages: number;
  has_text_layer: boolean;
  sha256: string;
  page_text: string[];
  page_orientation?: number[];
}

export interface CorpusBadInput {
  file: string;
  bad_category: string;
  expected_outcome: string;
  sha256?: string;
}

export function corpusManifest(): { documents: CorpusDocument[]; bad_inputs: CorpusBadInput[] } {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as {
    documents: CorpusDocument[];
    bad_inputs: CorpusBadInput[];
  };
}

export function corpusPath(file: string): string {
  return join(CORPUS_DIR, file);
}

export interface CorpusQuery {
  id: string;
  query: string;
  type: string;
  /** relevant files, relative to the corpus folder */
  relevant: string[];
}

export function corpusQueries(): CorpusQuery[] {
  return (JSON.parse(readFileSync(join(CORPUS_DIR, 'queries.json'), 'utf8')) as { queries: CorpusQuery[] }).queries;
}

/**
 * Recall@k and reciprocal rank of one query, from its ranked result files (a document once, at its
 * best page). Recall divides by min(k, relevant): a query with 15 relevant documents can score 1.0
 * at k = 10 only that way.
 */
export function rankingScores(ranked: readonly string[], relevant: readonly string[], k = 10): { recall: number; reciprocalRank: number } {
  const base = (file: string) => file.split('/').pop()!;
  const wanted = new Set(relevant.map(base));
  const top = ranked.slice(0, k).map(base);
  const found = top.filter((file) => wanted.has(file)).length;
  const first = ranked.map(base).findIndex((file) => wanted.has(file));
  return { recall: found / Math.min(k, wanted.size), reciprocalRank: first < 0 ? 0 : 1 / (first + 1) };
}
