import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/domain/search';
import type { Output, Settings, VaultStatus } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/errors';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { isDialogOpen, isTextEntry } from '../../ui/keyboard';
import { DropZone } from '../import/DropZone';
import { RunningImportsNotice } from '../import/RunningImportsNotice';
import { useImports } from '../import/useImports';
import { SearchBar } from '../search/SearchBar';
import { hitKey } from '../search/searchResults';
import { SearchResults } from '../search/SearchResults';
import { useSearch } from '../search/useSearch';
import { CasePageView } from '../cases/CasePageView';
import { CasesView } from '../cases/CasesView';
import type { BundleSource } from '../bundles/bundleDraft';
import { BundlesView } from '../bundles/BundlesView';
import { BundleWizard } from '../bundles/BundleWizard';
import { LawsView } from '../laws/LawsView';
import { PersonPageView } from '../persons/PersonPageView';
import { PersonsView } from '../persons/PersonsView';
import { DocumentViewer } from '../viewer/DocumentViewer';
import { ChangePassphraseDialog } from '../vault/ChangePassphraseDialog';
import { DemoBanner } from '../vault/DemoBanner';
import type { RecoveryReason } from '../vault/SecuritySection';
import { LibraryHome } from './LibraryHome';
import { ShortcutsDialog } from './ShortcutsDialog';
import { NO_LIBRARY_FILTERS, type LibraryFilterChoice } from './libraryFilters';
import type { LibraryView } from './libraryView';
import { SettingsDialog } from './SettingsDialog';
import { VerifyAuditDialog } from './VerifyAuditDialog';

interface Props {
  vaultPath: string;
  /** The demo vault of sample documents: a banner above every screen says so, with the way out. */
  demo?: boolean;
  settings: Settings;
  onSaveSettings: (change: Partial<Settings>) => Promise<Result<Settings>>;
  onLocked: (status: VaultStatus) => void;
  /** A new recovery code (after the key was replaced, or the code): shown once, full screen. */
  onRecoveryCode: (code: string, reason: RecoveryReason) => void;
  /** This vault was wiped from Settings. */
  onWiped: (report: Output<'vault:wipe'>) => void;
  /** The recovery code the vault was just opened with: a new passphrase is asked for at once. */
  recoveredWith?: string | null;
  onRecoveredHandled?: () => void;
}

type OpenDialog = 'settings' | 'change-passphrase' | 'verify' | 'shortcuts' | null;

/** Under the viewer and the search results: the documents (with the deadlines), the persons, one person, the cases, one case, or the laws. */
type Place = { to: 'documents' } | { to: 'persons' } | { to: 'person'; personId: string } | { to: 'cases' } | { to: 'case'; caseId: string } | { to: 'laws' } | { to: 'bundles' } | { to: 'bundle'; source: BundleSource };

/** The document in the viewer: from the library (page 1), or from a search result (its page, its query). */
interface OpenDocument {
  docId: string;
  page: number;
  query: string | null;
}

