import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundleSummary } from '../../../../shared/domain/bundle';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface BundlesState {
  /** null until the first answer. */
  bundles: BundleSummary[] | null;
  error: DalelError | null;
  reload: () => void;
}

/** The bundles saved in the vault, newest change first, each with its last export. */
export function useBundles(): BundlesState {
  const [bundles, setBundles] = useState<BundleSummary[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  // Answers can overtake each other; only the newest request's answer is shown.
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.bundles.list()).then((listed) => {
      if (mine !== sequence.current) return;
      if (listed.ok) setBundles([...listed.value].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)));
      setError(listed.ok ? null : listed.error);
    });
  }, []);

  useEffect(() => {
    reload();
    return () => void (sequence.current += 1);
  }, [reload]);

  return { bundles, error, reload };
}
