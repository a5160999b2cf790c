import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonPage } from '../../../../shared/ipc/contract';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface PersonPageState {
  data: PersonPage | null;
  error: DalelError | null;
  busy: boolean;
  reload: () => void;
  /** Runs one change to the person, then shows the page as it now is; false when refused. */
  change: (call: () => Promise<Result<unknown>>) => Promise<DalelError | null>;
}

export function usePersonPage(personId: string): PersonPageState {
  const [data, setData] = useState<PersonPage | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.persons.get({ personId })).then((loaded) => {
      if (mine !== sequence.current) return;
      if (loaded.ok) {
        setData(loaded.value);
        setError(null);
      } else {
        setError(loaded.error);
      }
    });
  }, [personId]);

  useEffect(() => {
    reload();
    return () => void (sequence.current += 1);
  }, [reload]);

  const change = async (call: () => Promise<Result<unknown>>) => {
    setBusy(true);
    const done = await request(call);
    setBusy(false);
    if (done.ok) reload();
    return done.ok ? null : done.error;
  };

  return { data, error, busy, reload, change };
}
