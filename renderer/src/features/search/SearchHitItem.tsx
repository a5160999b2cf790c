import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SnippetPart } from '../../../../shared/domain/search';
import { formLabelKeys, snippetParts } from './snippet';
import { focusIfUnclaimed } from '../../ui/focusIfUnclaimed';

interface Props {
  hit: SearchHit;
  onOpen: (hit: SearchHit) => void;
  autoFocus: boolean;
}

/** One page found: its document, page number, the words around the match, and how it matched. */
export function SearchHitItem({ hit, onOpen, autoFocus }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const labels = formLabelKeys(hit.forms);
  return (
    <li>
      <button
        type="button"
        className="search-hit"
        onClick={() => onOpen(hit)}
        ref={autoFocus ? focusIfUnclaimed : undefined}
        data-testid="search-hit"
        data-doc-id={hit.docId}
        data-file-name={hit.fileName}
        data-page={hit.page}
        data-complete={hit.complete}
        data-forms={hit.forms.join(' ')}
      >
        <span className="search-hit-head">
          <span className="search-hit-title" title={hit.fileName}>
            {hit.title}
          </span>
          <span className="search-hit-page">{t('search.page', { page: hit.page })}</span>
          {labels.length > 0 && (
            <span className="search-hit-forms">
              <span className="visually-hidden">{t('search.formsLabel')}: </span>
              {labels.map((key) => (
                <span key={key} className="badge badge-info" data-testid="search-hit-form">
                  {t(key)}
                </span>
              ))}
            </span>
          )}
        </span>
        <span className="search-hit-snippet" data-testid="search-hit-snippet">
          <Snippet parts={hit.snippet} />
        </span>
      </button>
    </li>
  );
}

/** The snippet as text nodes with <mark>s: whatever the page says is shown as text, never as markup. */
function Snippet({ parts }: { parts: SnippetPart[] }): React.JSX.Element {
  return (
    <>
      {snippetParts(parts).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
