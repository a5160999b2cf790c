import { useEffect, useRef, useState } from 'react';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { keepRecent } from './previewPaging';

export type PreviewImage = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'failed'; error: DalelError };

/**
 * Pages kept rendered: going back a few pages is instant, and a long bundle paged through does not
 * pile up decrypted page images (each a blob: URL, freed when dropped, like the viewer's pages).
 */
const KEPT_PAGES = 8;
/**
 * Paging on quickly (a key held down) asks only for the page the lawyer stops at: the core lays out the
 * whole bundle for every page it renders.
 */
const SETTLE_MS = 200;

/** One page of the bundle as it will print, rendered by the core when it is shown. */
export function usePreviewPage(bundleId: string, page: number): { image: PreviewImage; retry: () => void } {
  const [images, setImages] = useState<ReadonlyMap<number, string>>(new Map());
  const [failed, setFailed] = useState<{ page: number; error: DalelError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const urls = useRef(new Map<number, string>());
  const recent = useRef<number[]>([]);
  const shown = useRef(true);
  // Pages asked for and not back yet: going back to one does not ask again.
  const asked = useRef(new Set<number>());

  useEffect(() => {
    const owned = urls.current;
    shown.current = true;
    return () => {
      shown.current = false;
      for (const url of owned.values()) URL.revokeObjectURL(url);
      owned.clear();
    };
  }, [bundleId]);

  useEffect(() => {
    const remember = (url: string) => {
      const { recent: kept, dropped } = keepRecent(recent.current, page, KEPT_PAGES);
      recent.current = kept;
      urls.current.set(page, url);
      for (const gone of dropped) {
        const old = urls.current.get(gone);
        if (old) URL.revokeObjectURL(old);
        urls.current.delete(gone);
      }
      setImages(new Map(urls.current));
    };
    if (urls.current.has(page)) {
      // Shown again: it is now the most recent, the last to be let go.
      recent.current = keepRecent(recent.current, page, KEPT_PAGES).recent;
      return;
    }
    if (asked.current.has(page)) return;
    const timer = setTimeout(() => {
      asked.current.add(page);
      void request(() => window.dalel.bundles.previewPage({ bundleId, page })).then((rendered) => {
        asked.current.delete(page);
        if (!shown.current) return;
        if (!rendered.ok) return setFailed({ page, error: rendered.error });
        // Bytes from IPC or the test host's JSON are never a SharedArrayBuffer; the contract's type allows one.
        remember(URL.createObjectURL(new Blob([rendered.value.data as Uint8Array<ArrayBuffer>], { type: rendered.value.mime })));
      });
    }, SETTLE_MS);
    // Only a request not sent yet is dropped: a page that arrives after the lawyer moved on is kept,
    // they may well come back to it.
    return () => clearTimeout(timer);
  }, [bundleId, page, attempt]);

  const url = images.get(page);
  const image: PreviewImage = url ? { status: 'ready', url } : failed?.page === page ? { status: 'failed', error: failed.error } : { status: 'loading' };
  return {
    image,
    retry: () => {
      setFailed(null);
      setAttempt((count) => count + 1);
    },
  };
}
