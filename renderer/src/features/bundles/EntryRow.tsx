import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleEntry, BundleSection } from '../../../../shared/domain/bundle';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { canMoveDown, canMoveUp, ENTRY_DRAG_TYPE, moveDown, moveUp, updateEntry, type EntryChange, type EntryPlace } from './arrangement';
import { DayField } from '../../ui/DayField';

interface Props {
  sections: BundleSection[];
  place: EntryPlace;
  entry: BundleEntry;
  docs: Map<string, DocumentSummary>;
  dragging: boolean;
  /** Something dragged is over this entry: it would land before it. */
  dropBefore: boolean;
  dropProps: Pick<React.HTMLAttributes<HTMLElement>, 'onDragOver' | 'onDragLeave' | 'onDrop'>;
  onDragStart: (docId: string) => void;
  onDragEnd: () => void;
  onSections: (sections: BundleSection[]) => void;
}

/** One document in the index: dragged by its handle or moved with the buttons; its index line edited in place. */
export function EntryRow({ sections, place, entry, docs, dragging, dropBefore, dropProps, onDragStart, onDragEnd, onSections }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const doc = docs.get(entry.docId);
  const name = entry.title || doc?.title || entry.docId;
  const edit = (change: EntryChange) => onSections(updateEntry(sections, entry.docId, change));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorText | null>(null);
  // The index line edited here differs from the document's own title or date: it may be kept for the
  // document, so the next bundle (and the library, timeline and deadlines) starts from it.
  const differs = doc !== undefined && entry.title.trim() !== '' && (entry.title.trim() !== doc.title || entry.date !== doc.documentDate);
  const keepForDocument = async () => {
    setSaving(true);
    setSaveError(null);
    const saved = await request(() => window.dalel.documents.edit({ docId: entry.docId, title: entry.title.trim(), documentDate: entry.date }));
    setSaving(false);
    if (!saved.ok) setSaveError(describeError(t, saved.error));
  };
  const className = ['bundle-entry', dragging && 'bundle-entry-dragging', dropBefore && 'bundle-drop-before'].filter(Boolean).join(' ');

  return (
    <li className={className} {...dropProps} data-testid="bundle-entry" data-doc-id={entry.docId} data-file-name={doc?.fileName}>
      <span
        className="bundle-entry-handle"
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData(ENTRY_DRAG_TYPE, entry.docId);
          event.dataTransfer.effectAllowed = 'move';
          onDragStart(entry.docId);
        }}
        onDragEnd={onDragEnd}
        title={t('bundles.arrange.dragHandle')}
        aria-hidden="true"
        data-testid="bundle-entry-handle"
      >
        ⠿
      </span>
      <div className="bundle-entry-fields">
        <div className="bundle-entry-line">
          <label htmlFor={`${id}-title`} className="visually-hidden">
            {t('bundles.arrange.entryTitle')}
          </label>
          <input id={`${id}-title`} value={entry.title} maxLength={500} onChange={(event) => edit({ title: event.target.value })} data-testid="bundle-entry-title" />
          <label htmlFor={`${id}-date`} className="visually-hidden">
            {t('bundles.arrange.entryDate')}
          </label>
          <DayField id={`${id}-date`} className="bundle-entry-date" value={entry.date ?? ''} onChange={(day) => edit({ date: day === '' ? null : day })} testId="bundle-entry-date" />
        </div>
        <label htmlFor={`${id}-description`} className="visually-hidden">
          {t('bundles.arrange.entryDescription')}
        </label>
        <input
          id={`${id}-description`}
          className="bundle-entry-description"
          value={entry.description}
          maxLength={2000}
          placeholder={t('bundles.arrange.entryDescriptionPlaceholder')}
          onChange={(event) => edit({ description: event.target.value })}
          data-testid="bundle-entry-description"
        />
        {doc && doc.title !== entry.title && <span className="hint">{t('bundles.arrange.fromDocument', { title: doc.title })}</span>}
        {differs && (
          <button type="button" className="button-quiet" onClick={() => void keepForDocument()} disabled={saving} data-testid="bundle-entry-keep">
            {t('bundles.arrange.keepForDocument')}
          </button>
        )}
        {saveError && (
          <span className="field-error" role="alert">
            {saveError.message}
          </span>
        )}
        {entry.translationDocIds.length > 0 && (
          <ul className="bundle-translations" aria-label={t('bundles.arrange.translationsLabel', { title: name })}>
            {entry.translationDocIds.map((docId) => (
              <li key={docId} data-testid="bundle-entry-translation">
                <span className="badge bundle-translation-badge">{t('bundles.translation')}</span> {docs.get(docId)?.title ?? docId}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="bundle-entry-moves">
        <button
          type="button"
          className="button-quiet"
          onClick={() => onSections(moveUp(sections, place))}
          disabled={!canMoveUp(sections, place)}
          aria-label={t('bundles.arrange.moveUp', { title: name })}
          title={t('bundles.arrange.moveUp', { title: name })}
          data-testid="bundle-entry-up"
        >
          ↑
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => onSections(moveDown(sections, place))}
          disabled={!canMoveDown(sections, place)}
          aria-label={t('bundles.arrange.moveDown', { title: name })}
          title={t('bundles.arrange.moveDown', { title: name })}
          data-testid="bundle-entry-down"
        >
          ↓
        </button>
      </div>
    </li>
  );
}
