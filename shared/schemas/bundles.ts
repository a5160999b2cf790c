import { z } from 'zod';
import { REDACTION_REASONS } from '../domain/bundleKinds';
import { BUNDLE_LANGUAGES } from '../domain/bundleWords';
import { box, bundleId, day, docId, personId, pixelBox } from './common';
import { ReadingOrigin } from './documents';

/**
 * Evidence bundles: what the lawyer defines (sections, entries, redaction choices), what Dalel plans from
 * it (page ranges, every redaction it will burn), and what an export leaves behind (the manifest).
 */

/** A box on a page image, in that image's pixels, top-left origin: [x, y, width, height]. */
export type PixelBox = z.infer<typeof pixelBox>;

export const BundleEntry = z
  .object({
    docId,
    /** as printed in the index */
    title: z.string().min(1).max(500),
    /** the document's date for the index, YYYY-MM-DD; null when unknown */
    date: day.nullable(),
    description: z.string().max(2000),
    /** translations (documents in the vault) placed right after this document, in this order */
    translationDocIds: z.array(docId).max(20),
  })
  .strict();
export type BundleEntry = z.infer<typeof BundleEntry>;

export const BundleSection = z.object({ title: z.string().min(1).max(200), entries: z.array(BundleEntry).max(2000) }).strict();
export type BundleSection = z.infer<typeof BundleSection>;

/** A rectangle the lawyer drew in the viewer or in the redaction review. */
export const ManualRedaction = z
  .object({
    docId,
    page: z.number().int().min(1),
    box: pixelBox,
    /** why, in the lawyer's words; printed in the redaction log ("address of a relative") */
    reason: z.string().min(1).max(200),
  })
  .strict();
export type ManualRedaction = z.infer<typeof ManualRedaction>;

export const BundleRedactionOptions = z
  .object({
    /** redact every spelling of every protected person (on by default) */
    protectedPersons: z.boolean(),
    /** search terms whose every occurrence is redacted */
    terms: z.array(z.string().min(1).max(200)).max(100),
    boxes: z.array(ManualRedaction).max(10_000),
    /** keys of automatic redactions the lawyer waived in the review (see PlannedRedaction.key) */
    waived: z.array(z.string().max(200)).max(10_000),
    /**
     * automatic redactions the lawyer moved or resized in the review: the box as it now stands (absent in
     * definitions saved before boxes could be moved)
     */
    adjusted: z.array(z.object({ key: z.string().max(200), box: pixelBox }).strict()).max(10_000).optional(),
  })
  .strict();
export type BundleRedactionOptions = z.infer<typeof BundleRedactionOptions>;

export const bundleFields = {
  title: z.string().min(1).max(500),
  caseId: z.string().min(1).max(64).nullable(),
  personId: personId.nullable(),
  /** printed on the cover: "Prepared by" */
  preparedBy: z.string().max(500),
  /** page stamp prefix: "" gives "12 / 240", "Appeal " gives "Appeal 12 / 240" */
  stampPrefix: z.string().max(40),
  sections: z.array(BundleSection).min(1).max(50),
  redaction: BundleRedactionOptions,
};
export const bundleLanguage = z.enum(BUNDLE_LANGUAGES);
/** A definition to save: without a language it prints in English (the `dalel` CLI's bundles). */
export const BundleDefinitionInput = z.object({ id: bundleId.optional(), ...bundleFields, language: bundleLanguage.optional() }).strict();
export type BundleDefinitionInput = z.infer<typeof BundleDefinitionInput>;
export const BundleDefinition = z
  .object({
    id: bundleId,
    ...bundleFields,
    /** the language the cover, index, manifest and redaction labels print in (definitions saved before it: English) */
    language: bundleLanguage,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type BundleDefinition = z.infer<typeof BundleDefinition>;

export const BundleSummary = z.object({
  id: bundleId,
  title: z.string(),
  documents: z.number().int(),
  updatedAt: z.string(),
  /** the last export, if any */
  lastExport: z.object({ at: z.string(), sha256: z.string(), pages: z.number().int() }).nullable(),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

export const RedactionReason = z.enum(REDACTION_REASONS);

/** Where a word a redaction covers was read (see ReadingOrigin), or 'drawn' by the lawyer. */
export const RedactionOrigin = z.union([ReadingOrigin, z.literal('drawn')]);
export type RedactionOrigin = z.infer<typeof RedactionOrigin>;

/** Where each document lands in the bundle (PDF page numbers, 1-based). */
export const PlannedDocument = z.object({
  docId: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  section: z.string(),
  /** the id of the original this one translates, when it is a translation */
  translationOf: z.string().nullable(),
  firstPage: z.number().int(),
  lastPage: z.number().int(),
});
export type PlannedDocument = z.infer<typeof PlannedDocument>;

/** One redaction Dalel will burn, as shown in the review. Never carries the redacted text. */
export const PlannedRedaction = z.object({
  /** stable across plans of the same definition: the key the review waives */
  key: z.string(),
  docId: z.string(),
  page: z.number().int(),
  box,
  reason: RedactionReason,
  /** what without the text, as printed in the redaction log in the bundle's language: "Protected person 2", "Term 1", or the lawyer's reason */
  label: z.string(),
  /**
   * what it covers, for the lawyer in the review only: the protected person's name, the term, or the
   * lawyer's reason. Never printed and never in the manifest.
   */
  subject: z.string(),
  /** where the covered words were read: the page's text, OCR of its pictures, a form field, an annotation; or drawn */
  origin: RedactionOrigin,
  waived: z.boolean(),
  /** the lawyer moved or resized it */
  adjusted: z.boolean(),
});
export type PlannedRedaction = z.infer<typeof PlannedRedaction>;

/**
 * Something the lawyer should know before exporting, which does not stop the export:
 * - `page-unread`: a page is still being read (`pending`) or could not be read (`failed`); it goes in
 *   as in the original without searchable text (`as-original`), as a blank page because it could not be
 *   checked for names to redact (`blank-unchecked`), or blank with its original kept in the vault (`blank`).
 * - `unprintable`: a text the bundle prints has characters none of its fonts has; they print as "�".
 *   `where` says which text; `title` names the section or document (or the redaction label) concerned.
 */
export const BundleWarning = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('page-unread'),
    docId: z.string(),
    title: z.string(),
    page: z.number().int(),
    state: z.enum(['pending', 'failed']),
    outcome: z.enum(['as-original', 'blank-unchecked', 'blank']),
  }),
  z.object({
    code: z.literal('unprintable'),
    where: z.enum(['bundle-title', 'cover-case', 'cover-person', 'prepared-by', 'stamp', 'section-title', 'document-title', 'document-description', 'file-name', 'redaction-label']),
    /** the section's or document's title, or the redaction label; null for the bundle's own fields */
    title: z.string().nullable(),
    /** the redaction's page, for a label */
    page: z.number().int().nullable(),
    characters: z.array(z.string()),
  }),
]);
export type BundleWarning = z.infer<typeof BundleWarning>;

