import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS_DIR } from './corpusDir';

export { CORPUS_DIR };

export interface CorpusDocument {
  file: string;
  languages: string[];
  pages: number;
  /** jpeg, png, pdf or tiff */
  format: string;
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

export function corpusManifest(dir = CORPUS_DIR): { documents: CorpusDocument[]; bad_inputs: CorpusBadInput[] } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
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

export function corpusQueries(dir = CORPUS_DIR): CorpusQuery[] {
  return (JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as { queries: CorpusQuery[] }).queries;
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

export interface CorpusPersonRecord {
  id: string;
  role: string;
  date_of_birth: string | null;
  canonical_name: string;
  names: Record<string, string | null>;
  forms: Record<string, string>;
}

/**
 * The corpus persons as the lawyer's register would hold them (the `dalel persons import` shape):
 * the canonical name, and as variants the names and generated spellings — never `observed_variants`,
 * which are the very strings printed in the corpus. Roles outside Dalel's four become `official`
 * (judges) or `other`; relation types Dalel does not know become `relative-of` / `lawyer-of`.
 */
/** The persons of a corpus folder's persons.json as they are written there. */
export function corpusPersonRecords(dir = CORPUS_DIR): CorpusPersonRecord[] {
  return (JSON.parse(readFileSync(join(dir, 'persons.json'), 'utf8')) as { persons: CorpusPersonRecord[] }).persons;
}

export function corpusPersons(dir = CORPUS_DIR): Array<{
  id: string;
  name: string;
  variants: string[];
  role: 'client' | 'relative' | 'official' | 'other';
  protected: boolean;
  dateOfBirth: string | null;
  relations: Array<{ type: 'mother-of' | 'father-of' | 'daughter-of' | 'spouse-of' | 'lawyer-of' | 'relative-of'; to: string }>;
}> {
  const file = JSON.parse(readFileSync(join(dir, 'persons.json'), 'utf8')) as {
    persons: CorpusPersonRecord[];
    relationships: Array<{ subject: string; relation: string; object: string }>;
  };
  const roles: Record<string, 'client' | 'relative' | 'official' | 'other'> = { client: 'client', relative: 'relative', official: 'official', judge: 'official' };
  const relationTypes: Record<string, 'mother-of' | 'father-of' | 'daughter-of' | 'spouse-of' | 'lawyer-of' | 'relative-of'> = {
    'mother-of': 'mother-of',
    'father-of': 'father-of',
    'daughter-of': 'daughter-of',
    'wife-of': 'spouse-of',
    'lawyer-of': 'lawyer-of',
    'ngo-representative-of': 'lawyer-of',
  };
  return file.persons.map((person) => ({
    id: person.id,
    name: person.canonical_name,
    variants: [...new Set([...Object.values(person.names), ...Object.values(person.forms)].filter((v): v is string => !!v))],
    role: roles[person.role] ?? 'other',
    protected: person.role === 'relative',
    dateOfBirth: person.date_of_birth,
    relations: file.relationships
      .filter((r) => r.subject === person.id)
      .map((r) => ({ type: relationTypes[r.relation] ?? 'relative-of', to: r.object })),
  }));
}

export interface CorpusTruthDocument extends CorpusDocument {
  laws_normalized: Array<{ law: string; article: string | null }>;
  person_ids: string[];
  document_date: string | null;
  valid_until: string | null;
  outgoing_number: { normalized: string; surface: string } | null;
  kind: string;
}

/** Precision, recall and F1 from counts. */
export function prf(truePositives: number, found: number, expected: number): { precision: number; recall: number; f1: number } {
  const precision = found === 0 ? 1 : truePositives / found;
  const recall = expected === 0 ? 1 : truePositives / expected;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
