/**
 * The corpus's ground truth as the extractors' tests read it (testdata/corpus, manifest.json). Test
 * support only.
 */
import { corpusManifest } from '../../testing/corpus';
import type { DocumentType, PageInput } from '../types';

export interface TruthDate {
  date: string;
  role: string;
  surface: string;
  page: number;
  in_overlay?: boolean;
}

export interface TruthDocument {
  file: string;
  doc_id: string;
  kind: string;
  /** page text, then the page's stamp text: the stamps are on the page, and OCR may read them */
  pages: PageInput[];
  dates: TruthDate[];
  document_date: string | null;
  valid_until: string | null;
  numbers: Array<{ number: string; role: string; page: number }>;
  outgoing_number: { normalized: string } | null;
  metadata: { translation_of?: { outgoing_number: string } };
}

export function corpusDocuments(): TruthDocument[] {
  const raw = corpusManifest().documents as unknown as Array<Omit<TruthDocument, 'pages'> & { page_text: string[]; page_overlay_text?: string[][] }>;
  return raw.map(({ page_text, page_overlay_text, ...rest }) => ({
    ...rest,
    pages: page_text.map((text, i) => {
      const stamps = page_overlay_text?.[i] ?? [];
      return { page: i + 1, text: stamps.length > 0 ? `${text}\n\n${stamps.join('\n\n')}` : text };
    }),
  }));
}

const LOOKALIKE_FROM = 'АВЕКМНОРСТХаеорсух';
const LOOKALIKE_TO = 'ABEKMHOPCTXaeopcyx';

/**
 * Cyrillic letters folded onto the Latin ones they look like: a translation prints 3-1-17/A-1881 for the
 * original's 3-1-17/А-1881, and OCR mixes the two scripts freely.
 */
export function foldLookalikes(text: string): string {
  return text.replace(/[АВЕКМНОРСТХаеорсух]/g, (c) => LOOKALIKE_TO[LOOKALIKE_FROM.indexOf(c)]!).toUpperCase();
}

export function precisionRecall(found: Set<string>, truth: Set<string>): { precision: number; recall: number; f1: number; misses: string[]; extras: string[] } {
  const hits = [...found].filter((key) => truth.has(key)).length;
  const precision = found.size === 0 ? 1 : hits / found.size;
  const recall = truth.size === 0 ? 1 : hits / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, misses: [...truth].filter((key) => !found.has(key)), extras: [...found].filter((key) => !truth.has(key)) };
}

/** The corpus's kinds as document types (the judgement calls are documented in docType.ts). */
export const CORPUS_TYPE_OF_KIND: Record<string, DocumentType> = {
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
