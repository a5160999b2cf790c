import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnippetPart } from '../../../../shared/domain/search';
import type { MentionedDocument } from '../../../../shared/domain/tagging';
import { formatDay } from '../../ui/dayInput';
import { snippetParts } from '../search/snippet';
import { typeWords } from '../viewer/suggestionWords';
import { afterSelectAll, selectedInOrder, selectionState, stillListed, toggled } from './mentionSelection';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  /** the person's name, as the register has it */
  name: string;
  mentions: MentionedDocument[];
  /** more pages named the person than were read: older documents may be missing */
  partial: boolean;
  busy: boolean;
  /** Tag the documents with the person; the number tagged, or null when refused (the page says why). */
  onTag: (docIds: string[]) => Promise<number | null>;
  /** Open a document at a page, the person's name marked on it. */
  onOpenPage: (docId: string, page: number) => void;
}

/**
 * "Mentioned, not tagged": the documents whose pages name the person but that are not tagged with
 * them, each page with the words around the name, for the lawyer to read, tick and tag in one go.
 */
export function MentionsSection({ name, mentions, partial, busy, onTag, onOpenPage }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const id = useId();
  const [ticked, setSelected] = useState<Set<string>>(new Set());
  const [tagged, setTagged] = useState<number | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  // After tagging the list is read again: a document tagged is no longer in it, nor in the selection.
  const selected = stillListed(ticked, mentions);
  const state = selectionState(selected, mentions);

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = state === 'some';
  }, [state]);

  if (mentions.length === 0 && !partial && tagged === null) return null;

  const tag = async () => {
    const docIds = selectedInOrder(selected, mentions);
    if (docIds.length === 0) return;
    setTagged(null);
    const count = await onTag(docIds);
    if (count !== null) setTagged(count);
  };

  return (
    <section className="person-section" aria-labelledby={`${id}-title`} data-testid="person-mentions">
      <h2 id={`${id}-title`}>
        {t('persons.mentions.title')} <span className="badge badge-info">{mentions.length}</span>
      </h2>
      {mentions.length > 0 && <p className="hint">{t('persons.mentions.explain', { name })}</p>}
      {partial && (
        <p className="hint" data-testid="person-mentions-partial">
          {t('persons.mentions.partial')}
        </p>
      )}
      {mentions.length > 0 && (
        <>
          <div className="mention-actions">
            <label className="mention-select-all">
              <input
                ref={selectAll}
                type="checkbox"
                checked={state === 'all'}
                onChange={() => setSelected(afterSelectAll(selected, mentions))}
                disabled={busy}
                data-testid="person-mentions-select-all"
              />
              {t('persons.mentions.selectAll')}
            </label>
            <button type="button" onClick={() => void tag()} disabled={busy || state === 'none'} data-testid="person-mentions-tag">
              {t('persons.mentions.tagSelected', { name })}
            </button>
          </div>
          <ul className="mention-list">
            {mentions.map((doc) => (
              <li key={doc.docId} className="mention" data-testid="person-mention" data-doc-id={doc.docId}>
                <div className="mention-head">
                  <label className="mention-title">
                    <input
                      type="checkbox"
                      checked={selected.has(doc.docId)}
                      onChange={() => setSelected(toggled(selected, doc.docId))}
                      disabled={busy}
                      data-testid="person-mention-select"
                    />
                    <span>{doc.title}</span>
                  </label>
                  {doc.date && <span className="hint">{formatDay(doc.date, dayStyle)}</span>}
                  {doc.type && <span className="badge badge-info">{typeWords(t, doc.type)}</span>}
                </div>
                <ul className="mention-pages">
                  {doc.pages.map((page) => (
                    <li key={page.page} className="mention-page" data-testid="person-mention-page" data-page={page.page} data-spelling={page.spelling}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onOpenPage(doc.docId, page.page)}
                        aria-label={t('persons.mentions.openPage', { title: doc.title, page: page.page })}
                        data-testid="person-mention-open"
                      >
                        {t('persons.mentions.page', { page: page.page })}
                      </button>
                      <span className="mention-snippet" lang="und" data-testid="person-mention-snippet">
                        <Snippet parts={page.snippet} />
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status" className="hint" data-testid="person-mentions-status">
        {tagged !== null ? t('persons.mentions.tagged', { count: tagged, name }) : ''}
      </p>
    </section>
  );
}

/** The words around the name, the name marked: text nodes only, whatever the page says. */
function Snippet({ parts }: { parts: SnippetPart[] }): React.JSX.Element {
  return (
    <>
      {snippetParts(parts).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>))}
    </>
  );
}
