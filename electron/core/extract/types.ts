/**
 * What the extractors find in a page's text, before it becomes a suggestion the lawyer accepts or
 * rejects. Offsets are UTF-16 [start, end) into the page text; word boxes are added from them by the
 * suggestion service (the page's words are its text, in order).
 */
import type { Word } from '../../../shared/domain/document';

/** A page of a document, as the extractors read it. */
export interface PageInput {
  page: number;
  text: string;
  /**
   * The page's words with their boxes, when the page has them (OCR and text-layer pages do): the date
   * extractor pairs a form's labels and values through them (dates/fieldLayout.ts).
   */
  words?: readonly Word[];
}

export interface Span {
  page: number;
  start: number;
  end: number;
  /** the text as printed (whitespace collapsed to single spaces) */
  surface: string;
  /** 0–1: how sure the extractor is */
  confidence: number;
}

/** A law in the register (seeded, editable, extendable by the lawyer): one type for the register, search and tagging. */
export type { Law } from '../../../shared/domain/tagging';

export interface LawCitation extends Span {
  /** Law.id */
  law: string;
  /** article number as printed (49, 9-1), null when the act is cited without an article */
  article: string | null;
  part?: string;
  /** sub-paragraph, e.g. 1 for «подпункт 1)» */
  sub?: string;
}

export type DateKind = 'document' | 'valid-until' | 'other';

export interface DateFinding extends Span {
  /** YYYY-MM-DD */
  date: string;
  kind: DateKind;
  /** finer role when recognisable: birth_date, application_date, issue_date, law_enactment, … */
  role: string | null;
}

export interface NumberFinding extends Span {
  /** the number normalised (spaces removed, № dropped), e.g. 3-1-17/А-1881 */
  number: string;
  role: 'outgoing' | 'incoming' | 'cited' | 'certificate' | 'passport' | 'iin' | 'case' | 'other';
}

export { DOCUMENT_TYPES, type DocumentType } from '../../../shared/domain/tagging';

/** A person in the register, with every spelling the lawyer has recorded. */
export interface KnownPerson {
  id: string;
  name: string;
  variants: string[];
}

export interface PersonMention extends Span {
  /** KnownPerson.id, or null for a name-like phrase matching nobody known (a candidate) */
  personId: string | null;
  /** why it matched, in plain words ("same name in another script: Aigerim = Айгерим") */
  explanation: string;
}
