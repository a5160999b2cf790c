import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../../shared/domain/tagging';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { isDialogOpen, isTextEntry } from '../../ui/keyboard';
import { useLanguageNames } from '../import/LanguageChoice';
import { AddToCase } from '../cases/AddToCase';
import { TranslationControl } from '../bundles/TranslationControl';
import { DocumentStatusBadge } from '../library/DocumentStatusBadge';
import { HitBar } from './HitBar';
import { hitsOnPage } from './hitStepping';
import { LowConfidenceNotice } from './LowConfidenceNotice';
import { pageSizeOf } from './pageFacts';
import { PageText } from './PageText';
import { PageView } from './PageView';
import { DeleteDocumentDialog } from '../documents/DeleteDocumentDialog';
import { formatDay } from '../../ui/dayInput';
import { EditDocumentDialog } from '../documents/EditDocumentDialog';
import { RerunOcrDialog } from './RerunOcrDialog';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useDocument } from './useDocument';
import { useElementWidth } from './useElementWidth';
import { useSearchHighlight } from './useSearchHighlight';
import { fitWidthScale, rotateView, zoomIn, zoomOut, type Size, type ViewRotation } from './viewGeometry';
import { ViewerToolbar } from './ViewerToolbar';
import { tabKeyTarget } from '../../ui/tabList';
import { useDayStyle } from '../../ui/dayStyle';

/** The side pane's tabs, in order. */
const SIDE_TABS = ['text', 'suggestions'] as const;

interface Props {
  docId: string;
  /** The page to open at (a search result's page); the first page when not given. */
  startPage?: number;
  /** The search that opened the document: its matches are highlighted on the pages. */
  query?: string | null;
  /** What "back" returns to: the documents, or the search results the document was opened from. */
  backTo?: 'documents' | 'results' | 'person' | 'case';
  onBack: () => void;
}

/** The card that opened the viewer is gone: focus moves to the viewer, so the keyboard starts there. */
const takeFocus = (node: HTMLElement | null) => node?.focus({ preventScroll: true });

const clampPage = (page: number, count: number) => Math.max(1, Math.min(page, Math.max(1, count)));

