import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { sortCases } from '../cases/caseForm';
import { useCases } from '../cases/useCases';
import { useRegister } from '../persons/useRegister';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  selected: readonly DocumentSummary[];
  onBundle?: () => void;
  onDelete: () => void;
  onClear: () => void;
  /** after a bulk change: the documents show their new persons */
  onChanged: () => void;
}

/**
 * What can be done to the documents ticked, at once: tag them with a person (one transaction), put them
 * in a case, bundle them, delete them. Each document's change is audited as the viewer's is; putting in
 * a case goes document by document, and one that fails stops the rest and says why.
 */
export function BulkActions({ selected, onBundle, onDelete, onClear, onChanged }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { persons } = useRegister();
  const { cases } = useCases();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ErrorText | null>(null);

  /** `change` for each document in turn; false when one failed (its error shown). */
  const each = async (docs: readonly DocumentSummary[], change: (doc: DocumentSummary) => Promise<{ ok: true } | { ok: false; error: Parameters<typeof describeError>[1] }>) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      for (const doc of docs) {
        const done = await change(doc);
        if (!done.ok) {
          setError(describeError(t, done.error));
          return false;
        }
      }
      return true;
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  const tagWith = async (personId: string) => {
    const person = (persons ?? []).find((p) => p.id === personId);
    if (!person) return;
    // one call, one transaction: every document is tagged or none is
    setBusy(true);
    setError(null);
    setStatus('');
    const tagged = await request(() => window.dalel.tags.addPerson({ personId, docIds: selected.map((doc) => doc.id) }));
    setBusy(false);
    onChanged();
    if (tagged.ok) setStatus(t('library.bulk.tagged', { count: tagged.value.added.length, name: person.name }));
    else setError(describeError(t, tagged.error));
  };

  const putInCase = async (caseId: string) => {
    const chosen = (cases ?? []).find((c) => c.id === caseId);
    if (!chosen) return;
    const ok = await each(selected, (doc) => request(() => window.dalel.cases.setMember({ caseId, docId: doc.id, inCase: true })));
    if (ok) setStatus(t('library.bulk.inCase', { count: selected.length, title: chosen.title }));
  };

  return (
    <div className="library-selection" role="group" aria-label={t('library.selectionLabel')} data-testid="library-selection" aria-busy={busy}>
      <span>{t('library.selected', { count: selected.length })}</span>
      {(persons ?? []).length > 0 && (
        <span className="filter-chip">
          <label htmlFor={`${id}-person`} className="search-filter-name">
            {t('library.bulk.tagWith')}
          </label>
          <select
            id={`${id}-person`}
            value=""
            disabled={busy}
            onChange={(event) => void tagWith(event.target.value)}
            data-testid="library-bulk-person"
          >
            <NamedOptions empty={t('library.bulk.choosePerson')} items={persons ?? []} />
          </select>
        </span>
      )}
      {(cases ?? []).length > 0 && (
        <span className="filter-chip">
          <label htmlFor={`${id}-case`} className="search-filter-name">
            {t('library.bulk.addToCase')}
          </label>
          <select id={`${id}-case`} value="" disabled={busy} onChange={(event) => void putInCase(event.target.value)} data-testid="library-bulk-case">
            <NamedOptions empty={t('library.bulk.chooseCase')} items={sortCases(cases ?? [], i18n.language)} />
          </select>
        </span>
      )}
      {onBundle && (
        <button type="button" onClick={onBundle} disabled={busy} data-testid="library-bundle-selected">
          {t('library.bundleSelected')}
        </button>
      )}
      <button type="button" className="button-danger-quiet" onClick={onDelete} disabled={busy} data-testid="library-delete-selected">
        {t('library.deleteSelected')}
      </button>
      <button type="button" className="button-quiet" onClick={onClear} disabled={busy} data-testid="library-clear-selection">
        {t('library.clearSelection')}
      </button>
      <span role="status" className="hint" data-testid="library-bulk-status">
        {status}
      </span>
      {error && <ErrorAlert error={error} testId="library-bulk-error" />}
    </div>
  );
}
