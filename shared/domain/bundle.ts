/**
 * Domain types of evidence bundles: what the lawyer defines (sections, entries, redaction choices),
 * what Dalel plans from it (page ranges, every redaction it will burn), and what an export leaves
 * behind (the manifest). Shared by the core, the contract and the renderer. Pure TypeScript.
 */
import type { BundleLanguage } from './bundleWords';

/** A box on a page image, in that image's pixels, top-left origin: [x, y, width, height]. */
export type PixelBox = [number, number, number, number];

/** Where a word a redaction covers was read (see ReadingOrigin in document.ts), or 'drawn' by the lawyer. */
export type RedactionOrigin = 'text-layer' | 'ocr' | 'picture' | 'form-field' | 'annotation' | 'drawn';

export interface BundleEntry {
  docId: string;
  /** as printed in the index */
  title: string;
  /** the document's date for the index, YYYY-MM-DD; null when unknown */
  date: string | null;
  description: string;
  /** translations (documents in the vault) placed right after this document, in this order */
  translationDocIds: string[];
}

export interface BundleSection {
  title: string;
  entries: BundleEntry[];
}

/** A rectangle the lawyer drew in the viewer or in the redaction review. */
export interface ManualRedaction {
  docId: string;
  page: number;
  box: PixelBox;
  /** why, in the lawyer's words; printed in the redaction log ("address of a relative") */
  reason: string;
}

export interface BundleRedactionOptions {
  /** redact every spelling of every protected person (on by default) */
  protectedPersons: boolean;
  /** search terms whose every occurrence is redacted */
  terms: string[];
  boxes: ManualRedaction[];
  /** keys of automatic redactions the lawyer waived in the review (see PlannedRedaction.key) */
  waived: string[];
  /**
   * automatic redactions the lawyer moved or resized in the review: the box as it now stands (absent in
   * definitions saved before boxes could be moved)
   */
  adjusted?: Array<{ key: string; box: PixelBox }>;
}

export interface BundleDefinition {
  id: string;
  title: string;
  caseId: string | null;
  personId: string | null;
  /** printed on the cover: "Prepared by" */
  preparedBy: string;
  /** page stamp prefix: "" gives "12 / 240", "Appeal " gives "Appeal 12 / 240" */
  stampPrefix: string;
  sections: BundleSection[];
  redaction: BundleRedactionOptions;
  /** the language the cover, index, manifest and redaction labels print in (definitions saved before it: English) */
  language: BundleLanguage;
  createdAt: string;
  updatedAt: string;
}

/** A definition to save: without a language it prints in English (the `dalel` CLI's bundles). */
export type BundleDefinitionInput = Omit<BundleDefinition, 'id' | 'language' | 'createdAt' | 'updatedAt'> & { id?: string; language?: BundleLanguage };

export interface BundleSummary {
  id: string;
  title: string;
  documents: number;
  updatedAt: string;
  /** the last export, if any */
  lastExport: { at: string; sha256: string; pages: number } | null;
}

export const REDACTION_REASONS = ['protected-person', 'term', 'manual'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];

/** One redaction Dalel will burn, as shown in the review. Never carries the redacted text. */
export interface PlannedRedaction {
  /** stable across plans of the same definition: the key the review waives */
  key: string;
  docId: string;
  page: number;
  box: PixelBox;
  reason: RedactionReason;
  /** what without the text, as printed in the redaction log in the bundle's language: "Protected person 2", "Term 1", or the lawyer's reason */
  label: string;
  /**
   * what it covers, for the lawyer in the review only: the protected person's name, the term, or the
   * lawyer's reason. Never printed and never in the manifest.
   */
  subject: string;
  /** where the covered words were read: the page's text, OCR of its pictures, a form field, an annotation; or drawn */
  origin: RedactionOrigin;
  waived: boolean;
  /** the lawyer moved or resized it */
  adjusted: boolean;
}