/** One document: the page image and its text side by side, page by page. */
export function DocumentViewer({ docId, startPage = 1, query = null, backTo = 'documents', onBack }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const names = useLanguageNames();
  const { data, error, reload } = useDocument(docId);
  const [wantedPage, setWantedPage] = useState(startPage);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [rotation, setRotation] = useState<ViewRotation>(0);
  const [showBoxes, setShowBoxes] = useState(false);
  const [natural, setNatural] = useState<{ page: number; size: Size } | null>(null);
  const [rerunning, setRerunning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [measurePane, paneWidth] = useElementWidth();
  const [sideTab, setSideTab] = useState<'text' | 'suggestions'>('text');
  const [picked, setPicked] = useState<Suggestion | null>(null);

  const pageCount = data?.pages.length ?? 0;
  const pageNumber = clampPage(wantedPage, pageCount);
  const page = data?.pages[pageNumber - 1] ?? null;
  const goTo = (next: number) => setWantedPage(clampPage(next, pageCount));
  const highlight = useSearchHighlight(docId, data?.pages ?? null, query, startPage);
  const pageHits = highlight.query !== null && page ? hitsOnPage(highlight.hits, page.page, highlight.current) : null;
  const stepHit = (direction: 1 | -1) => {
    const hit = highlight.step(direction, pageNumber);
    if (hit) goTo(hit.page);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
      if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
      // An open dialog has the lawyer's attention; the pages behind it stay where they are.
      if (isDialogOpen()) return;
      event.preventDefault();
      setWantedPage((current) => clampPage(clampPage(current, pageCount) + (event.key === 'PageDown' ? 1 : -1), pageCount));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pageCount]);

  const pick = (suggestion: Suggestion | null) => {
    setPicked(suggestion);
    if (suggestion?.page) goTo(suggestion.page);
  };
  const marked = picked && picked.bbox && picked.page === page?.page ? picked.bbox : null;

  const size = page ? pageSizeOf(page, natural?.page === page.page ? natural.size : null) : null;
  const scale = zoom === 'fit' ? (size ? fitWidthScale(size, rotation, paneWidth) : 1) : zoom;

  return (
    <main className="viewer" ref={takeFocus} tabIndex={-1} aria-label={t('viewer.label')} data-testid="viewer" aria-busy={!data && !error}>
      <div className="viewer-header">
        <button type="button" className="button-quiet" onClick={onBack} data-testid="viewer-back">
          <span aria-hidden="true">← </span>
          {t(backTo === 'results' ? 'viewer.backToResults' : backTo === 'person' ? 'viewer.backToPerson' : backTo === 'case' ? 'viewer.backToCase' : 'viewer.back')}
        </button>
        {data && (
          <>
            <h1 className="viewer-title" title={data.document.fileName}>
              {data.document.title}
            </h1>
            {(data.document.documentDate || data.document.type) && (
              <span className="hint viewer-facts" data-testid="viewer-facts">
                {[data.document.documentDate && formatDay(data.document.documentDate, dayStyle), data.document.type && t(`suggestions.types.${data.document.type}`)].filter(Boolean).join(' · ')}
              </span>
            )}
            <DocumentStatusBadge document={data.document} />
            <span className="hint viewer-languages">{names(data.document.languages)}</span>
            <button type="button" onClick={() => setRerunning(true)} data-testid="rerun-ocr">
              {t('viewer.rerun')}
            </button>
            <button type="button" onClick={() => setEditing(true)} data-testid="edit-document">
              {t('documents.edit')}
            </button>
            <button type="button" className="button-danger-quiet" onClick={() => setDeleting(true)} data-testid="delete-document">
              {t('documents.delete')}
            </button>
            <AddToCase docId={docId} />
            <TranslationControl docId={docId} />
          </>
        )}
      </div>

      {error && <ErrorAlert error={describeError(t, error)} testId="viewer-error" />}
      {!data && !error && <p className="hint viewer-message">{t('viewer.loading')}</p>}
      {data && !page && <p className="hint viewer-message">{t('viewer.noPages')}</p>}

      {data && page && (
        <>
          <ViewerToolbar
            page={pageNumber}
            pageCount={pageCount}
            onPage={goTo}
            scale={scale}
            fitting={zoom === 'fit'}
            onZoomIn={() => setZoom(zoomIn(scale))}
            onZoomOut={() => setZoom(zoomOut(scale))}
            onFitWidth={() => setZoom('fit')}
            onRotate={() => setRotation(rotateView)}
            showBoxes={showBoxes}
            onToggleBoxes={() => setShowBoxes((shown) => !shown)}
          />
          {highlight.query !== null && <HitBar query={highlight.query} highlight={highlight} onStep={stepHit} />}
          <LowConfidenceNotice key={page.page} docId={docId} page={page} onReadAgain={() => setRerunning(true)} onConfirmed={reload} />
          <div className="viewer-panes">
            <section className="viewer-image-pane" ref={measurePane} aria-label={t('viewer.imagePane')} tabIndex={0}>
              {showBoxes && <p className="viewer-legend">{t('viewer.wordBoxesLegend')}</p>}
              <PageView
                key={page.page}
                docId={docId}
                page={page}
                size={size}
                scale={scale}
                rotation={rotation}
                showBoxes={showBoxes}
                matches={pageHits}
                marked={marked}
                onNaturalSize={(measured) => setNatural({ page: page.page, size: measured })}
              />
            </section>
            <div className="viewer-side">
              <div
                className="viewer-tabs"
                role="tablist"
                aria-label={t('viewer.sideLabel')}
                onKeyDown={(event) => {
                  const to = tabKeyTarget(event.key, SIDE_TABS.indexOf(sideTab), SIDE_TABS.length);
                  if (to === null) return;
                  event.preventDefault();
                  setSideTab(SIDE_TABS[to]!);
                  document.getElementById(`viewer-tab-${SIDE_TABS[to]!}`)?.focus();
                }}
              >
                {SIDE_TABS.map((tab) => (
                  <button
                    key={tab}
                    type="button"
                    role="tab"
                    id={`viewer-tab-${tab}`}
                    aria-selected={sideTab === tab}
                    tabIndex={sideTab === tab ? 0 : -1}
                    aria-controls={`viewer-side-${tab}`}
                    onClick={() => setSideTab(tab)}
                    data-testid={`viewer-tab-${tab}`}
                  >
                    {t(tab === 'text' ? 'viewer.tabText' : 'viewer.tabSuggestions')}
                  </button>
                ))}
              </div>
              {sideTab === 'text' ? (
                <section
                  id="viewer-side-text"
                  role="tabpanel"
                  className="viewer-text-pane"
                  aria-label={t('viewer.textPane', { page: pageNumber })}
                  tabIndex={0}
                >
                  <PageText page={page} matches={pageHits} />
                </section>
              ) : (
                <section id="viewer-side-suggestions" role="tabpanel" className="viewer-text-pane" aria-labelledby="viewer-tab-suggestions" tabIndex={0}>
                  <SuggestionsPanel docId={docId} selectedId={picked?.id ?? null} onSelect={pick} />
                </section>
              )}
            </div>
          </div>
        </>
      )}

      {rerunning && data && <RerunOcrDialog document={data.document} onStarted={reload} onClose={() => setRerunning(false)} />}
      {editing && data && <EditDocumentDialog document={data.document} onSaved={reload} onClose={() => setEditing(false)} />}
      {deleting && data && <DeleteDocumentDialog documents={[data.document]} onDeleted={onBack} onClose={() => setDeleting(false)} />}
    </main>
  );
}
