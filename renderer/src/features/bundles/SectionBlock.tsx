import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleSection } from '../../../../shared/domain/bundle';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { ENTRY_DRAG_TYPE, type EntryPlace } from './arrangement';
import { EntryRow } from './EntryRow';

interface Props {
  sections: BundleSection[];
  index: number;
  docs: Map<string, DocumentSummary>;
  /** The document being dragged, if any. */
  dragging: string | null;
  onDragStart: (docId: string) => void;
  onDragEnd: () => void;
  onDrop: (docId: string, to: EntryPlace) => void;
  onRename: (title: string) => void;
  onRemove: () => void;
  onSections: (sections: BundleSection[]) => void;
}

/** One section: its heading (renamed in place), its entries, and the place at its end to drop on. */
export function SectionBlock({ sections, index, docs, dragging, onDragStart, onDragEnd, onDrop, onRename, onRemove, onSections }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const titleId = useId();
  const section = sections[index]!;
  const [over, setOver] = useState<number | null>(null);

  const dropProps = (at: number) => ({
    onDragOver: (event: React.DragEvent) => {
      if (!event.dataTransfer.types.includes(ENTRY_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(at);
    },
    onDragLeave: () => setOver((current) => (current === at ? null : current)),
    onDrop: (event: React.DragEvent) => {
      const docId = event.dataTransfer.getData(ENTRY_DRAG_TYPE);
      setOver(null);
      if (!docId) return;
      event.preventDefault();
      onDrop(docId, { section: index, index: at });
    },
  });

  return (
    <section className="bundle-section" aria-labelledby={titleId} data-testid="bundle-section" data-section-index={index}>
      <div className="bundle-section-head">
        <label id={titleId} htmlFor={`${titleId}-input`} className="visually-hidden">
          {t('bundles.arrange.sectionTitle', { number: index + 1 })}
        </label>
        <span className="bundle-section-number" aria-hidden="true">
          {index + 1}.
        </span>
        <input
          id={`${titleId}-input`}
          className="bundle-section-title"
          value={section.title}
          maxLength={200}
          onChange={(event) => onRename(event.target.value)}
          data-testid="bundle-section-title"
        />
        <button
          type="button"
          className="button-quiet"
          onClick={onRemove}
          disabled={sections.length <= 1}
          title={t('bundles.arrange.removeSectionHint')}
          aria-label={t('bundles.arrange.removeSectionNamed', { title: section.title })}
          data-testid="bundle-section-remove"
        >
          {t('bundles.arrange.removeSection')}
        </button>
      </div>
      <ol className="bundle-entries">
        {section.entries.map((entry, at) => (
          <EntryRow
            key={entry.docId}
            sections={sections}
            place={{ section: index, index: at }}
            entry={entry}
            docs={docs}
            dragging={dragging === entry.docId}
            dropBefore={over === at && dragging !== entry.docId}
            dropProps={dropProps(at)}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onSections={onSections}
          />
        ))}
      </ol>
      <div
        className={over === section.entries.length ? 'bundle-drop-end bundle-drop-active' : 'bundle-drop-end'}
        {...dropProps(section.entries.length)}
        data-testid="bundle-section-drop"
      >
        {section.entries.length === 0 ? t('bundles.arrange.emptySection') : t('bundles.arrange.dropHere')}
      </div>
    </section>
  );
}
