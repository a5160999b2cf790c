import { useCallback, useEffect, useReducer, useState } from 'react';
import type { SearchResult } from '../../../../shared/domain/search';
import type { Result } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { useDocumentsChanged } from '../library/useDocumentsChanged';
import { searchRunner } from './searchRunner';
import { NO_FILTERS, NO_SEARCH, PAGE_SIZE, refreshLimit, requestFilters, searchReducer, type FilterChoice, type SearchRequest } from './searchResults';

/**
 * The search box and its results. The query lives in memory only (it names people): it is never saved,
 * and it is gone when the vault locks and the library unmounts.
 */
export function useSearch() {
  const [text, setText] = useState('');
  const [filters, setFilterChoice] = useState<FilterChoice>(NO_FILTERS);
  const [view, dispatch] = useReducer(searchReducer, NO_SEARCH);
  const [runner] = useState(() =>
    searchRunner(
      (asked: SearchRequest) => request(() => window.dalel.search.query(asked)),
      (asked: SearchRequest, answer: Result<SearchResult>) =>
        dispatch(answer.ok ? { type: 'answered', request: asked, result: answer.value } : { type: 'failed', error: answer.error }),
    ),
  );
  useEffect(() => () => runner.cancel(), [runner]);

  const requestFor = (query: string, choice: FilterChoice, offset = 0, limit = PAGE_SIZE): SearchRequest => {
    const asked: SearchRequest = { query: query.trim(), limit, offset };
    const chosen = requestFilters(choice);
    if (chosen) asked.filters = chosen;
    return asked;
  };

  const start = (query: string, choice: FilterChoice, when: 'now' | 'after-typing') => {
    if (query.trim() === '') {
      runner.cancel();
      dispatch({ type: 'cleared' });
      return;
    }
    dispatch({ type: 'started', query: query.trim() });
    const asked = requestFor(query, choice);
    if (when === 'now') runner.now(asked);
    else runner.schedule(asked);
  };

  const type = (next: string) => {
    setText(next);
    start(next, filters, 'after-typing');
  };

  const submit = () => start(text, filters, 'now');

  const setFilters = (next: FilterChoice) => {
    setFilterChoice(next);
    start(text, next, 'now');
  };

  const clear = useCallback(() => {
    setText('');
    runner.cancel();
    dispatch({ type: 'cleared' });
  }, [runner]);

  const loadMore = () => {
    if (!view.result || view.loadingMore || view.searching) return;
    dispatch({ type: 'moreStarted' });
    runner.now(requestFor(view.query, filters, view.result.hits.length));
  };

  // Pages read or re-read meanwhile may now match (and "still indexing" shrinks): ask again for what is
  // shown. Not while a newer search is on its way: its answer is fresher still.
  useDocumentsChanged(() => {
    if (view.query && view.result && !view.searching && !view.loadingMore) runner.now(requestFor(view.query, filters, 0, refreshLimit(view)));
  });

  return { text, filters, view, active: text.trim() !== '', type, submit, clear, setFilters, loadMore };
}

export type Search = ReturnType<typeof useSearch>;
