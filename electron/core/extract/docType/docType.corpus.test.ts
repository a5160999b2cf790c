import { describe, expect, it } from 'vitest';
import { CORPUS_TYPE_OF_KIND, corpusDocuments } from '../dates/corpusTruth';
import { classifyDocument } from './docType';

/**
 * Document types on the corpus's truth text. Bound from the measurement of 2026-05 (29/29), less about
 * two points. On the dev vault's OCR text: 28/29 (the Chinese police notice, which OCR did not read).
 */
describe('classifyDocument on the corpus', () => {
  it('gives each document its type', () => {
    const documents = corpusDocuments();
    const wrong: string[] = [];
    for (const document of documents) {
      // A certified translation is of the type of the document it translates.
      const original = document.metadata.translation_of && documents.find((other) => other.outgoing_number?.normalized === document.metadata.translation_of!.outgoing_number && !other.metadata.translation_of);
      const want = CORPUS_TYPE_OF_KIND[original?.kind ?? document.kind];
      expect(want, document.kind).toBeDefined();
      const { type, cue } = classifyDocument(document.pages);
      if (type !== want) wrong.push(`${document.file}: ${type} («${cue}») for ${want}`);
    }
    const accuracy = 1 - wrong.length / documents.length;
    console.log(`document type: ${documents.length - wrong.length}/${documents.length} (${accuracy.toFixed(3)})`, wrong);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });
});
