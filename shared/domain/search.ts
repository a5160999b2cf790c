/**
 * Domain types for search, shared by the core, the contract and the renderer. Pure TypeScript.
 */
import type { OcrLanguage } from './document';

/**
 * How a query word met the page, best first:
 * - `exact`: the same word (after case, ё/е and Latin-accent folding);
 * - `stem`: another form of the word (проездного / проездные);
 * - `translit`: the same word in another script (Aigerim / Айгерим / Әйгерім);
 * - `fuzzy`: one or two letters differ (an OCR error or a spelling variant);
 * - `date`: the same date written another way (02.04.2021 / 2 April 2021 / 2 апреля 2021 г.);
 * - `alias`: another name of the same thing (Көктоғай / 富蕴 / Fuyun / Коктогайский уезд);
 * - `law`: a citation of the law the query names, written another way (477-IV / «О гражданстве» / Law on Citizenship).
 */
export const MATCH_FORMS = ['exact', 'stem', 'translit', 'fuzzy', 'date', 'alias', 'law'] as const;
export type MatchForm = (typeof MATCH_FORMS)[number];

export interface SearchFilters {
  /** Documents whose OCR languages include any of these. */
  languages?: OcrLanguage[];
  /** Imported on or after this day (YYYY-MM-DD, local calendar day of the vault's machine). */
  importedFrom?: string;
  /** Imported on or before this day (YYYY-MM-DD). */
  importedTo?: string;
  /** Documents of this case. */
  caseId?: string;
  /** Documents tagged with this person. */
  personId?: string;
  /** Documents tagged with this law (KZ-477-IV) or law and article (KZ-477-IV:49). */
  law?: string;
  /** Documents tagged with this type (refusal, certificate, extension, ruling, notice, application, other). */
  docType?: string;
  /** Documents whose tagged date is on or after / on or before this day (YYYY-MM-DD). */
  documentDateFrom?: string;
  documentDateTo?: string;
}

/** A piece of a snippet; `match` pieces are the words that met the query. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  docId: string;
  title: string;
  fileName: string;
  page: number;
  score: number;
  snippet: SnippetPart[];
  /** The words on the page that met the query, as printed. */
  matched: string[];
  /** How they met it (see MatchForm), one entry per form that occurs. */
  forms: MatchForm[];
  /** false when the page meets only some of the query's words (listed after the complete hits). */
  complete: boolean;
}

/**
 * Why a query cannot run as written, as a code the interface words: `only-exclusions` — it only says what
 * to leave out (-Article), and a search of exclusions alone finds nothing.
 */
export const SEARCH_PROBLEMS = ['only-exclusions'] as const;
export type SearchProblem = (typeof SEARCH_PROBLEMS)[number];

export interface SearchResult {
  query: string;
  /** Pages that meet the whole query (complete hits). */
  total: number;
  /** `total` is an estimate, rounded: the query meets too many pages to count them one by one. */
  totalIsEstimate?: boolean;
  hits: SearchHit[];
  /** Set when the query could not be understood as written; `hits` is then empty. */
  problem: SearchProblem | null;
  /** Pages still waiting to be indexed (after an upgrade or a rebuild); 0 when the index is whole. */
  pagesPending: number;
}

/** Where a query meets one document's pages: for the viewer's highlights and next/previous hit. */
export interface DocumentMatches {
  docId: string;
  pages: Array<{
    page: number;
    /** Word boxes on the upright page image, [x0, y0, x1, y1] in pixels. */
    boxes: Array<[number, number, number, number]>;
    /** [start, end) UTF-16 offsets into the page's text. */
    ranges: Array<[number, number]>;
  }>;
}
