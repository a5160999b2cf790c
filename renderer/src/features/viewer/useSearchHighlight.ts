import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageRecord } from '../../../../shared/domain/document';
import type { DocumentMatches } from '../../../../shared/domain/search';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { useDocumentsChanged } from '../library/useDocumentsChanged';
import { hitsOf, type Hit, type PageReading } from './documentHits';
import { firstHitOn, stepHit } from './hitStepping';
import { readingOf } from './pageFacts';

export interface SearchHighlight {
  /** The query whose matches are shown; null when there is none or the lawyer cleared it. */
  query: string | null;
  hits: Hit[];
  /** Index into `hits` of the hit the lawyer is on, if any. */
  current: number | null;
  loading: boolean;
  error: DalelError | null;
  /** Moves to the next or previous hit from the page shown; returns it, for the viewer to turn to. */
  step: (direction: 1 | -1, shownPage: number) => Hit | null;
  clear: () => void;
}

/** Where the search that opened a document meets its pages, kept current while its pages are read again. */
function useDocumentMatches(docId: string, query: string | null) {
  const [loaded, setLoaded] = useState<{ query: string; matches: DocumentMatches | null; error: DalelError | null } | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    if (query === null) return;
    void request(() => window.dalel.search.documentMatches({ docId, query })).then((found) => {
      if (mine !== sequence.current) return;
      setLoaded(found.ok ? { query, matches: found.value, error: null } : { query, matches: null, error: found.error });
    });
  }, [docId, query]);

  useEffect(() => {
    reload();
    return () => void (sequence.current += 1);
  }, [reload]);
  useDocumentsChanged(reload, docId);

  // An answer for a query no longer shown is not this query's.
  return loaded && loaded.query === query ? loaded : null;
}

function readingsOf(pages: readonly PageRecord[]): PageReading[] {
  return pages.flatMap((page) => {
    const reading = readingOf(page);
    return reading ? [{ page: page.page, text: reading.text, words: reading.words }] : [];
  });
}

/** The search's matches in an open document: which hit the lawyer is on, and stepping between them. */
export function useSearchHighlight(docId: string, pages: readonly PageRecord[] | null, initialQuery: string | null, startPage: number): SearchHighlight {
  const [query, setQuery] = useState(initialQuery?.trim() ? initialQuery.trim() : null);
  const loaded = useDocumentMatches(docId, query);
  const hits = useMemo(() => hitsOf(loaded?.matches ?? null, readingsOf(pages ?? [])), [loaded, pages]);
  // undefined until the lawyer steps: the viewer starts on the first hit of the page the result named.
  const [chosen, setChosen] = useState<number | null | undefined>(undefined);
  const current = chosen === undefined ? firstHitOn(hits, startPage) : chosen !== null && chosen < hits.length ? chosen : null;

  const step = (direction: 1 | -1, shownPage: number) => {
    const next = stepHit(hits, current, shownPage, direction);
    setChosen(next);
    return next === null ? null : (hits[next] ?? null);
  };

  const clear = () => {
    setQuery(null);
    setChosen(null);
  };

  return { query, hits, current, loading: query !== null && loaded === null, error: loaded?.error ?? null, step, clear };
}
