import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { useLanguageNames } from '../import/LanguageChoice';
import { usePageImage } from '../viewer/usePageImage';
import { DocumentStatusBadge } from './DocumentStatusBadge';
import { formatDay } from '../../ui/dayInput';
import { formatImportedAt } from './documentStatus';
import { useDayStyle } from '../../ui/dayStyle';
import { focusIfUnclaimed } from '../../ui/focusIfUnclaimed';

interface Props {
  document: DocumentSummary;
  onOpen: (docId: string) => void;
  autoFocus?: boolean;
}

export function DocumentCard({ document: doc, onOpen, autoFocus }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const names = useLanguageNames();
  return (
    <button
      type="button"
      className="document-card"
      onClick={() => onOpen(doc.id)}
      ref={autoFocus ? focusIfUnclaimed : undefined}
      data-testid="document-card"
      data-doc-id={doc.id}
      data-file-name={doc.fileName}
      data-status={doc.status}
    >
      <Thumbnail document={doc} />
      <span className="document-card-body">
        <span className="document-card-title" title={doc.fileName}>
          {doc.title}
        </span>
        {(doc.documentDate || doc.type) && (
          <span className="document-card-meta document-card-facts" data-testid="document-card-facts">
            {[doc.documentDate && formatDay(doc.documentDate, dayStyle), doc.type && t(`suggestions.types.${doc.type}`)].filter(Boolean).join(' · ')}
          </span>
        )}
        {doc.persons.length > 0 && (
          <span className="document-card-meta document-card-persons" title={personNames(doc, t)} data-testid="document-card-persons">
            {personNames(doc, t)}
          </span>
        )}
        <span className="document-card-meta">
          {t('library.importedAt', { date: formatImportedAt(doc.importedAt, dayStyle) })}
        </span>
        <span className="document-card-meta">
          {t('library.pages', { count: doc.pageCount })} · {names(doc.languages)}
        </span>
        <DocumentStatusBadge document={doc} />
      </span>
    </button>
  );
}

/** The persons a document is tagged with, by name; a protected one says so. */
export function personNames(doc: DocumentSummary, t: TFunction): string {
  return doc.persons.map((person) => (person.protected ? t('library.protectedPerson', { name: person.name }) : person.name)).join(', ');
}

function Thumbnail({ document: doc }: { document: DocumentSummary }): React.JSX.Element {
  const { t } = useTranslation();
  // Page 1's thumbnail exists once the page has been read: ask again when that may have happened.
  const image = usePageImage(doc.id, 1, 'thumb', `${doc.status}:${doc.pagesDone + doc.pagesFailed > 0}`);
  return (
    <span className="document-card-thumb">
      {image.status === 'ready' ? (
        <img src={image.url} alt="" data-testid="document-thumbnail" />
      ) : (
        <span className="document-card-thumb-empty">{image.status === 'loading' ? '' : t('library.noThumbnail')}</span>
      )}
      <span className="document-card-kind">{doc.kind.toUpperCase()}</span>
    </span>
  );
}
