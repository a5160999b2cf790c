import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import type { DalelError } from '../../../../shared/ipc/errors';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { bundleDocIds, removeDocument } from './arrangement';
import type { BundleDraft } from './bundleDraft';

interface Props {
  draft: BundleDraft;
  docs: Map<string, DocumentSummary>;
  /** The library; null while it loads. */
  documents: DocumentSummary[] | null;
  onChange: (change: (draft: BundleDraft) => BundleDraft) => void;
  onAdd: (docIds: string[]) => Promise<DalelError | null>;
}

/** Step 1: the documents Dalel proposed; any can be taken out, and others added from the library by hand. */
export function SelectStep({ draft, docs, documents, onChange, onAdd }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const filterId = useId();
  const inBundle = bundleDocIds(draft.sections);
  const present = new Set(inBundle);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const wanted = filter.trim().toLocaleLowerCase();
  const others = (documents ?? []).filter(
    (doc) => !present.has(doc.id) && (wanted === '' || doc.title.toLocaleLowerCase().includes(wanted) || doc.fileName.toLocaleLowerCase().includes(wanted)),
  );
  const translations = new Set(draft.sections.flatMap((section) => section.entries.flatMap((entry) => entry.translationDocIds)));

  const toggle = (docId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(docId);
      else next.delete(docId);
      return next;
    });

  const add = async () => {
    setAdding(true);
    const failed = await onAdd([...chosen]);
    setAdding(false);
    setError(failed);
    if (!failed) setChosen(new Set());
  };

  return (
    <div className="bundle-step" data-testid="bundle-select">
      <section className="person-section" aria-labelledby="bundle-chosen-title">
        <h2 id="bundle-chosen-title">{t('bundles.select.chosen', { count: inBundle.length })}</h2>
        {inBundle.length === 0 ? (
          <p className="hint" data-testid="bundle-select-empty">
            {t('bundles.select.none')}
          </p>
        ) : (
          <ul className="relation-list">
            {inBundle.map((docId) => (
              <li key={docId} className="case-member" data-testid="bundle-chosen" data-doc-id={docId}>
                <span>
                  {docs.get(docId)?.title ?? docId}
                  {translations.has(docId) && <span className="badge bundle-translation-badge">{t('bundles.translation')}</span>}
                </span>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => onChange((current) => ({ ...current, sections: removeDocument(current.sections, docId) }))}
                  aria-label={t('bundles.select.removeNamed', { title: docs.get(docId)?.title ?? docId })}
                  data-testid="bundle-chosen-remove"
                >
                  {t('bundles.select.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="person-section" aria-labelledby="bundle-add-title">
        <h2 id="bundle-add-title">{t('bundles.select.addTitle')}</h2>
        <label htmlFor={filterId}>{t('bundles.select.filter')}</label>
        <input id={filterId} value={filter} onChange={(event) => setFilter(event.target.value)} data-testid="bundle-add-filter" />
        {documents === null && <p className="hint">{t('library.loading')}</p>}
        {documents && others.length === 0 && <p className="hint">{t('bundles.select.noOthers')}</p>}
        {others.length > 0 && (
          <ul className="bundle-pick-list">
            {others.map((doc) => (
              <li key={doc.id}>
                <label className="bundle-pick" data-testid="bundle-add-option" data-doc-id={doc.id} data-file-name={doc.fileName}>
                  <input type="checkbox" checked={chosen.has(doc.id)} onChange={(event) => toggle(doc.id, event.target.checked)} />
                  <span>{doc.title}</span>
                  <span className="hint">{t('library.pages', { count: doc.pageCount })}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {error && <ErrorAlert error={describeError(t, error)} testId="bundle-add-error" />}
        <div className="actions">
          <button type="button" onClick={() => void add()} disabled={chosen.size === 0 || adding} data-testid="bundle-add-chosen">
            {t('bundles.select.addChosen', { count: chosen.size })}
          </button>
        </div>
      </section>
    </div>
  );
}
