import type { OcrLanguage } from '../../../../shared/domain/document';
import type { SearchFilters, SearchHit, SearchResult } from '../../../../shared/domain/search';
import type { DalelError } from '../../../../shared/ipc/errors';
import { normalizeLanguages } from '../import/ocrLanguages';

/** Hits asked for at a time: a screenful and a bit; "Show more" asks for the next ones. */
export const PAGE_SIZE = 25;
/** The contract's largest `limit`: a refresh asks for everything shown so far in one request. */
export const MAX_LIMIT = 200;

/** The filters as the lawyer set them: dates from `<input type="date">`, '' when not set. */
export interface FilterChoice {
  languages: OcrLanguage[];
  from: string;
  to: string;
  /** '' when not set: a person id, a law id, a document type (the tags of the case register) */
  personId: string;
  law: string;
  docType: string;
}

export const NO_FILTERS: FilterChoice = { languages: [], from: '', to: '', personId: '', law: '', docType: '' };

export interface SearchRequest {
  query: string;
  limit: number;
  offset: number;
  filters?: SearchFilters;
}

/** The filters the core is sent: only what is set, and a range typed backwards read the right way round. */
export function requestFilters(choice: FilterChoice): SearchFilters | undefined {
  const filters: SearchFilters = {};
  const languages = normalizeLanguages(choice.languages);
  if (languages.length > 0) filters.languages = languages;
  const [from, to] = choice.from && choice.to && choice.from > choice.to ? [choice.to, choice.from] : [choice.from, choice.to];
  if (from) filters.importedFrom = from;
  if (to) filters.importedTo = to;
  if (choice.personId) filters.personId = choice.personId;
  if (choice.law) filters.law = choice.law;
  if (choice.docType) filters.docType = choice.docType;
  return Object.keys(filters).length > 0 ? filters : undefined;
}

export function hasFilters(choice: FilterChoice): boolean {
  return requestFilters(choice) !== undefined;
}

/** What the results area shows. `result` stays while a newer search runs, so the list does not flicker. */
export interface SearchView {
  /** The query of the search asked last; '' when the box is empty. */
  query: string;
  result: SearchResult | null;
  error: DalelError | null;
  searching: boolean;
  loadingMore: boolean;
  /** The last answer was full: there may be more hits after those shown. */
  hasMore: boolean;
}

export const NO_SEARCH: SearchView = { query: '', result: null, error: null, searching: false, loadingMore: false, hasMore: false };

export type SearchEvent =
  | { type: 'started'; query: string }
  | { type: 'moreStarted' }
  | { type: 'answered'; request: SearchRequest; result: SearchResult }
  | { type: 'failed'; error: DalelError }
  | { type: 'cleared' };

export function searchReducer(view: SearchView, event: SearchEvent): SearchView {
  switch (event.type) {
    case 'started':
      return { ...view, query: event.query, error: null, searching: true, loadingMore: false };
    case 'moreStarted':
      return { ...view, loadingMore: true };
    case 'answered': {
      const { request, result } = event;
      const merged = request.offset > 0 && view.result ? appendHits(view.result, result) : result;
      return { query: request.query, result: merged, error: null, searching: false, loadingMore: false, hasMore: result.hits.length >= request.limit };
    }
    case 'failed':
      return { ...view, error: event.error, searching: false, loadingMore: false };
    case 'cleared':
      return NO_SEARCH;
  }
}

export const hitKey = (hit: Pick<SearchHit, 'docId' | 'page'>) => `${hit.docId}#${hit.page}`;

/**
 * The next hits after those shown. A page already listed is not listed twice: pages indexed between
 * the two requests can shift the ranking by a place or two.
 */
export function appendHits(shown: SearchResult, next: SearchResult): SearchResult {
  const seen = new Set(shown.hits.map(hitKey));
  return { ...next, hits: [...shown.hits, ...next.hits.filter((hit) => !seen.has(hitKey(hit)))] };
}

/** Complete hits first, then the pages that meet only some of the words, under their own heading. */
export function splitHits(hits: readonly SearchHit[]): { complete: SearchHit[]; partial: SearchHit[] } {
  return { complete: hits.filter((hit) => hit.complete), partial: hits.filter((hit) => !hit.complete) };
}

/** Asking again for what is shown (pages were read meanwhile) keeps as many hits as the lawyer had. */
export function refreshLimit(view: SearchView): number {
  return Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, view.result?.hits.length ?? 0));
}
