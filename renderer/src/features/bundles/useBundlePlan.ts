import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundlePlan } from '../../../../shared/domain/bundle';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface BundlePlanState {
  plan: BundlePlan | null;
  error: DalelError | null;
  planning: boolean;
  /** Ask the core again (after the saved definition changed). */
  replan: () => void;
  /** Show a change at once, before the core has been asked again (a waived box turns to an outline). */
  adjust: (change: (plan: BundlePlan) => BundlePlan) => void;
}

/** The saved bundle's plan: its pages and every redaction the export will burn. */
export function useBundlePlan(bundleId: string): BundlePlanState {
  const [plan, setPlan] = useState<BundlePlan | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [planning, setPlanning] = useState(true);
  // Plans can overtake each other; only the newest request's answer is shown.
  const sequence = useRef(0);

  const load = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.bundles.plan({ bundleId })).then((planned) => {
      if (mine !== sequence.current) return;
      setPlanning(false);
      if (planned.ok) setPlan(planned.value);
      setError(planned.ok ? null : planned.error);
    });
  }, [bundleId]);

  useEffect(() => {
    load();
    return () => void (sequence.current += 1);
  }, [load]);

  const replan = useCallback(() => {
    setPlanning(true);
    load();
  }, [load]);

  const adjust = useCallback((change: (plan: BundlePlan) => BundlePlan) => setPlan((current) => (current ? change(current) : current)), []);

  return { plan, error, planning, replan, adjust };
}
