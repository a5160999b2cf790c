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
