import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/domain/search';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BuildBundleButton } from '../bundles/BuildBundleButton';
import { SearchFilters } from './SearchFilters';
import { SearchHitItem } from './SearchHitItem';
import { hasFilters, hitKey, splitHits } from './searchResults';
import type { Search } from './useSearch';

interface Props {
  search: Search;
  onOpen: (hit: SearchHit) => void;
  /** Back from the viewer, focus returns to the page the lawyer had opened. */
  focusKey: string | null;
  /** Arrow Up from the first result goes back to the search box. */
  onToSearchBox: () => void;
  /** "Bundle these results…": a bundle wizard with the documents this search finds. */
  onBundle?: (query: string) => void;
}

/** Arrow keys move between the results (Enter opens one): many lawyers work from the keyboard. */
function moveBetweenHits(event: React.KeyboardEvent<HTMLElement>, onToSearchBox: () => void): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.classList.contains('search-hit')) return;
  const hits = [...event.currentTarget.querySelectorAll<HTMLElement>('.search-hit')];
  const at = hits.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1);
  event.preventDefault();
  if (at < 0) onToSearchBox();
  else hits[Math.min(at, hits.length - 1)]?.focus();
}

/** What the search found: complete hits, then pages with some of the words, and why there is nothing. */
export function SearchResults({ search, onOpen, focusKey, onToSearchBox, onBundle }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const titleId = useId();
  const { view } = search;
  const result = view.result;
  const { complete, partial } = splitHits(result?.hits ?? []);
  const answered = result !== null && !view.searching;
  const nothing = answered && result.hits.length === 0 && !result.problem;

  const list = (hits: SearchHit[], label: string, testId: string) => (
    <ol className="search-hits" aria-label={label} data-testid={testId}>
      {hits.map((hit) => (
        <SearchHitItem key={hitKey(hit)} hit={hit} onOpen={onOpen} autoFocus={hitKey(hit) === focusKey} />
      ))}
    </ol>
  );

  return (
    <main
      className="search-body"
      aria-labelledby={titleId}
      aria-busy={view.searching}
      onKeyDown={(event) => moveBetweenHits(event, onToSearchBox)}
      data-testid="search-results"
      data-state={view.searching ? 'searching' : answered ? 'done' : 'waiting'}
    >
      <h1 id={titleId} className="search-title">
        {t('search.resultsFor', { query: view.query })}
      </h1>
      <SearchFilters value={search.filters} onChange={search.setFilters} />
      <p className="search-count" aria-live="polite" data-testid="search-count">
        {view.searching || !result
          ? t('search.searching')
          : result.total === 0 && partial.length > 0
            ? t('search.noneComplete')
            : t(result.totalIsEstimate ? 'search.countAbout' : 'search.count', { count: result.total })}
      </p>
      {onBundle && answered && result.hits.length > 0 && (
        <div className="bundle-entry-point">
          <BuildBundleButton label="results" onClick={() => onBundle(view.query)} />
        </div>
      )}
      {result && result.pagesPending > 0 && (
        <p className="alert alert-info" role="status" data-testid="search-pending">
          {t('search.pending', { count: result.pagesPending })}
        </p>
      )}
      {result?.problem && (
        <div className="alert alert-warning" data-testid="search-problem">
          <p>{t('search.problem')}</p>
          <p className="alert-detail">{t(`search.problems.${result.problem}`)}</p>
        </div>
      )}
      {view.error && <ErrorAlert error={describeError(t, view.error)} testId="search-error" />}
      {nothing && (
        <section className="empty-state search-empty" data-testid="search-empty">
          <h2>{t('search.empty', { query: view.query })}</h2>
          <p>{t('search.emptyHint')}</p>
          {hasFilters(search.filters) && <p>{t('search.emptyFiltered')}</p>}
        </section>
      )}
      <div className={view.searching ? 'search-list search-list-stale' : 'search-list'}>
        {complete.length > 0 && list(complete, t('search.listLabel'), 'search-hits')}
        {partial.length > 0 && (
          <section className="search-partial" aria-labelledby={`${titleId}-partial`} data-testid="search-partial">
            <h2 id={`${titleId}-partial`}>{t('search.partialHeading')}</h2>
            <p className="hint">{t('search.partialHint')}</p>
            {list(partial, t('search.partialHeading'), 'search-partial-hits')}
          </section>
        )}
      </div>
      {view.hasMore && !view.searching && (
        <div className="search-more">
          <button type="button" onClick={search.loadMore} disabled={view.loadingMore} data-testid="search-more">
            {view.loadingMore ? t('search.moreBusy') : t('search.more')}
          </button>
        </div>
      )}
    </main>
  );
}
