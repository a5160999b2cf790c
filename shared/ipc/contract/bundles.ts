/**
 * The bundles' channels, with the translations a bundle places after their originals and the save
 * dialog: what it returns is granted for exports (and backups, and the recovery code) in this session.
 * electron/core/bundle/bundleHandlers.ts answers exactly these (BundleChannel).
 */
import { z } from 'zod';
import { BUNDLE_LANGUAGES } from '../../domain/bundleWords';
import { bundleId, bytes, docId, empty, personId, query, savePath } from '../../schemas/common';
import {
  BundleDefinition,
  BundleDefinitionInput,
  BundleExportProgress,
  BundleExportResult,
  BundlePlan,
  BundleSection,
  BundleSummary,
} from '../../schemas/bundles';
import type { ChannelSlice, EventSlice } from './slice';

export const bundleChannels = {
  /** Choose where an export is written (a native save dialog); null when the lawyer cancels. */
  'dialog:pickSavePath': {
    input: z.object({ purpose: z.enum(['bundle-pdf', 'bundle-zip', 'backup', 'recovery-code']), suggestedName: z.string().min(1).max(255) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /** The translations attached to a document, and the original it translates (if it is one). */
  'documents:translations': {
    input: z.object({ docId }).strict(),
    output: z.object({ translations: z.array(z.string()), translationOf: z.string().nullable() }),
  },
  /** Attach (`attached: true`) or detach a translation, itself a document in the vault. */
  'documents:attachTranslation': {
    input: z.object({ docId, translationDocId: docId, attached: z.boolean() }).strict(),
    output: z.object({ translations: z.array(z.string()), translationOf: z.string().nullable() }),
  },
  'bundles:list': { input: empty, output: z.array(BundleSummary) },
  'bundles:get': { input: z.object({ bundleId }).strict(), output: BundleDefinition },
  /** Save a new bundle definition (no id) or replace one. */
  'bundles:save': { input: BundleDefinitionInput, output: BundleDefinition },
  'bundles:delete': { input: z.object({ bundleId }).strict(), output: z.null() },
  /**
   * A first arrangement for a new bundle: the documents chosen (by hand, of a person, of a case, or
   * matching a query) in sections by document type, dated and titled from their tags, translations attached;
   * the sections are named in `language`, the bundle's (English when not given).
   */
  'bundles:propose': {
    input: z
      .object({
        docIds: z.array(docId).max(2000).optional(),
        personId: personId.optional(),
        caseId: z.string().min(1).max(64).optional(),
        query: query.optional(),
        language: z.enum(BUNDLE_LANGUAGES).optional(),
      })
      .strict()
      .refine((v) => [v.docIds, v.personId, v.caseId, v.query].filter((x) => x !== undefined).length === 1, 'Give documents, a person, a case or a query'),
    output: z.array(BundleSection),
  },
  /** Page ranges and every redaction the export will burn (for the review). */
  'bundles:plan': { input: z.object({ bundleId }).strict(), output: BundlePlan },
  /** Any page of the bundle as it will print (burned redactions, page stamp), as an image. */
  'bundles:previewPage': {
    input: z.object({ bundleId, page: z.number().int().min(1).max(1_000_000) }).strict(),
    output: z.object({ mime: z.string(), data: bytes, frontMatterPages: z.number().int(), pages: z.number().int() }),
  },
  /** Write the bundle PDF (and its JSON manifest beside it, and a ZIP if asked); progress as bundles:progress events. */
  'bundles:export': {
    input: z
      .object({
        bundleId,
        path: savePath,
        zip: z.object({ path: savePath, originals: z.enum(['none', 'unredacted']) }).strict().optional(),
      })
      .strict(),
    output: BundleExportResult,
  },
  /**
   * Stop the running export of this bundle: its bundles:export call then fails with 'cancelled' and
   * leaves no file and no export record. `cancelled` is false when none was running, or it was already
   * putting its files in place (it then finishes).
   */
  'bundles:cancelExport': { input: z.object({ bundleId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Open a bundle exported in this session with the system's PDF reader, or show it in its folder. */
  'bundles:openExported': { input: z.object({ path: savePath, how: z.enum(['open', 'folder']) }).strict(), output: z.null() },
} as const satisfies ChannelSlice;

export type BundleChannel = keyof typeof bundleChannels;

export const bundleEvents = {
  'bundles:progress': BundleExportProgress,
} as const satisfies EventSlice;