/**
 * A page that could not be fully checked for names to redact: not read, read with low confidence (the
 * wrong language?), or its print reading failed. A bundle with redaction exports only when the lawyer has
 * read it again or confirmed it.
 */
export const UncheckedPage = z.object({
  docId: z.string(),
  page: z.number().int(),
  reason: z.enum(['not-read', 'low-confidence', 'print-failed']),
  /** the page's reading confidence, when it was read */
  confidence: z.number().nullable(),
});
export type UncheckedPage = z.infer<typeof UncheckedPage>;

/**
 * Someone named on the bundle's pages who is not one of the bundle's persons (its client, its case's
 * persons): another client, a relative not in the register. Shown so the lawyer decides whether to redact.
 */
export const OtherPerson = z.object({
  /** the register's person, or null for a name matching nobody */
  personId: z.string().nullable(),
  name: z.string(),
  protected: z.boolean(),
  pages: z.array(z.object({ docId: z.string(), page: z.number().int() })),
});
export type OtherPerson = z.infer<typeof OtherPerson>;

export const BundlePlan = z.object({
  bundleId,
  /** total pages: cover + index + documents + manifest */
  pages: z.number().int(),
  frontMatterPages: z.number().int(),
  documents: z.array(PlannedDocument),
  redactions: z.array(PlannedRedaction),
  /** problems that do not stop the export, as codes the interface words in the lawyer's language */
  warnings: z.array(BundleWarning),
  /** pages that stop an export with redaction until read again or confirmed */
  unchecked: z.array(UncheckedPage),
  /** people named on the pages who are not the bundle's own */
  otherPeople: z.array(OtherPerson),
  /** pages still to be read as they print; the export reads them first */
  printPending: z.number().int(),
});
export type BundlePlan = z.infer<typeof BundlePlan>;

export const ManifestDocument = z.object({
  /** the document's id in the vault: what `translationOf` names */
  docId: z.string(),
  title: z.string(),
  fileName: z.string(),
  /** SHA-256 of the original as imported */
  sha256: z.string(),
  firstPage: z.number().int(),
  lastPage: z.number().int(),
  /** when this one is a translation: the id of the original it translates (another entry's docId) */
  translationOf: z.string().nullable(),
  /** and that original's title, as the bundle prints it */
  translationOfTitle: z.string().nullable(),
});
export type ManifestDocument = z.infer<typeof ManifestDocument>;

export const RedactionLogEntry = z.object({ page: z.number().int(), box, reason: RedactionReason, label: z.string() });
export type RedactionLogEntry = z.infer<typeof RedactionLogEntry>;

export const BundleManifest = z.object({
  bundle: z.string(),
  generatedAt: z.string(),
  generator: z.string(),
  pages: z.number().int(),
  auditHead: z.string(),
  documents: z.array(ManifestDocument),
  redactions: z.array(RedactionLogEntry),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

export const BundleExportResult = z.object({
  path: z.string(),
  /** SHA-256 of the written bundle PDF, also recorded in the vault */
  sha256: z.string(),
  pages: z.number().int(),
  manifestPath: z.string(),
  zipPath: z.string().nullable(),
  manifest: BundleManifest,
});
export type BundleExportResult = z.infer<typeof BundleExportResult>;

export const BundleExportProgress = z.object({
  bundleId: z.string(),
  phase: z.enum(['preparing', 'reading', 'pages', 'writing', 'checking', 'zip', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type BundleExportProgress = z.infer<typeof BundleExportProgress>;
