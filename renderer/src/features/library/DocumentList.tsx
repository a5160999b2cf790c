import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { formatDay } from '../../ui/dayInput';
import { useRowInView, useWindowedRows } from '../../ui/windowedRows';
import { DocumentCard, personNames } from './DocumentCard';
import { DocumentStatusBadge } from './DocumentStatusBadge';
import type { LibraryView } from './libraryView';
import { useDayStyle } from '../../ui/dayStyle';
import { focusIfUnclaimed } from '../../ui/focusIfUnclaimed';

interface Props {
  documents: DocumentSummary[];
  view: LibraryView;
  onOpen: (docId: string) => void;
  focusDocId: string | null;
  /** the documents ticked for a bulk action */
  selected: ReadonlySet<string>;
  onSelect: (docId: string, selected: boolean) => void;
}

/**
 * Sizes the layout is built on (library.css holds the same): every card and every list row has one
 * height, so that only the rows in the window need be in the page. 10,000 documents scroll as 10 do.
 */
export const CARD = { minWidth: 224, height: 370, gap: 16 } as const;
export const LIST_ROW_HEIGHT = 44;

/** In the order chosen, as cards or as a list. Cards and titles are buttons (Tab between them, Enter opens one); each box selects its document for a bulk action. */
export function DocumentList(props: Props): React.JSX.Element {
  return props.view === 'grid' ? <DocumentGrid {...props} /> : <DocumentTable {...props} />;
}

function SelectBox({ doc, selected, onSelect }: { doc: DocumentSummary; selected: boolean; onSelect: Props['onSelect'] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <input
      type="checkbox"
      className="document-select"
      checked={selected}
      onChange={(event) => onSelect(doc.id, event.target.checked)}
      aria-label={t('library.select', { title: doc.title })}
      data-testid="document-select"
      data-doc-id={doc.id}
    />
  );
}

function DocumentGrid({ documents, onOpen, focusDocId, selected, onSelect }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const ref = useRef<HTMLUListElement>(null);
  const rowHeight = CARD.height + CARD.gap;
  const { first, end, columns, rows } = useWindowedRows(ref, documents.length, rowHeight, { columns: CARD });
  const focusIndex = focusDocId ? documents.findIndex((doc) => doc.id === focusDocId) : -1;
  useRowInView(ref, focusIndex >= 0 ? Math.floor(focusIndex / columns) : null, rowHeight);
  const shown = documents.slice(first * columns, end * columns);

  return (
    <ul
      ref={ref}
      className="document-list"
      aria-label={t('library.listLabel')}
      data-testid="document-list"
      data-view="grid"
      style={{
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gridAutoRows: `${CARD.height}px`,
        gap: `${CARD.gap}px`,
        paddingTop: first * rowHeight,
        paddingBottom: Math.max(0, rows - end) * rowHeight,
      }}
    >
      {shown.map((doc, index) => (
        <li
          key={doc.id}
          className="document-list-item"
          data-selected={selected.has(doc.id)}
          aria-setsize={documents.length}
          aria-posinset={first * columns + index + 1}
        >
          <SelectBox doc={doc} selected={selected.has(doc.id)} onSelect={onSelect} />
          <DocumentCard document={doc} onOpen={onOpen} autoFocus={doc.id === focusDocId} />
        </li>
      ))}
    </ul>
  );
}

/** One line a document: what a lawyer scans a long list for, in columns. */
function DocumentTable({ documents, onOpen, focusDocId, selected, onSelect }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const ref = useRef<HTMLTableSectionElement>(null);
  const { first, end } = useWindowedRows(ref, documents.length, LIST_ROW_HEIGHT, { overscan: 8 });
  const focusIndex = focusDocId ? documents.findIndex((doc) => doc.id === focusDocId) : -1;
  useRowInView(ref, focusIndex >= 0 ? focusIndex : null, LIST_ROW_HEIGHT);
  const columns = 7;

  return (
    <table className="document-table" aria-label={t('library.listLabel')} aria-rowcount={documents.length + 1} data-testid="document-list" data-view="list">
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">
            <span className="visually-hidden">{t('library.columns.select')}</span>
          </th>
          <th scope="col">{t('library.columns.title')}</th>
          <th scope="col">{t('library.columns.date')}</th>
          <th scope="col">{t('library.columns.type')}</th>
          <th scope="col">{t('library.columns.persons')}</th>
          <th scope="col">{t('library.columns.pages')}</th>
          <th scope="col">{t('library.columns.status')}</th>
        </tr>
      </thead>
      <tbody ref={ref}>
        {first > 0 && (
          <tr aria-hidden="true" className="document-table-spacer">
            <td colSpan={columns} style={{ height: first * LIST_ROW_HEIGHT }} />
          </tr>
        )}
        {documents.slice(first, end).map((doc, index) => (
          <tr
            key={doc.id}
            className="document-row"
            data-selected={selected.has(doc.id)}
            aria-rowindex={first + index + 2}
            style={{ height: LIST_ROW_HEIGHT }}
            data-testid="document-row"
            data-doc-id={doc.id}
          >
            <td>
              <SelectBox doc={doc} selected={selected.has(doc.id)} onSelect={onSelect} />
            </td>
            <td className="document-row-title">
              <button
                type="button"
                className="button-link"
                onClick={() => onOpen(doc.id)}
                ref={doc.id === focusDocId ? focusIfUnclaimed : undefined}
                title={doc.fileName}
                data-testid="document-row-open"
              >
                {doc.title}
              </button>
            </td>
            <td className="document-row-date">{doc.documentDate ? formatDay(doc.documentDate, dayStyle) : ''}</td>
            <td>{doc.type ? t(`suggestions.types.${doc.type}`) : ''}</td>
            <td className="document-row-persons" title={personNames(doc, t)}>
              {personNames(doc, t)}
            </td>
            <td>{doc.pageCount}</td>
            <td>
              <DocumentStatusBadge document={doc} />
            </td>
          </tr>
        ))}
        {end < documents.length && (
          <tr aria-hidden="true" className="document-table-spacer">
            <td colSpan={columns} style={{ height: (documents.length - end) * LIST_ROW_HEIGHT }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
