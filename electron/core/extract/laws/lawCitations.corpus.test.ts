/**
 * Precision and recall of law citations on the development corpus, against its truth (the exact page
 * text). Bounds are the measurement less about two points (measured 2026-11: 1.000 / 1.000 on
 * {law, article} pairs, 1.000 / 1.000 on mentions, every matched mention's span on its truth surface).
 * The app runs the finder on OCR text too; on the dev vault's OCR of the same corpus it measured
 * P 1.000, R 0.949 on pairs (the misses are text OCR lost: a garbled Chinese scan, «статьями 397, 400»
 * read «статьями Sia 400», a line OCR dropped).
 */
import { describe, expect, it } from 'vitest';
import type { LawCitation } from '../types';
import { corpusManifest } from '../../testing/corpus';
import { findLawCitations } from './lawCitations';
import { SEED_LAWS } from './seedLaws';
import { fixedRegister } from './lawNames';

const SEED_REGISTER = fixedRegister(SEED_LAWS);

interface TruthCitation {
  law: string;
  article: string | null;
  part?: string;
  sub?: string;
  surface: string;
  page: number;
}

interface TruthDocument {
  file: string;
  page_text?: string[];
  laws?: TruthCitation[];
  laws_normalized?: Array<{ law: string; article: string | null }>;
  duplicate_of?: string;
  derived_from?: string;
}

/** Documents with law truth, and bad inputs whose text is that of one of them (a duplicate, a renamed file). */
function truthDocuments(): Array<{ file: string; pages: string[]; laws: TruthCitation[]; pairs: Set<string> }> {
  const manifest = corpusManifest() as unknown as { documents: TruthDocument[]; bad_inputs: TruthDocument[] };
  const byFile = new Map(manifest.documents.map((d) => [d.file, d]));
  const out = [];
  for (const doc of [...manifest.documents, ...manifest.bad_inputs]) {
    if (!doc.page_text) continue;
    const source = doc.laws ? doc : byFile.get(doc.duplicate_of ?? doc.derived_from ?? '');
    if (!source?.laws || JSON.stringify(source.page_text) !== JSON.stringify(doc.page_text)) continue;
    const pairs = new Set((source.laws_normalized ?? []).map((l) => `${l.law}:${l.article}`));
    out.push({ file: doc.file, pages: doc.page_text, laws: source.laws, pairs });
  }
  return out;
}

const key = (c: { law: string; article: string | null }) => `${c.law}:${c.article}`;

/** Where a truth surface stands in the page: it may be broken across lines (and CJK has no spaces). */
function surfaceSpan(text: string, surface: string): [number, number] | null {
  const pattern = [...surface]
    .filter((c) => c !== ' ')
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s*');
  const m = new RegExp(pattern, 'u').exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

function scores(tp: number, fp: number, fn: number) {
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

describe('law citations on the corpus truth text', () => {
  const documents = truthDocuments();
  const pairs = { tp: 0, fp: 0, fn: 0 };
  const mentions = { tp: 0, fp: 0, fn: 0, onSurface: 0, partsAgree: 0 };
  const misses: string[] = [];
  for (const doc of documents) {
    const found = findLawCitations(doc.pages.map((text, i) => ({ page: i + 1, text })), SEED_REGISTER);
    const got = new Set(found.map(key));
    for (const pair of got) {
      if (doc.pairs.has(pair)) pairs.tp++;
      else {
        pairs.fp++;
        misses.push(`extra ${doc.file} ${pair}`);
      }
    }
    for (const pair of doc.pairs) {
      if (!got.has(pair)) {
        pairs.fn++;
        misses.push(`missed ${doc.file} ${pair}`);
      }
    }
    const unmatched: LawCitation[] = [...found];
    for (const truth of doc.laws) {
      const at = unmatched.findIndex((c) => c.page === truth.page && key(c) === key(truth));
      if (at < 0) {
        mentions.fn++;
        continue;
      }
      const [citation] = unmatched.splice(at, 1);
      mentions.tp++;
      const span = surfaceSpan(doc.pages[truth.page - 1]!, truth.surface);
      if (span && citation!.start < span[1] && span[0] < citation!.end) mentions.onSurface++;
      if ((citation!.part ?? null) === (truth.part ?? null) && (citation!.sub ?? null) === (truth.sub ?? null)) mentions.partsAgree++;
    }
    mentions.fp += unmatched.length;
  }
  const pairScores = scores(pairs.tp, pairs.fp, pairs.fn);
  const mentionScores = scores(mentions.tp, mentions.fp, mentions.fn);
  const f = (x: number) => x.toFixed(3);
  console.log(
    `law citations, ${documents.length} documents: {law, article} pairs P ${f(pairScores.precision)} R ${f(pairScores.recall)} F1 ${f(pairScores.f1)}` +
      ` (tp ${pairs.tp}, fp ${pairs.fp}, fn ${pairs.fn}); mentions P ${f(mentionScores.precision)} R ${f(mentionScores.recall)} F1 ${f(mentionScores.f1)};` +
      ` spans on the truth surface ${mentions.onSurface}/${mentions.tp}; part and sub-paragraph agree ${mentions.partsAgree}/${mentions.tp}`,
  );
  if (misses.length > 0) console.log(misses.join('\n'));

  it('reads every document that has law truth', () => {
    expect(documents.length).toBeGreaterThanOrEqual(29);
  });

  it('finds the distinct {law, article} pairs of each document', () => {
    expect(pairScores.precision).toBeGreaterThanOrEqual(0.98);
    expect(pairScores.recall).toBeGreaterThanOrEqual(0.98);
    expect(pairScores.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('finds each mention on its page', () => {
    expect(mentionScores.precision).toBeGreaterThanOrEqual(0.98);
    expect(mentionScores.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('points each citation at the words that make it, with its part and sub-paragraph', () => {
    expect(mentions.onSurface / mentions.tp).toBeGreaterThanOrEqual(0.98);
    expect(mentions.partsAgree / mentions.tp).toBeGreaterThanOrEqual(0.98);
  });
});
