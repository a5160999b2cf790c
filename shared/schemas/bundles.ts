import { z } from 'zod';
import {
  REDACTION_REASONS,
  type BundleDefinition as BundleDefinitionType,
  type BundleExportProgress as BundleExportProgressType,
  type BundleExportResult as BundleExportResultType,
  type BundlePlan as BundlePlanType,
  type BundleSection as BundleSectionType,
  type BundleSummary as BundleSummaryType,
} from '../domain/bundle';
import { BUNDLE_LANGUAGES } from '../domain/bundleWords';
import { box, bundleId, day, docId, personId, pixelBox } from './common';

/** Evidence bundles: definitions, plans, exports. */

export const BundleEntry = z
  .object({ docId, title: z.string().min(1).max(500), date: day.nullable(), description: z.string().max(2000), translationDocIds: z.array(docId).max(20) })
  .strict();
export const BundleSection = z.object({ title: z.string().min(1).max(200), entries: z.array(BundleEntry).max(2000) }).strict() satisfies z.ZodType<BundleSectionType>;
export const ManualRedaction = z.object({ docId, page: z.number().int().min(1), box: pixelBox, reason: z.string().min(1).max(200) }).strict();
export const BundleRedactionOptions = z
  .object({
    protectedPersons: z.boolean(),
    terms: z.array(z.string().min(1).max(200)).max(100),
    boxes: z.array(ManualRedaction).max(10_000),
    waived: z.array(z.string().max(200)).max(10_000),
    adjusted: z.array(z.object({ key: z.string().max(200), box: pixelBox }).strict()).max(10_000).optional(),
  })
  .strict();
export const bundleFields = {
  title: z.string().min(1).max(500),
  caseId: z.string().min(1).max(64).nullable(),
  personId: personId.nullable(),
  preparedBy: z.string().max(500),
  stampPrefix: z.string().max(40),
  sections: z.array(BundleSection).min(1).max(50),
  redaction: BundleRedactionOptions,
};
export const bundleLanguage = z.enum(BUNDLE_LANGUAGES);
export const BundleDefinitionInput = z.object({ id: bundleId.optional(), ...bundleFields, language: bundleLanguage.optional() }).strict();
export const BundleDefinition = z
  .object({ id: bundleId, ...bundleFields, language: bundleLanguage, createdAt: z.string(), updatedAt: z.string() })
  .strict() satisfies z.ZodType<BundleDefinitionType>;
export const BundleSummary = z.object({
  id: bundleId,
  title: z.string(),
  documents: z.number().int(),
  updatedAt: z.string(),
  lastExport: z.object({ at: z.string(), sha256: z.string(), pages: z.number().int() }).nullable(),
}) satisfies z.ZodType<BundleSummaryType>;
export const RedactionReason = z.enum(REDACTION_REASONS);
export const BundlePlan = z.object({
  bundleId,
  pages: z.number().int(),
  frontMatterPages: z.number().int(),
  documents: z.array(
    z.object({
      docId: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      section: z.string(),
      translationOf: z.string().nullable(),
      firstPage: z.number().int(),
      lastPage: z.number().int(),
    }),
  ),
  redactions: z.array(
    z.object({
      key: z.string(),
      docId: z.string(),
      page: z.number().int(),
      box,
      reason: RedactionReason,
      label: z.string(),
      subject: z.string(),
      origin: z.enum(['text-layer', 'ocr', 'picture', 'form-field', 'annotation', 'drawn']),
      waived: z.boolean(),
      adjusted: z.boolean(),
    }),
  ),
  warnings: z.array(
    z.discriminatedUnion('code', [
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
        title: z.string().nullable(),
        page: z.number().int().nullable(),
        characters: z.array(z.string()),
      }),
    ]),
  ),
  unchecked: z.array(
    z.object({ docId: z.string(), page: z.number().int(), reason: z.enum(['not-read', 'low-confidence', 'print-failed']), confidence: z.number().nullable() }),
  ),
  otherPeople: z.array(
    z.object({
      personId: z.string().nullable(),
      name: z.string(),
      protected: z.boolean(),
      pages: z.array(z.object({ docId: z.string(), page: z.number().int() })),
    }),
  ),
  printPending: z.number().int(),
}) satisfies z.ZodType<BundlePlanType>;
export const BundleExportResult = z.object({
  path: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  manifestPath: z.string(),
  zipPath: z.string().nullable(),
  manifest: z.object({
    bundle: z.string(),
    generatedAt: z.string(),
    generator: z.string(),
    pages: z.number().int(),
    auditHead: z.string(),
    documents: z.array(
      z.object({
        docId: z.string(),
        title: z.string(),
        fileName: z.string(),
        sha256: z.string(),
        firstPage: z.number().int(),
        lastPage: z.number().int(),
        translationOf: z.string().nullable(),
        translationOfTitle: z.string().nullable(),
      }),
    ),
    redactions: z.array(z.object({ page: z.number().int(), box, reason: RedactionReason, label: z.string() })),
  }),
}) satisfies z.ZodType<BundleExportResultType>;
export const BundleExportProgress = z.object({
  bundleId: z.string(),
  phase: z.enum(['preparing', 'reading', 'pages', 'writing', 'checking', 'zip', 'done']),
  done: z.number().int(),
  total: z.number().int(),
}) satisfies z.ZodType<BundleExportProgressType>;
