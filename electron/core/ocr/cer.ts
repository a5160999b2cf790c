/**
 * Character error rate, normalised the way the corpus README measures it: NFKC, whitespace collapsed
 * to one space, whitespace between CJK characters removed. Used by the accuracy test and the bench.
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\u3000-\u303f\uff00-\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');

export function normaliseForCer(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim().replace(SPACE_BETWEEN_CJK, '');
}

/** Levenshtein distance over code points, two rows of memory. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = new Uint32Array(t.length + 1);
  let curr = new Uint32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    const si = s[i - 1];
    for (let j = 1; j <= t.length; j++) {
      const substitution = prev[j - 1]! + (si === t[j - 1] ? 0 : 1);
      const deletion = prev[j]! + 1;
      const insertion = curr[j - 1]! + 1;
      curr[j] = Math.min(substitution, deletion, insertion);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[t.length]!;
}

/** Edit distance from the OCR output to the truth, divided by the truth's length (both normalised). */
export function characterErrorRate(ocr: string, truth: string): number {
  const reference = normaliseForCer(truth);
  const hypothesis = normaliseForCer(ocr);
  return editDistance(hypothesis, reference) / Math.max(1, Array.from(reference).length);
}
