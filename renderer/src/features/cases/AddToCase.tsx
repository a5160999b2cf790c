import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { sortCases } from './caseForm';
import { useCases } from './useCases';

type Props = { personId: string; docId?: never } | { docId: string; personId?: never };

/**
 * "Add to case…": the cases the person or document is already in, each of which it can be taken out
 * of, and a choice of the others, which puts it in at once.
 */
export function AddToCase(member: Props): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { cases, reload } = useCases();
  const { personId, docId } = member;
  const [memberOf, setMemberOf] = useState<CaseSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<ErrorText | null>(null);
  const sequence = useRef(0);

  const loadMembership = useCallback(() => {
    const mine = ++sequence.current;
    const which = personId !== undefined ? { personId } : { docId };
    void request(() => window.dalel.cases.forMember(which)).then((loaded) => {
      if (mine !== sequence.current) return;
      if (loaded.ok) setMemberOf(loaded.value);
      else setError(describeError(t, loaded.error));
    });
  }, [personId, docId, t]);

  useEffect(() => {
    loadMembership();
    return () => void (sequence.current += 1);
  }, [loadMembership]);

  if (!cases || cases.length === 0) return null;
  const inCase = new Set(memberOf.map((item) => item.id));
  const others = sortCases(
    cases.filter((item) => !inCase.has(item.id)),
    i18n.language,
  );

  const change = async (caseId: string, put: boolean) => {
    if (!caseId) return;
    setBusy(true);
    const input = personId !== undefined ? { caseId, personId, inCase: put } : { caseId, docId, inCase: put };
    const saved = await request(() => window.dalel.cases.setMember(input));
    setBusy(false);
    if (!saved.ok) {
      setError(describeError(t, saved.error));
      setStatus('');
      return;
    }
    setError(null);
    setStatus(t(put ? 'cases.added' : 'cases.removedFrom', { title: saved.value.title }));
    reload();
    loadMembership();
  };

  return (
    <div className="add-to-case" data-testid="add-to-case">
      {memberOf.length > 0 && (
        <>
          <span className="hint">{t('cases.memberOf')}</span>
          <ul className="member-cases" aria-label={t('cases.memberOfLabel')}>
            {sortCases(memberOf, i18n.language).map((item) => (
              <li key={item.id} className="removable-chip" data-testid="member-case" data-case-id={item.id}>
                <span data-testid="member-case-title">{item.title}</span>
                <button
                  type="button"
                  className="button-quiet"
                  disabled={busy}
                  onClick={() => void change(item.id, false)}
                  aria-label={t('cases.takeOutOf', { title: item.title })}
                  data-testid="member-case-remove"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <label htmlFor={id} className="visually-hidden">
            {t('cases.addToLabel')}
          </label>
          <select id={id} value="" disabled={busy} onChange={(event) => void change(event.target.value, true)} data-testid="add-to-case-select">
            <option value="">{t('cases.addTo')}</option>
            {others.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </select>
        </>
      )}
      <span role="status" className="hint" data-testid="add-to-case-status">
        {status}
      </span>
      {error && <ErrorAlert error={error} testId="add-to-case-error" />}
    </div>
  );
}