export function LibraryShell({ vaultPath, demo = false, settings, onSaveSettings, onLocked, onRecoveryCode, onWiped, recoveredWith = null, onRecoveredHandled }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [locking, setLocking] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  // Not in the route: a locked vault unmounts the library, and with it whichever document was open.
  const [opened, setOpened] = useState<OpenDocument | null>(null);
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  const [lastHit, setLastHit] = useState<string | null>(null);
  const [place, setPlace] = useState<Place>({ to: 'documents' });
  const [filters, setFilters] = useState<LibraryFilterChoice>(NO_LIBRARY_FILTERS);
  const [view, setView] = useState<LibraryView>('grid');
  const imports = useImports();
  const search = useSearch();
  const searchInput = useRef<HTMLInputElement>(null);
  const close = () => setDialog(null);

  const typeSearch = (text: string) => {
    // Typing asks for results: they replace an open document, and focus stays in the box.
    setOpened(null);
    setLastHit(null);
    setLastOpened(null);
    search.type(text);
  };

  const openHit = (hit: SearchHit) => {
    setLastHit(hitKey(hit));
    setOpened({ docId: hit.docId, page: hit.page, query: search.view.query });
  };

  const closeDocument = () => {
    if (opened && opened.query === null) setLastOpened(opened.docId);
    setOpened(null);
  };

  const showLibrary = () => {
    setOpened(null);
    search.clear();
  };

  const goTo = (next: Place) => {
    showLibrary();
    setPlace(next);
  };
  const openPerson = (personId: string) => goTo({ to: 'person', personId });
  const openCase = (caseId: string) => goTo({ to: 'case', caseId });
  const openDocument = (docId: string, at?: { page: number; query: string }) => setOpened({ docId, page: at?.page ?? 1, query: at?.query ?? null });
  const buildBundle = (source: BundleSource) => goTo({ to: 'bundle', source });

  const lock = async () => {
    setLocking(true);
    setError(null);
    const locked = await request(() => window.dalel.vault.lock());
    setLocking(false);
    if (locked.ok) onLocked(locked.value);
    else setError(describeError(t, locked.error));
  };

  // Ctrl+L (⌘L) locks at once, from anywhere (the desktop menu has the same accelerator); Escape leaves
  // an open document, unless a dialog or a field has it; "?" lists the shortcuts (the key that types a
  // question mark, in any layout), unless the lawyer is typing.
  const showShortcuts = () => setDialog('shortcuts');
  const keys = useRef({ lock, closeDocument, opened, showShortcuts });
  useEffect(() => {
    keys.current = { lock, closeDocument, opened, showShortcuts };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void keys.current.lock();
        return;
      }
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isDialogOpen() && !isTextEntry(event.target)) {
        event.preventDefault();
        keys.current.showShortcuts();
        return;
      }
      if (event.key !== 'Escape' || !keys.current.opened || isDialogOpen() || isTextEntry(event.target)) return;
      event.preventDefault();
      keys.current.closeDocument();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const skipToContent = (event: React.MouseEvent) => {
    event.preventDefault();
    const main = window.document.querySelector<HTMLElement>('.library main');
    if (!main) return;
    if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
    main.focus();
  };

  return (
    <DropZone onDrop={(items) => void imports.importDropped(items)}>
      <div className="library" data-testid="library-screen">
        <a href="#content" className="skip-link" onClick={skipToContent} data-testid="skip-link">
          {t('library.skipToContent')}
        </a>
        {demo && <DemoBanner onLeave={() => void lock()} leaving={locking} />}
        <header className="app-header">
          <div className="app-header-title">
            <span className="brand">{t('app.name')}</span>
            <span className="path" title={vaultPath} data-testid="library-vault-path">
              <span className="visually-hidden">{t('library.vaultLabel')}: </span>
              {vaultPath}
            </span>
          </div>
          <SearchBar
            value={search.text}
            onChange={typeSearch}
            onSubmit={() => {
              setOpened(null);
              search.submit();
            }}
            onClear={search.clear}
            searching={search.view.searching}
            onToResults={() => document.querySelector<HTMLElement>('.search-hit')?.focus()}
            inputRef={searchInput}
          />
          <nav className="app-header-actions" aria-label={t('library.actionsLabel')}>
            <button
              type="button"
              className="button-quiet"
              onClick={() => goTo({ to: place.to === 'persons' ? 'documents' : 'persons' })}
              aria-pressed={place.to === 'persons' || place.to === 'person'}
              data-testid="persons-button"
            >
              {t('library.persons')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => goTo({ to: place.to === 'cases' ? 'documents' : 'cases' })}
              aria-pressed={place.to === 'cases' || place.to === 'case'}
              data-testid="cases-button"
            >
              {t('library.cases')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => goTo({ to: place.to === 'laws' ? 'documents' : 'laws' })}
              aria-pressed={place.to === 'laws'}
              data-testid="laws-button"
            >
              {t('library.laws')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => goTo({ to: place.to === 'bundles' ? 'documents' : 'bundles' })}
              aria-pressed={place.to === 'bundles' || place.to === 'bundle'}
              data-testid="bundles-button"
            >
              {t('bundles.nav')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setDialog('verify')} data-testid="verify-audit-button">
              {t('library.verify')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setDialog('change-passphrase')} data-testid="change-passphrase-button">
              {t('library.changePassphrase')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setDialog('settings')} data-testid="settings-button">
              {t('library.settings')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setDialog('shortcuts')}
              aria-keyshortcuts="?"
              aria-label={t('shortcuts.openTitle')}
              title={t('shortcuts.openTitle')}
              data-testid="shortcuts-button"
            >
              <span aria-hidden="true">?</span>
            </button>
            <button type="button" className="button-primary" onClick={() => void lock()} disabled={locking} aria-keyshortcuts="Control+L" title={t('library.lockShortcut')} data-testid="lock-button">
              {t('library.lock')}
            </button>
          </nav>
        </header>

        {error && (
          <div className="library-alerts">
            <ErrorAlert error={error} testId="library-error" />
          </div>
        )}
        {opened ? (
          <DocumentViewer
            key={`${opened.docId}#${opened.page}#${opened.query ?? ''}`}
            docId={opened.docId}
            startPage={opened.page}
            query={opened.query}
            backTo={search.active ? 'results' : place.to === 'person' ? 'person' : place.to === 'case' ? 'case' : 'documents'}
            onBack={closeDocument}
          />
        ) : search.active ? (
          <SearchResults
            search={search}
            onOpen={openHit}
            focusKey={lastHit}
            onToSearchBox={() => searchInput.current?.focus()}
            onBundle={(query) => buildBundle({ from: 'query', query })}
          />
        ) : place.to === 'persons' ? (
          <PersonsView onOpenPerson={openPerson} onBack={() => setPlace({ to: 'documents' })} />
        ) : place.to === 'person' ? (
          <PersonPageView
            key={place.personId}
            personId={place.personId}
            onBack={() => setPlace({ to: 'persons' })}
            onOpenPerson={openPerson}
            onOpenDocument={openDocument}
            onBuildBundle={() => buildBundle({ from: 'person', personId: place.personId })}
          />
        ) : place.to === 'bundles' ? (
          <BundlesView
            onOpen={(bundleId) => buildBundle({ from: 'saved', bundleId })}
            onNew={() => buildBundle({ from: 'documents', docIds: [] })}
            onBack={() => setPlace({ to: 'documents' })}
          />
        ) : place.to === 'bundle' ? (
          <BundleWizard key={JSON.stringify(place.source)} source={place.source} onLeave={() => setPlace({ to: 'bundles' })} />
        ) : place.to === 'laws' ? (
          <LawsView onBack={() => setPlace({ to: 'documents' })} />
        ) : place.to === 'cases' ? (
          <CasesView onOpenCase={openCase} onBack={() => setPlace({ to: 'documents' })} />
        ) : place.to === 'case' ? (
          <CasePageView
            key={place.caseId}
            caseId={place.caseId}
            onBack={() => setPlace({ to: 'cases' })}
            onOpenPerson={openPerson}
            onOpenDocument={openDocument}
            onBuildBundle={() => buildBundle({ from: 'case', caseId: place.caseId })}
          />
        ) : (
          <LibraryHome
            settings={settings}
            imports={imports}
            onOpen={openDocument}
            onOpenPerson={openPerson}
            focusDocId={lastOpened}
            filters={filters}
            onFilters={setFilters}
            view={view}
            onView={setView}
            onBundle={(docIds) => buildBundle({ from: 'documents', docIds })}
          />
        )}
        {(opened || search.active) && <RunningImportsNotice batches={imports.batches} onShow={showLibrary} />}

        {dialog === 'settings' && (
          <SettingsDialog
            settings={settings}
            onSave={onSaveSettings}
            onClose={close}
            vaultPath={vaultPath}
            onChangePassphrase={() => setDialog('change-passphrase')}
            onVerify={() => setDialog('verify')}
            onRecoveryCode={onRecoveryCode}
            onWiped={onWiped}
          />
        )}
        {/* Opened with the recovery code: a new passphrase is asked for at once (the prop may come after the library mounted). */}
        {(dialog === 'change-passphrase' || recoveredWith) && (
          <ChangePassphraseDialog
            vaultPath={vaultPath}
            recoveryCode={recoveredWith ?? undefined}
            onClose={() => {
              onRecoveredHandled?.();
              close();
            }}
          />
        )}
        {dialog === 'verify' && <VerifyAuditDialog onClose={close} />}
        {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      </div>
    </DropZone>
  );
}
