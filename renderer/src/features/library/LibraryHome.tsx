import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/ipc/contract';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BuildBundleButton } from '../bundles/BuildBundleButton';
import { DeadlinesDashboard } from '../deadlines/DeadlinesDashboard';
import { ImportControls } from '../import/ImportControls';
import { ImportPanels } from '../import/ImportPanel';
import type { Imports } from '../import/useImports';
import { DeleteDocumentDialog } from '../documents/DeleteDocumentDialog';
import { BulkActions } from './BulkActions';
import { DocumentList } from './DocumentList';
import { LibraryFilterBar } from './LibraryFilterBar';
import { hasLibraryFilters, libraryRequestFilters, type LibraryFilterChoice } from './libraryFilters';
import { LIBRARY_SORTS, sortDocuments, type LibrarySort } from './librarySort';
import { LIBRARY_VIEWS, type LibraryView } from './libraryView';
import { useDocuments } from './useDocuments';

interface Props {
  settings: Settings;
  imports: Imports;
  onOpen: (docId: string) => void;
  onOpenPerson: (personId: string) => void;
  /** Back from the viewer, focus returns to the document the lawyer had open. */
  focusDocId: string | null;
  /** Kept by the shell, so the list is still narrowed when the lawyer comes back from a document. */
  filters: LibraryFilterChoice;
  onFilters: (filters: LibraryFilterChoice) => void;
  /** cards or list, kept by the shell like the filters */
  view: LibraryView;
  onView: (view: LibraryView) => void;
  /** "Bundle these documents…": a bundle wizard with the documents the filters leave. */
  onBundle?: (docIds: string[]) => void;
}

/** The library's documents, or the honest empty state while there are none. */
export function LibraryHome({ settings, imports, onOpen, onOpenPerson, focusDocId, filters, onFilters, view, onView, onBundle }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const sortId = useId();
  const { documents, error, reload } = useDocuments(libraryRequestFilters(filters));
  const filtered = hasLibraryFilters(filters);
  const [sort, setSort] = useState<LibrarySort>('imported');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [deleting, setDeleting] = useState(false);
  const shown = documents ? sortDocuments(documents, sort, i18n.language) : null;
  // only what is still listed counts as selected (a filter or a deletion may have taken the rest away)
  const selected = (shown ?? []).filter((doc) => picked.has(doc.id));
  const select = (docId: string, on: boolean) =>
    setPicked((before) => {
      const next = new Set(before);
      if (on) next.add(docId);
      else next.delete(docId);
      return next;
    });

  return (
    <main className="library-body">
      <div className="library-toolbar">
        <h1>{t('library.title')}</h1>
        <ImportControls imports={imports} />
      </div>
      {imports.error && <ErrorAlert error={imports.error} testId="import-error" />}
      <DeadlinesDashboard onOpenPerson={onOpenPerson} onOpenDocument={onOpen} />
      <ImportPanels batches={imports.batches} onCancel={imports.cancel} onPassword={imports.retryWithPassword} onDismiss={imports.dismiss} onOpen={onOpen} />
      {error && (
        <div className="library-load-error">
          <ErrorAlert error={describeError(t, error)} testId="documents-error" />
          <button type="button" onClick={reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {documents === null && !error && (
        <p className="hint" aria-busy="true">
          {t('library.loading')}
        </p>
      )}
      {(filtered || (documents?.length ?? 0) > 0) && <LibraryFilterBar value={filters} onChange={onFilters} />}
      {filtered && onBundle && documents && documents.length > 0 && (
        <div className="bundle-entry-point">
          <BuildBundleButton label="documents" onClick={() => onBundle(documents.map((doc) => doc.id))} />
        </div>
      )}
      {filtered && documents?.length === 0 && (
        <p className="hint" data-testid="library-no-match">
          {t('library.filters.noMatch')}
        </p>
      )}
      {!filtered && documents?.length === 0 && (
        <section className="empty-state" aria-labelledby="library-empty-title" data-testid="library-empty">
          <h2 id="library-empty-title">{t('library.emptyTitle')}</h2>
          <p>{t('library.emptyBody')}</p>
          <p>{t('library.emptyImport')}</p>
          <p className="hint" data-testid="auto-lock-summary">
            {settings.autoLockMinutes > 0 ? t('library.autoLockOn', { count: settings.autoLockMinutes }) : t('library.autoLockOff')}
          </p>
        </section>
      )}
      {shown && shown.length > 0 && (
        <div className="library-list-bar" data-testid="library-list-bar">
          <label htmlFor={sortId}>{t('library.sortBy')}</label>
          <select id={sortId} value={sort} onChange={(event) => setSort(event.target.value as LibrarySort)} data-testid="library-sort">
            {LIBRARY_SORTS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`library.sort.${choice}`)}
              </option>
            ))}
          </select>
          <span className="library-views" role="group" aria-label={t('library.viewLabel')}>
            {LIBRARY_VIEWS.map((choice) => (
              <button
                key={choice}
                type="button"
                aria-pressed={view === choice}
                className={view === choice ? 'button-pressed' : 'button-quiet'}
                onClick={() => onView(choice)}
                data-testid={`library-view-${choice}`}
              >
                {t(`library.views.${choice}`)}
              </button>
            ))}
          </span>
        </div>
      )}
      {selected.length > 0 && (
        <BulkActions
          selected={selected}
          onBundle={onBundle && (() => onBundle(selected.map((doc) => doc.id)))}
          onDelete={() => setDeleting(true)}
          onClear={() => setPicked(new Set())}
          onChanged={reload}
        />
      )}
      {shown && shown.length > 0 && <DocumentList documents={shown} view={view} onOpen={onOpen} focusDocId={focusDocId} selected={picked} onSelect={select} />}
      {deleting && selected.length > 0 && (
        <DeleteDocumentDialog
          documents={selected}
          onDeleted={() => {
            setDeleting(false);
            setPicked(new Set());
            reload();
          }}
          onClose={() => setDeleting(false)}
        />
      )}
    </main>
  );
}
