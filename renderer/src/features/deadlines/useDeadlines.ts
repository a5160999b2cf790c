import { useCallback, useEffect, useRef, useState } from 'react';
import type { Deadline } from '../../../../shared/domain/tagging';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface DeadlinesState {
  deadlines: Deadline[] | null;
  error: DalelError | null;
  busy: boolean;
  reload: () => void;
  setDone: (id: number, done: boolean) => Promise<void>;
}

/** Deadlines due in the next `days`, overdue ones first (the core's order). */
export function useDeadlines(days: number): DeadlinesState {
  const [deadlines, setDeadlines] = useState<Deadline[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.deadlines.list({ days })).then((listed) => {
      if (mine !== sequence.current) return;
      if (listed.ok) {
        setDeadlines(listed.value);
        setError(null);
      } else {
        setError(listed.error);
      }
    });
  }, [days]);

  useEffect(() => {
    reload();
    return () => void (sequence.current += 1);
  }, [reload]);

  /**
   * Ticked at once, and left on the list struck through rather than reloaded away (the core lists only
   * open deadlines): a mis-click can be undone on the spot. It is gone the next time the list loads.
   */
  const setDone = async (id: number, done: boolean) => {
    const mark = (value: boolean) => setDeadlines((current) => current?.map((deadline) => (deadline.id === id ? { ...deadline, done: value } : deadline)) ?? null);
    mark(done);
    setBusy(true);
    const changed = await request(() => window.dalel.deadlines.setDone({ id, done }));
    setBusy(false);
    if (!changed.ok) {
      mark(!done);
      setError(changed.error);
    }
  };

  return { deadlines, error, busy, reload, setDone };
}
