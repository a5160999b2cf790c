import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { DocumentCard } from './DocumentCard';

interface Props {
  documents: DocumentSummary[];
  onOpen: (docId: string) => void;
  focusDocId: string | null;
  /** the documents ticked for a bulk action */
  selected: ReadonlySet<string>;
  onSelect: (docId: string, selected: boolean) => void;
}

/** In the order chosen. Each card is a button (Tab between them, Enter opens one); its box selects it for a bulk action. */
export function DocumentList({ documents, onOpen, focusDocId, selected, onSelect }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ul className="document-list" aria-label={t('library.listLabel')} data-testid="document-list">
      {documents.map((doc) => (
        <li key={doc.id} className="document-list-item" data-selected={selected.has(doc.id)}>
          <input
            type="checkbox"
            className="document-select"
            checked={selected.has(doc.id)}
            onChange={(event) => onSelect(doc.id, event.target.checked)}
            aria-label={t('library.select', { title: doc.title })}
            data-testid="document-select"
            data-doc-id={doc.id}
          />
          <DocumentCard document={doc} onOpen={onOpen} autoFocus={doc.id === focusDocId} />
        </li>
      ))}
    </ul>
  );
}
