import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { sortCases } from './caseForm';
import { useCases } from './useCases';

type Props = { personId: string; docId?: never } | { docId: string; personId?: never };

/** "Add to case…": pick a case, and the person or document is put in it at once. */
export function AddToCase(member: Props): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { cases, reload } = useCases();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  if (!cases || cases.length === 0) return null;

  const add = async (caseId: string) => {
    if (!caseId) return;
    setBusy(true);
    const input = member.personId !== undefined ? { caseId, personId: member.personId, inCase: true } : { caseId, docId: member.docId, inCase: true };
    const saved = await request(() => window.dalel.cases.setMember(input));
    setBusy(false);
    if (!saved.ok) {
      setError(describeError(t, saved.error));
      setAdded(null);
      return;
    }
    setError(null);
    setAdded(saved.value.title);
    reload();
  };

  return (
    <div className="add-to-case" data-testid="add-to-case">
      <label htmlFor={id} className="visually-hidden">
        {t('cases.addToLabel')}
      </label>
      <select id={id} value="" disabled={busy} onChange={(event) => void add(event.target.value)} data-testid="add-to-case-select">
        <option value="">{t('cases.addTo')}</option>
        {sortCases(cases, i18n.language).map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </select>
      <span role="status" className="hint" data-testid="add-to-case-status">
        {added ? t('cases.added', { title: added }) : ''}
      </span>
      {error && <ErrorAlert error={error} testId="add-to-case-error" />}
    </div>
  );
}
