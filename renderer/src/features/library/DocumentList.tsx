import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { DocumentCard } from './DocumentCard';

interface Props {
  documents: DocumentSummary[];
  onOpen: (docId: string) => void;
  focusDocId: string | null;
}

/** Newest first (the core's order). Each card is a button: Tab moves between them, Enter opens one. */
export function DocumentList({ documents, onOpen, focusDocId }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ul className="document-list" aria-label={t('library.listLabel')} data-testid="document-list">
      {documents.map((doc) => (
        <li key={doc.id}>
          <DocumentCard document={doc} onOpen={onOpen} autoFocus={doc.id === focusDocId} />
        </li>
      ))}
    </ul>
  );
}
