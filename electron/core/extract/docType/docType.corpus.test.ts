import { describe, expect, it } from 'vitest';
import type { DocumentType } from '../types';
import { corpusDocuments } from '../dates/corpusTruth';
import { classifyDocument } from './docType';

/** The corpus's kinds as document types (the judgement calls are documented in docType.ts). */
const TYPE_OF_KIND: Record<string, DocumentType> = {
  mia_refusal_residence: 'refusal',
  mia_refusal_citizenship: 'refusal',
  mia_travel_document_reply: 'refusal',
  refugee_certificate: 'certificate',
  refugee_certificate_extension: 'extension',
  court_verdict_criminal: 'ruling',
  court_decision_administrative: 'ruling',
  cn_police_notice: 'notice',
  family_reunification_application: 'application',
  lawyer_complaint: 'application',
  lawyer_appeal_draft: 'application',
  ngo_letter: 'application',
  ngo_case_memo: 'other',
  power_of_attorney: 'other',
  passport_copy: 'certificate',
  cn_household_register_extract: 'certificate',
  prison_release_certificate: 'certificate',
  refugee_status_decision: 'ruling',
};

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
      const want = TYPE_OF_KIND[original?.kind ?? document.kind];
      expect(want, document.kind).toBeDefined();
      const { type, cue } = classifyDocument(document.pages);
      if (type !== want) wrong.push(`${document.file}: ${type} («${cue}») for ${want}`);
    }
    const accuracy = 1 - wrong.length / documents.length;
    console.log(`document type: ${documents.length - wrong.length}/${documents.length} (${accuracy.toFixed(3)})`, wrong);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });
});
