import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Modal } from '../../ui/Modal';
import { mergeSummary, sortPersons } from './personForm';
import { FormActions } from '../../ui/FormActions';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  /** The person whose page the lawyer is on. */
  person: Person;
  persons: readonly Person[];
  /** After the merge, with the id of the person kept. */
  onMerged: (keptId: string) => void;
  onClose: () => void;
}

/**
 * Two records of one person (an official's spelling taken as a new person, say) become one. The lawyer
 * chooses the other record and which one is kept, and reads what will happen before it does.
 */
export function MergePersonDialog({ person, persons, onMerged, onClose }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [otherId, setOtherId] = useState('');
  const [keepThis, setKeepThis] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const others = sortPersons(
    persons.filter((candidate) => candidate.id !== person.id),
    i18n.language,
  );
  const other = others.find((candidate) => candidate.id === otherId) ?? null;
  const [keep, gone] = other ? (keepThis ? [person, other] : [other, person]) : [null, null];
  const summary = keep && gone ? mergeSummary(keep, gone) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!keep || !gone) return;
    setBusy(true);
    const merged = await request(() => window.dalel.persons.merge({ keepId: keep.id, goneId: gone.id }));
    setBusy(false);
    if (!merged.ok) return setError(describeError(t, merged.error));
    onMerged(merged.value.id);
  };

  return (
    <Modal title={t('persons.mergeTitle', { name: person.name })} onClose={onClose} testId="merge-person-dialog">
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <p className="hint">{t('persons.mergeExplain')}</p>
        <div className="field">
          <label htmlFor={`${id}-other`}>{t('persons.mergeOther')}</label>
          <select id={`${id}-other`} value={otherId} onChange={(event) => setOtherId(event.target.value)} data-testid="merge-other">
            <NamedOptions empty={t('suggestions.choosePerson')} items={others} />
          </select>
        </div>
        {other && (
          <fieldset className="merge-keep">
            <legend>{t('persons.mergeKeep')}</legend>
            <label className="checkbox">
              <input type="radio" name={`${id}-keep`} checked={keepThis} onChange={() => setKeepThis(true)} data-testid="merge-keep-this" />
              {person.name}
            </label>
            <label className="checkbox">
              <input type="radio" name={`${id}-keep`} checked={!keepThis} onChange={() => setKeepThis(false)} data-testid="merge-keep-other" />
              {other.name}
            </label>
          </fieldset>
        )}
        {summary && (
          <div className="alert alert-warning" role="status" data-testid="merge-summary">
            <p>{t('persons.mergeWhat', { gone: summary.gone, keep: summary.keep })}</p>
            <ul>
              <li>{t('persons.mergeSpellings', { count: summary.spellings, gone: summary.gone, keep: summary.keep })}</li>
              <li>{t('persons.mergeMoves', { gone: summary.gone, keep: summary.keep })}</li>
              {summary.protectedAfter && <li>{t('persons.mergeProtected', { keep: summary.keep })}</li>}
              <li>{t('persons.mergeFinal', { gone: summary.gone })}</li>
            </ul>
          </div>
        )}
        {error && <ErrorAlert error={error} testId="merge-person-error" />}
        <FormActions submit={summary ? t('persons.mergeSubmit', { keep: summary.keep }) : t('persons.mergeSubmitEmpty')} busy={busy} disabled={!summary} onCancel={onClose} testId="merge-submit" />
      </form>
    </Modal>
  );
}
