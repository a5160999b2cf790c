import { useCallback, useEffect, useRef, useState } from 'react';
import type { Law, Person } from '../../../../shared/domain/tagging';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface RegisterState {
  /** null until the first answer. */
  persons: Person[] | null;
  laws: Law[];
  error: DalelError | null;
  reload: () => void;
}

/** The case register: the persons and the laws, to name what suggestions and tags point at. */
export function useRegister(): RegisterState {
  const [persons, setPersons] = useState<Person[] | null>(null);
  const [laws, setLaws] = useState<Law[]>([]);
  const [error, setError] = useState<DalelError | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    void Promise.all([request(() => window.dalel.persons.list()), request(() => window.dalel.laws.list())]).then(([listed, lawList]) => {
      if (mine !== sequence.current) return;
      if (listed.ok) setPersons(listed.value);
      if (lawList.ok) setLaws(lawList.value);
      setError(!listed.ok ? listed.error : !lawList.ok ? lawList.error : null);
    });
  }, []);

  useEffect(() => {
    reload();
    return () => void (sequence.current += 1);
  }, [reload]);

  return { persons, laws, error, reload };
}
