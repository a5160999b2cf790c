/**
 * What "Accept all" may accept without the lawyer looking: a suggestion whose confidence reaches its
 * kind's threshold, set where the suggestions at or above it were right at least 95 times in 100 on
 * pages no rule was written against (acceptThresholds.test.ts measures it again on every run, on
 * generated pages of held-apart seeds and on the development corpus). Below it a suggestion stays open
 * for review, however many there are: a birth date read as the document's date at 23% must never be
 * accepted in bulk.
 */
import type { SuggestionKind } from '../../../shared/domain/tagging';

/** The precision "Accept all" is held to. */
export const TARGET_PRECISION = 0.95;

/**
 * The threshold per kind (confidence 0–1); null: never accepted in bulk. Deadlines read from the text
 * (a hearing, an appeal window) change what the lawyer must do by a date, and the sample of them is
 * small: each is reviewed. Values are at or above what calibrateThreshold finds on the measured
 * samples (the test fails when one falls below).
 */
export const ACCEPT_THRESHOLDS: Readonly<Record<SuggestionKind, number | null>> = {
  // measured 0.68 (a law named again by its act word alone, «указанного Закона», 76/77 right); kept above
  // it: which act "the Convention" stands for is the reading most likely to go wrong on letters never seen
  law: 0.8,
  person: 0.85,
  'document-date': 0.75,
  'valid-until': 0.8,
  // 17 outgoing numbers and 27 document types in the corpus: too few to promise 95 in 100
  number: null,
  type: null,
  deadline: null,
};

export interface Judged {
  confidence: number;
  correct: boolean;
}

/** Wilson's lower bound of a proportion at 95% (z = 1.96): what `right` of `n` promises at least. */
export function wilsonLower(right: number, n: number, z = 1.96): number {
  if (n === 0) return 0;
  const p = right / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n);
  return (centre - spread) / (1 + (z * z) / n);
}

/** The smallest number of suggestions at the margin a threshold is judged on, and at its own level. */
export const MARGIN_SAMPLE = 20;
export const LEVEL_SAMPLE = 5;

/**
 * The lowest threshold at which (a) all suggestions at or above it are right with a Wilson lower bound of
 * at least `target`, (b) those at the margin (within 0.1 above it, at least MARGIN_SAMPLE of them) are
 * right at least `target` of the time, and (c) so are those at exactly its level (at least LEVEL_SAMPLE):
 * the marginal suggestions are the ones the threshold lets in, and a pool of sure ones must not carry a
 * weak tail; a level seen fewer times is skipped. Null when no threshold holds.
 */
export function calibrateThreshold(samples: readonly Judged[], target = TARGET_PRECISION): number | null {
  const levels = [...new Set(samples.map((s) => Math.round(s.confidence * 100) / 100))].sort((a, b) => b - a);
  let best: number | null = null;
  for (const level of levels) {
    const above = samples.filter((s) => s.confidence >= level - 1e-9);
    const margin = above.filter((s) => s.confidence < level + 0.1);
    const own = above.filter((s) => s.confidence < level + 0.005);
    const right = (list: readonly Judged[]) => list.filter((s) => s.correct).length;
    const pooled = wilsonLower(right(above), above.length) >= target;
    const marginal = margin.length >= MARGIN_SAMPLE && right(margin) / margin.length >= target;
    // a level too rarely seen to be judged neither qualifies nor stops the search
    if (own.length < LEVEL_SAMPLE) continue;
    if (pooled && marginal && right(own) / own.length >= target) best = level;
    else if (best !== null) break;
  }
  return best;
}

/** Whether "Accept all" may take a suggestion of `kind` at `confidence`. */
export function sureEnough(kind: SuggestionKind, confidence: number): boolean {
  const threshold = ACCEPT_THRESHOLDS[kind];
  return threshold !== null && confidence >= threshold - 1e-9;
}
