import { z } from 'zod';
import {
  IMPORT_ERROR_CODES,
  OCR_LANGUAGES,
  type DocumentSummary as DocumentSummaryType,
  type ImportProgress as ImportProgressType,
  type PageRecord as PageRecordType,
} from '../domain/document';
import { DOCUMENT_TYPES } from '../domain/tagging';
import { MATCH_FORMS, SEARCH_PROBLEMS, type DocumentMatches as DocumentMatchesType, type SearchResult as SearchResultType } from '../domain/search';
import { ImportError, ImportWarning, OcrLanguage, box, day } from './common';

/** Documents and their pages, the import, search. */

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  kind: z.enum(['pdf', 'jpeg', 'png', 'tiff']),
  mime: z.string(),
  languages: z.array(OcrLanguage),
  status: z.enum(['processing', 'ready', 'failed']),
  pageCount: z.number().int(),
  pagesDone: z.number().int(),
  pagesFailed: z.number().int(),
  warnings: z.array(ImportWarning),
  importedAt: z.string(),
  notes: z.string(),
  documentDate: day.nullable(),
  type: z.enum(DOCUMENT_TYPES).nullable(),
  persons: z.array(z.object({ id: z.string(), name: z.string(), protected: z.boolean() })),
}) satisfies z.ZodType<DocumentSummaryType>;

export const PageRecord = z.object({
  page: z.number().int(),
  status: z.enum(['pending', 'done', 'failed']),
  source: z.enum(['ocr', 'text-layer']).nullable(),
  errorCode: z.enum(IMPORT_ERROR_CODES).nullable(),
  errorMessage: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  dpi: z.number().int().nullable(),
  rotation: z.number().int(),
  skew: z.number(),
  confidence: z.number().nullable(),
  text: z.string().nullable(),
  words: z.array(
    z.object({ text: z.string(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]), conf: z.number() }),
  ),
  print: z.object({
    status: z.enum(['pending', 'done', 'failed']),
    confidence: z.number().nullable(),
    script: z.string().nullable(),
    error: z.string().nullable(),
  }),
  lowConfidence: z.boolean(),
  readingConfirmedAt: z.string().nullable(),
}) satisfies z.ZodType<PageRecordType>;

export const ImportProgress = z.object({
  batchId: z.string().nullable(),
  files: z.array(
    z.object({
      file: z.string(),
      status: z.enum(['queued', 'reading', 'processing', 'imported', 'duplicate', 'rejected', 'skipped', 'cancelled']),
      docId: z.string().nullable(),
      pageCount: z.number().int().nullable(),
      pagesDone: z.number().int(),
      warnings: z.array(ImportWarning),
      error: ImportError.nullable(),
    }),
  ),
  done: z.boolean(),
}) satisfies z.ZodType<ImportProgressType>;

export const SearchFilters = z
  .object({
    languages: z.array(OcrLanguage).max(OCR_LANGUAGES.length).optional(),
    importedFrom: day.optional(),
    importedTo: day.optional(),
    caseId: z.string().min(1).max(64).optional(),
    personId: z.string().min(1).max(64).optional(),
    law: z.string().min(1).max(80).optional(),
    docType: z.string().min(1).max(40).optional(),
    documentDateFrom: day.optional(),
    documentDateTo: day.optional(),
  })
  .strict();

export const SearchResult = z.object({
  query: z.string(),
  total: z.number().int(),
  totalIsEstimate: z.boolean().optional(),
  hits: z.array(
    z.object({
      docId: z.string(),
      title: z.string(),
      fileName: z.string(),
      page: z.number().int(),
      score: z.number(),
      snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
      matched: z.array(z.string()),
      forms: z.array(z.enum(MATCH_FORMS)),
      complete: z.boolean(),
    }),
  ),
  problem: z.enum(SEARCH_PROBLEMS).nullable(),
  pagesPending: z.number().int(),
}) satisfies z.ZodType<SearchResultType>;

export const DocumentMatches = z.object({
  docId: z.string(),
  pages: z.array(z.object({ page: z.number().int(), boxes: z.array(box), ranges: z.array(z.tuple([z.number().int(), z.number().int()])) })),
}) satisfies z.ZodType<DocumentMatchesType>;

/** Largest single file accepted over IPC (drag and drop); the importer's own limit is checked too. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
