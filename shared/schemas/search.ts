import { z } from 'zod';
import { OCR_LANGUAGES } from '../domain/documentKinds';
import { MATCH_FORMS, SEARCH_PROBLEMS } from '../domain/searchKinds';
import { OcrLanguage, box, day } from './common';

/** Search: its filters, its hits, and where a query meets one document's pages. */

export const SearchFilters = z
  .object({
    /** Documents whose OCR languages include any of these. */
    languages: z.array(OcrLanguage).max(OCR_LANGUAGES.length).optional(),
    /** Imported on or after this day (YYYY-MM-DD, local calendar day of the vault's machine). */
    importedFrom: day.optional(),
    /** Imported on or before this day (YYYY-MM-DD). */
    importedTo: day.optional(),
    /** Documents of this case. */
    caseId: z.string().min(1).max(64).optional(),
    /** Documents tagged with this person. */
    personId: z.string().min(1).max(64).optional(),
    /** Documents tagged with this law (KZ-477-IV) or law and article (KZ-477-IV:49). */
    law: z.string().min(1).max(80).optional(),
    /** Documents tagged with this type (refusal, certificate, extension, ruling, notice, application, other). */
    docType: z.string().min(1).max(40).optional(),
    /** Documents whose tagged date is on or after / on or before this day (YYYY-MM-DD). */
    documentDateFrom: day.optional(),
    documentDateTo: day.optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

/** A piece of a snippet; `match` pieces are the words that met the query. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  docId: z.string(),
  title: z.string(),
  fileName: z.string(),
  page: z.number().int(),
  score: z.number(),
  snippet: z.array(SnippetPart),
  /** The words on the page that met the query, as printed. */
  matched: z.array(z.string()),
  /** How they met it (see MatchForm), one entry per form that occurs. */
  forms: z.array(z.enum(MATCH_FORMS)),
  /** false when the page meets only some of the query's words (listed after the complete hits). */
  complete: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  query: z.string(),
  /** Pages that meet the whole query (complete hits). */
  total: z.number().int(),
  /** `total` is an estimate, rounded: the query meets too many pages to count them one by one. */
  totalIsEstimate: z.boolean().optional(),
  hits: z.array(SearchHit),
  /** Set when the query could not be understood as written; `hits` is then empty. */
  problem: z.enum(SEARCH_PROBLEMS).nullable(),
  /** Pages still waiting to be indexed (after an upgrade or a rebuild); 0 when the index is whole. */
  pagesPending: z.number().int(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** Where a query meets one document's pages: for the viewer's highlights and next/previous hit. */
export const DocumentMatches = z.object({
  docId: z.string(),
  pages: z.array(
    z.object({
      page: z.number().int(),
      /** Word boxes on the upright page image, [x0, y0, x1, y1] in pixels. */
      boxes: z.array(box),
      /** [start, end) UTF-16 offsets into the page's text. */
      ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
    }),
  ),
});
export type DocumentMatches = z.infer<typeof DocumentMatches>;
