import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../../../../shared/domain/tagging';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface CasesState {
  /** null until the first answer. */
  cases: CaseSummary[] | null;
  error: DalelError | null;
  reload: () => void;
}

/** The vault's cases, with how many persons and documents each holds. */
export function useCases(): CasesState {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  // Answers can overtake each other; only the newest request's answer is shown.
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.cases.list()).then((listed) => {
      if (mine !== sequence.current) return;
      if (listed.ok) setCases(listed.value);
      setError(listed.ok ? null : listed.error);
    });
  }, []);

  useEffect(() => {
    reload();
    return () => void (sequence.current += 1);
  }, [reload]);

  return { cases, error, reload };
}
