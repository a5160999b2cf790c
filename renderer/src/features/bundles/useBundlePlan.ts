import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundlePlan } from '../../../../shared/domain/bundle';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { coalesce } from '../library/coalesce';

export interface BundlePlanState {
  plan: BundlePlan | null;
  error: DalelError | null;
  planning: boolean;
  /** Ask the core again (after the saved definition changed). */
  replan: () => void;
  /** Show a change at once, before the core has been asked again (a waived box turns to an outline). */
  adjust: (change: (plan: BundlePlan) => BundlePlan) => void;
}

/**
 * A plan reads every page of the bundle; while its pages are being read (as they print, or again in
 * other languages) the core says so page by page. Planning again at most this often keeps the review
 * current without keeping the core from reading.
 */
const REPLAN_ON_READING_MS = 1500;

/**
 * The saved bundle's plan: its pages and every redaction the export will burn. One plan is asked for at
 * a time: asked again meanwhile, the answer on its way is dropped and the core asked once more after it,
 * so what is shown is never older than the last change. `watch`: the bundle's documents, whose pages
 * being read make the plan change.
 */
export function useBundlePlan(bundleId: string, watch: readonly string[] = []): BundlePlanState {
  const [plan, setPlan] = useState<BundlePlan | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [planning, setPlanning] = useState(true);
  const inFlight = useRef(false);
  const again = useRef(false);
  const live = useRef(true);

  const load = useCallback(() => {
    const ask = () => {
      if (inFlight.current) {
        again.current = true;
        return;
      }
      inFlight.current = true;
      setPlanning(true);
      void request(() => window.dalel.bundles.plan({ bundleId })).then((planned) => {
        inFlight.current = false;
        if (!live.current) return;
        if (again.current) {
          again.current = false;
          return ask();
        }
        setPlanning(false);
        if (planned.ok) setPlan(planned.value);
        setError(planned.ok ? null : planned.error);
      });
    };
    ask();
  }, [bundleId]);

  useEffect(() => {
    live.current = true;
    load();
    return () => {
      live.current = false;
    };
  }, [load]);

  const watched = watch.join('\n');
  useEffect(() => {
    const docs = new Set(watched.split('\n'));
    const refresh = coalesce(load, REPLAN_ON_READING_MS);
    const unsubscribe = window.dalel.on('documents:changed', (event) => {
      if (docs.has(event.docId)) refresh.call();
    });
    return () => {
      unsubscribe();
      refresh.cancel();
    };
  }, [watched, load]);

  const adjust = useCallback((change: (plan: BundlePlan) => BundlePlan) => setPlan((current) => (current ? change(current) : current)), []);

  return { plan, error, planning, replan: load, adjust };
}
