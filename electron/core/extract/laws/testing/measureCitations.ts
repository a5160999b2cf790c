/** Precision and recall of the citation finder on generated pages, by confidence. Test support only. */
import type { LawCitation, Law } from '../../types';
import { findLawCitations } from '../lawCitations';
import { citationPage, type CitationPage } from './citationPages';
import { fixedRegister } from '../lawNames';

export interface Judged {
  page: CitationPage;
  citation: LawCitation;
  pair: string;
  correct: boolean;
}

export interface Measured {
  judged: Judged[];
  tp: number;
  fp: number;
  fn: number;
  missed: Array<{ page: CitationPage; pair: string }>;
}

/**
 * Each distinct pair found on a page is judged once, at its highest confidence. A law found with no
 * article on a page that cites it with one is neither right nor wrong (the lawyer sees both).
 */
export function measureCitations(seeds: readonly number[], register: readonly Law[]): Measured {
  const out: Measured = { judged: [], tp: 0, fp: 0, fn: 0, missed: [] };
  const citable = fixedRegister(register);
  for (const seed of seeds) {
    const page = citationPage(seed);
    const best = new Map<string, LawCitation>();
    for (const citation of findLawCitations([{ page: 1, text: page.text }], citable)) {
      const pair = `${citation.law}:${citation.article}`;
      if ((best.get(pair)?.confidence ?? -1) < citation.confidence) best.set(pair, citation);
    }
    for (const [pair, citation] of best) {
      const correct = page.truth.has(pair);
      if (!correct && citation.article === null && [...page.truth].some((p) => p.startsWith(`${citation.law}:`))) continue;
      out.judged.push({ page, citation, pair, correct });
      if (correct) out.tp++;
      else out.fp++;
    }
    for (const pair of page.truth) {
      if (best.has(pair)) continue;
      out.fn++;
      out.missed.push({ page, pair });
    }
  }
  return out;
}
