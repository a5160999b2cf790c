import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../../../../shared/domain/tagging';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface CasePageState {
  data: CaseDetail | null;
  error: DalelError | null;
  busy: boolean;
  /** Run a change that answers with the case as it now is; its error, or null. */
  change: (call: () => Promise<Result<CaseDetail>>) => Promise<DalelError | null>;
}

/** One case: its title, notes, persons and documents. */
export function useCasePage(caseId: string): CasePageState {
  const [data, setData] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const sequence = useRef(0);

  useEffect(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.cases.get({ caseId })).then((loaded) => {
      if (mine !== sequence.current) return;
      if (loaded.ok) setData(loaded.value);
      setError(loaded.ok ? null : loaded.error);
    });
    return () => void (sequence.current += 1);
  }, [caseId]);

  const change = useCallback(async (call: () => Promise<Result<CaseDetail>>) => {
    setBusy(true);
    const mine = ++sequence.current;
    const changed = await request(call);
    setBusy(false);
    if (!changed.ok) return changed.error;
    if (mine === sequence.current) setData(changed.value);
    return null;
  }, []);

  return { data, error, busy, change };
}
