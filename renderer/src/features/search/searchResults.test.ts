import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../../../shared/domain/search';
import { appendHits, NO_FILTERS, NO_SEARCH, PAGE_SIZE, refreshLimit, requestFilters, searchReducer, splitHits } from './searchResults';

function hit(docId: string, page: number, complete = true): SearchHit {
  return { docId, title: docId, fileName: `${docId}.jpg`, page, score: 1, snippet: [], matched: [], forms: ['exact'], complete };
}

function result(hits: SearchHit[], total = hits.length): SearchResult {
  return { query: 'Aigerim', total, hits, problem: null, pagesPending: 0 };
}

describe('requestFilters', () => {
  it('sends nothing when no filter is set', () => {
    expect(requestFilters(NO_FILTERS)).toBeUndefined();
  });

  it('sends the languages in Dalel’s order and only the dates that are set', () => {
    expect(requestFilters({ ...NO_FILTERS, languages: ['eng', 'rus'], from: '2021-01-01' })).toEqual({ languages: ['rus', 'eng'], importedFrom: '2021-01-01' });
  });

  it('reads a range typed backwards the right way round', () => {
    expect(requestFilters({ ...NO_FILTERS, from: '2022-06-03', to: '2020-06-03' })).toEqual({ importedFrom: '2020-06-03', importedTo: '2022-06-03' });
  });
});

const first = { query: 'Aigerim', limit: PAGE_SIZE, offset: 0 };

describe('searchReducer', () => {
  it('keeps the last results on screen while a newer search runs', () => {
    const shown = searchReducer(NO_SEARCH, { type: 'answered', request: first, result: result([hit('a', 1)]) });
    const typing = searchReducer(shown, { type: 'started', query: 'Aigerim D' });
    expect(typing).toMatchObject({ query: 'Aigerim D', searching: true });
    expect(typing.result?.hits).toHaveLength(1);
  });

  it('offers more only when the last answer was full', () => {
    const full = Array.from({ length: PAGE_SIZE }, (_, index) => hit('a', index + 1));
    expect(searchReducer(NO_SEARCH, { type: 'answered', request: first, result: result(full) }).hasMore).toBe(true);
    expect(searchReducer(NO_SEARCH, { type: 'answered', request: first, result: result(full.slice(1)) }).hasMore).toBe(false);
  });

  it('adds "show more" hits after those shown', () => {
    const shown = searchReducer(NO_SEARCH, { type: 'answered', request: first, result: result([hit('a', 1), hit('b', 1)], 3) });
    const more = searchReducer(searchReducer(shown, { type: 'moreStarted' }), {
      type: 'answered',
      request: { ...first, offset: 2 },
      result: result([hit('c', 2)], 3),
    });
    expect(more.result?.hits.map((h) => h.docId)).toEqual(['a', 'b', 'c']);
    expect(more.loadingMore).toBe(false);
  });

  it('keeps the results but says why when a search fails', () => {
    const shown = searchReducer(NO_SEARCH, { type: 'answered', request: first, result: result([hit('a', 1)]) });
    const failed = searchReducer(shown, { type: 'failed', error: { code: 'vault-locked', message: '' } });
    expect(failed.error?.code).toBe('vault-locked');
    expect(failed.searching).toBe(false);
  });
});

describe('appendHits', () => {
  it('does not list a page twice when the ranking shifted between requests', () => {
    const merged = appendHits(result([hit('a', 1), hit('b', 1)]), result([hit('b', 1), hit('c', 1)]));
    expect(merged.hits.map((h) => `${h.docId}${h.page}`)).toEqual(['a1', 'b1', 'c1']);
  });
});

describe('splitHits', () => {
  it('puts pages with only some of the words after the complete ones', () => {
    const { complete, partial } = splitHits([hit('a', 1), hit('b', 1, false), hit('c', 3)]);
    expect(complete.map((h) => h.docId)).toEqual(['a', 'c']);
    expect(partial.map((h) => h.docId)).toEqual(['b']);
  });
});

describe('refreshLimit', () => {
  it('asks again for as many hits as are shown, within the contract’s limit', () => {
    expect(refreshLimit(NO_SEARCH)).toBe(PAGE_SIZE);
    const many = searchReducer(NO_SEARCH, { type: 'answered', request: first, result: result(Array.from({ length: 60 }, (_, i) => hit('a', i + 1))) });
    expect(refreshLimit(many)).toBe(60);
    const huge = { ...many, result: result(Array.from({ length: 300 }, (_, i) => hit('a', i + 1))) };
    expect(refreshLimit(huge)).toBe(200);
  });
});

describe('filters by the case register', () => {
  it('sends the person, law and document type chosen, and nothing when none is', () => {
    expect(requestFilters({ ...NO_FILTERS, personId: 'D-P02', law: 'KZ-477-IV', docType: 'refusal' })).toEqual({
      personId: 'D-P02',
      law: 'KZ-477-IV',
      docType: 'refusal',
    });
    expect(requestFilters({ ...NO_FILTERS, personId: '' })).toBeUndefined();
  });
});
