import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/ipc/contract';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BuildBundleButton } from '../bundles/BuildBundleButton';
import { DeadlinesDashboard } from '../deadlines/DeadlinesDashboard';
import { ImportControls } from '../import/ImportControls';
import { ImportPanels } from '../import/ImportPanel';
import type { Imports } from '../import/useImports';
import { DocumentList } from './DocumentList';
import { LibraryFilterBar } from './LibraryFilterBar';
import { hasLibraryFilters, libraryRequestFilters, type LibraryFilterChoice } from './libraryFilters';
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
  /** "Bundle these documents…": a bundle wizard with the documents the filters leave. */
  onBundle?: (docIds: string[]) => void;
}

/** The library's documents, or the honest empty state while there are none. */
export function LibraryHome({ settings, imports, onOpen, onOpenPerson, focusDocId, filters, onFilters, onBundle }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { documents, error, reload } = useDocuments(libraryRequestFilters(filters));
  const filtered = hasLibraryFilters(filters);

  return (
    <main className="library-body">
      <div className="library-toolbar">
        <h1>{t('library.title')}</h1>
        <ImportControls imports={imports} />
      </div>
      {imports.error && <ErrorAlert error={imports.error} testId="import-error" />}
      <DeadlinesDashboard onOpenPerson={onOpenPerson} onOpenDocument={onOpen} />
      <ImportPanels batches={imports.batches} onCancel={imports.cancel} onDismiss={imports.dismiss} onOpen={onOpen} />
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
      {documents && documents.length > 0 && <DocumentList documents={documents} onOpen={onOpen} focusDocId={focusDocId} />}
    </main>
  );
}
