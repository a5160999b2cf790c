/**
 * The shared corpus for the parser tests (read-only; tests copy bytes into memory before changing them),
 * and poppler as an independent reference. poppler-utils exists on the dev machine only, never on users'.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../../../testing/corpusDir';

export { CORPUS_DIR };

export interface CorpusDocument {
  file: string;
  format: 'pdf' | 'jpeg' | 'png' | 'tiff';
  mime: string;
  pages: number;
  has_text_layer: boolean;
  page_text: string[];
  page_orientation?: number[];
}

export interface BadInput {
  file: string;
  bad_category: string;
  expected_outcome: string;
  acceptable_outcomes: string[];
}

interface Manifest {
  documents: CorpusDocument[];
  bad_inputs: BadInput[];
}

export function manifest(): Manifest {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

export function corpusBytes(file: string): Buffer {
  return readFileSync(join(CORPUS_DIR, file));
}

export function truthOf(file: string): CorpusDocument {
  const truth = manifest().documents.find((doc) => doc.file === file);
  if (!truth) throw new Error(`no truth for ${file}`);
  return truth;
}

/** Whitespace-normalised, as the corpus README says to compare page text. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** poppler's word boxes for one page, in points (top-left origin), via `pdftotext -bbox`. */
export function popplerWords(file: string, page: number): Array<{ text: string; box: [number, number, number, number] }> {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), join(CORPUS_DIR, file), '-'], { encoding: 'utf8' });
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: unescape(m[5] ?? ''),
    box: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])],
  }));
}

export function iou(a: readonly number[], b: readonly number[]): number {
  const [a0 = 0, a1 = 0, a2 = 0, a3 = 0] = a;
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b;
  const inter = Math.max(0, Math.min(a2, b2) - Math.max(a0, b0)) * Math.max(0, Math.min(a3, b3) - Math.max(a1, b1));
  return inter / ((a2 - a0) * (a3 - a1) + (b2 - b0) * (b3 - b1) - inter);
}