/**
 * A page that could not be fully checked for names to redact: not read, read with low confidence (the
 * wrong language?), or its print reading failed. A bundle with redaction exports only when the lawyer has
 * read it again or confirmed it.
 */
export interface UncheckedPage {
  docId: string;
  page: number;
  reason: 'not-read' | 'low-confidence' | 'print-failed';
  /** the page's reading confidence, when it was read */
  confidence: number | null;
}

/**
 * Someone named on the bundle's pages who is not one of the bundle's persons (its client, its case's
 * persons): another client, a relative not in the register. Shown so the lawyer decides whether to redact.
 */
export interface OtherPerson {
  /** the register's person, or null for a name matching nobody */
  personId: string | null;
  name: string;
  protected: boolean;
  pages: Array<{ docId: string; page: number }>;
}

/** Where each document lands in the bundle (PDF page numbers, 1-based). */
export interface PlannedDocument {
  docId: string;
  title: string;
  date: string | null;
  section: string;
  /** the id of the original this one translates, when it is a translation */
  translationOf: string | null;
  firstPage: number;
  lastPage: number;
}

/**
 * Something the lawyer should know before exporting, which does not stop the export:
 * - `page-unread`: a page is still being read (`pending`) or could not be read (`failed`); it goes in
 *   as in the original without searchable text (`as-original`), as a blank page because it could not be
 *   checked for names to redact (`blank-unchecked`), or blank with its original kept in the vault (`blank`).
 * - `unprintable`: a text the bundle prints has characters none of its fonts has; they print as "�".
 *   `where` says which text; `title` names the section or document (or the redaction label) concerned.
 */
export type BundleWarning =
  | { code: 'page-unread'; docId: string; title: string; page: number; state: 'pending' | 'failed'; outcome: 'as-original' | 'blank-unchecked' | 'blank' }
  | {
      code: 'unprintable';
      where: 'bundle-title' | 'cover-case' | 'cover-person' | 'prepared-by' | 'stamp' | 'section-title' | 'document-title' | 'document-description' | 'file-name' | 'redaction-label';
      /** the section's or document's title, or the redaction label; null for the bundle's own fields */
      title: string | null;
      /** the redaction's page, for a label */
      page: number | null;
      characters: string[];
    };

export interface BundlePlan {
  bundleId: string;
  /** total pages: cover + index + documents + manifest */
  pages: number;
  frontMatterPages: number;
  documents: PlannedDocument[];
  redactions: PlannedRedaction[];
  /** problems that do not stop the export, as codes the interface words in the lawyer's language */
  warnings: BundleWarning[];
  /** pages that stop an export with redaction until read again or confirmed */
  unchecked: UncheckedPage[];
  /** people named on the pages who are not the bundle's own */
  otherPeople: OtherPerson[];
  /** pages still to be read as they print; the export reads them first */
  printPending: number;
}

export interface ManifestDocument {
  /** the document's id in the vault: what `translationOf` names */
  docId: string;
  title: string;
  fileName: string;
  /** SHA-256 of the original as imported */
  sha256: string;
  firstPage: number;
  lastPage: number;
  /** when this one is a translation: the id of the original it translates (another entry's docId) */
  translationOf: string | null;
  /** and that original's title, as the bundle prints it */
  translationOfTitle: string | null;
}

export interface RedactionLogEntry {
  page: number;
  box: PixelBox;
  reason: RedactionReason;
  label: string;
}

export interface BundleManifest {
  bundle: string;
  generatedAt: string;
  generator: string;
  pages: number;
  auditHead: string;
  documents: ManifestDocument[];
  redactions: RedactionLogEntry[];
}

export interface BundleExportResult {
  path: string;
  /** SHA-256 of the written bundle PDF, also recorded in the vault */
  sha256: string;
  pages: number;
  manifestPath: string;
  zipPath: string | null;
  manifest: BundleManifest;
}

export interface BundleExportProgress {
  bundleId: string;
  phase: 'preparing' | 'reading' | 'pages' | 'writing' | 'checking' | 'zip' | 'done';
  done: number;
  total: number;
}
