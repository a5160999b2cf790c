import { useEffect, useRef } from 'react';
import { coalesce } from './coalesce';

/** Often enough to watch pages being read, rarely enough to keep the core free for reading them. */
const REFRESH_DELAY_MS = 300;

/**
 * Call `onChange` when documents change in the core (all of them, or the one with `docId`), at most
 * once per REFRESH_DELAY_MS.
 */
export function useDocumentsChanged(onChange: () => void, docId?: string): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  useEffect(() => {
    const refresh = coalesce(() => latest.current(), REFRESH_DELAY_MS);
    const unsubscribe = window.dalel.on('documents:changed', (event) => {
      if (docId === undefined || event.docId === docId) refresh.call();
    });
    return () => {
      unsubscribe();
      refresh.cancel();
    };
  }, [docId]);
}
