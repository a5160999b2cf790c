/** The documents' channels: importing, listing, reading and editing documents and their pages; search. */
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../domain/limits';
import { bytes, docId, empty, languages, query } from '../../schemas/common';
import { DocumentEdit, DocumentSummary, ImportProgress, PageRecord } from '../../schemas/documents';
import { DocumentMatches, SearchFilters, SearchResult } from '../../schemas/search';
import type { ChannelSlice, EventSlice } from './slice';

export const documentChannels = {
  /** The native "Import…" dialog: scans and PDFs, several at once. Empty when cancelled. */
  'dialog:pickFiles': { input: empty, output: z.object({ paths: z.array(z.string()) }) },
  /** Import files or folders (recursively) from disk. Returns at once; progress comes as `import:progress`. */
  'documents:import': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), languages: languages.optional() }).strict(),
    output: z.object({ batchId: z.string() }),
  },
  /** Import files handed over as bytes (drag and drop). */
  'documents:importFiles': {
    input: z
      .object({
        files: z.array(z.object({ name: z.string().min(1).max(1024), data: bytes.refine((b) => b.byteLength <= MAX_IMPORT_BYTES) }).strict()).min(1).max(500),
        languages: languages.optional(),
      })
      .strict(),
    output: z.object({ batchId: z.string() }),
  },
  'documents:cancelImport': { input: z.object({ batchId: z.string() }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /**
   * Try again, with its password, a file of an import refused with `pdf-password-required` or
   * `pdf-password-wrong` (`file`: its position in the import's progress). Answers once the file is stored
   * (its pages are then read, as `import:progress` tells) or refused again, with the import's progress.
   * The password is used for this one attempt and kept nowhere.
   */
  'documents:retryImport': {
    input: z.object({ batchId: z.string().min(1).max(100), file: z.number().int().min(0).max(100_000), password: z.string().min(1).max(1024) }).strict(),
    output: ImportProgress,
  },
  /** The library; `filters` narrows it by language, import date, case, person, law, type, document date. */
  'documents:list': { input: z.object({ filters: SearchFilters.optional() }).strict(), output: z.array(DocumentSummary) },
  'documents:get': {
    input: z.object({ docId }).strict(),
    output: z.object({ document: DocumentSummary, pages: z.array(PageRecord) }),
  },
  'documents:pageImage': {
    input: z.object({ docId, page: z.number().int().min(1), variant: z.enum(['image', 'thumb']) }).strict(),
    output: z.object({ mime: z.string(), data: bytes }),
  },
  /** Re-run OCR for a document with another language set (pages from a PDF text layer are kept). */
  'documents:rerunOcr': { input: z.object({ docId, languages }).strict(), output: z.object({ pages: z.number().int() }) },
  /** Change a document's title, notes, date or type (DocumentEdit). */
  'documents:edit': {
    input: z.object({ docId, ...DocumentEdit.shape }).strict(),
    output: DocumentSummary,
  },
  'documents:delete': { input: z.object({ docIds: z.array(docId).min(1).max(10_000) }).strict(), output: z.object({ deleted: z.number().int() }) },
  /** The lawyer looked at a page read with low confidence and accepts its reading (recorded in the audit log). */
  'documents:confirmReading': { input: z.object({ docId, page: z.number().int().min(1) }).strict(), output: z.null() },
  /** Search the vault's pages; complete hits first, then pages that meet only some of the words. */
  'search:query': {
    input: z
      .object({ query, limit: z.number().int().min(1).max(200).optional(), offset: z.number().int().min(0).max(10_000).optional(), filters: SearchFilters.optional() })
      .strict(),
    output: SearchResult,
  },
  /** Where a query meets one document: boxes on each page image and ranges in each page's text. */
  'search:documentMatches': { input: z.object({ docId, query }).strict(), output: DocumentMatches },
} as const satisfies ChannelSlice;

export const documentEvents = {
  'import:progress': ImportProgress,
  'documents:changed': z.object({ docId: z.string() }),
} as const satisfies EventSlice;
