import { SearchService } from '../../core/search/searchService';
import { printJson, UsageError } from '../output';
import { withVault, type CommandContext } from './vaultCommands';
import type { SearchProblem } from '../../../shared/domain/search';

/** `dalel search` and `dalel reindex`. The JSON shapes are a contract (README, "Command line"). */

export function parseLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit takes a whole number from 1 to 200.');
  return limit;
}

/** The CLI's words for a query that cannot run (the interface has its own, in the lawyer's language). */
const SEARCH_PROBLEM_WORDS: Record<SearchProblem, string> = {
  'only-exclusions': 'Add at least one word to look for; a query of exclusions alone finds nothing.',
};

export async function searchCommand(ctx: CommandContext, vaultDir: string, query: string, limit: number): Promise<number> {
  const result = await withVault(ctx, vaultDir, (vault) => {
    // Pages not yet indexed (after an upgrade of the analyser) are indexed first, so nothing is missed.
    const index = vault.searchIndex;
    const pending = index.pendingCount();
    if (pending > 0 && !ctx.json) ctx.io.stderr(`Indexing ${pending} pages first…\n`);
    while (index.indexPending(500) > 0);
    return new SearchService(vault.db, index).search({ query, limit });
  });
  if (result.problem) throw new UsageError(SEARCH_PROBLEM_WORDS[result.problem]);
  if (ctx.json) {
    printJson(ctx.io, {
      query: result.query,
      total: result.total,
      // Past a few thousand pages the total is an estimate (rounded); this says so.
      totalIsEstimate: result.totalIsEstimate === true,
      hits: result.hits.map((hit) => ({
        docId: hit.docId,
        file: hit.fileName,
        page: hit.page,
        score: hit.score,
        snippet: hit.snippet.map((part) => part.text).join(''),
        matched: hit.matched,
        forms: hit.forms,
        complete: hit.complete,
      })),
    });
    return 0;
  }
  if (result.pagesPending > 0) ctx.io.stdout(`(${result.pagesPending} pages are still being indexed; results may be incomplete)\n`);
  if (result.hits.length === 0) {
    ctx.io.stdout(`No page mentions ${query}.\n`);
    return 0;
  }
  const about = result.totalIsEstimate ? 'About ' : '';
  ctx.io.stdout(`${about}${result.total} ${result.total === 1 ? 'page' : 'pages'} with every word.\n`);
  let partialHeading = false;
  for (const hit of result.hits) {
    if (!hit.complete && !partialHeading) {
      ctx.io.stdout('Pages with some of the words:\n');
      partialHeading = true;
    }
    const snippet = hit.snippet.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');
    ctx.io.stdout(`${hit.docId} p.${hit.page}  ${hit.fileName}\n    ${snippet}\n`);
  }
  return 0;
}

export async function reindexCommand(ctx: CommandContext, vaultDir: string): Promise<number> {
  const started = performance.now();
  const pages = await withVault(ctx, vaultDir, (vault) =>
    vault.searchIndex.rebuild((done, total) => {
      if (!ctx.json) ctx.io.stderr(`\rindexed ${done} / ${total} pages`);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (ctx.json) printJson(ctx.io, { pages, seconds: Math.round(seconds * 10) / 10 });
  else ctx.io.stdout(`${pages > 0 ? '\n' : ''}Rebuilt the search index: ${pages} pages in ${seconds.toFixed(1)} s.\n`);
  return 0;
}
