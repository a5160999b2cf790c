import { describe, expect, it } from 'vitest';
import { corpusDocuments, foldLookalikes, precisionRecall } from '../dates/corpusTruth';
import { findNumbers } from './numbers';

/**
 * Numbers on the corpus's truth text. Bounds from the measurement of 2026-05 (outgoing 29/29, numbers
 * with their role P = R = 1.000), less about two points. On the dev vault's OCR text: outgoing 26/29,
 * numbers P 1.000 R 0.928 (numbers OCR lost: a fax, «СПРАВКА %.759», the Chinese notice).
 * A translation prints 3-1-17/A-1881 for 3-1-17/А-1881: numbers are compared with look-alike letters folded.
 */
describe('findNumbers on the corpus', () => {
  const documents = corpusDocuments().map((document) => ({ document, found: findNumbers(document.pages) }));

  it("finds each document's outgoing number", () => {
    const wrong: string[] = [];
    for (const { document, found } of documents) {
      const outgoing = found.find((number) => number.role === 'outgoing')?.number ?? null;
      const want = document.outgoing_number?.normalized ?? null;
      if ((outgoing && foldLookalikes(outgoing)) !== (want && foldLookalikes(want))) wrong.push(`${document.file}: ${outgoing} for ${want}`);
    }
    const accuracy = 1 - wrong.length / documents.length;
    console.log(`outgoing number: ${documents.length - wrong.length}/${documents.length} (${accuracy.toFixed(3)})`, wrong);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });

  it('finds the numbers with their roles, page by page', () => {
    const key = (file: string, page: number, role: string, number: string) => `${file}#${page} ${role} ${foldLookalikes(number)}`;
    const found = new Set(documents.flatMap(({ document, found }) => found.filter((n) => n.role !== 'other').map((n) => key(document.file, n.page, n.role, n.number))));
    const truth = new Set(documents.flatMap(({ document }) => document.numbers.map((n) => key(document.file, n.page, n.role, n.number))));
    const { precision, recall, f1, misses, extras } = precisionRecall(found, truth);
    console.log(`numbers: P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)} over ${truth.size}`, { misses, extras });
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });
});
