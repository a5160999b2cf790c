import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_LANGUAGES, isBundleLanguage } from '../../../../shared/domain/bundleWords';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { LANGUAGE_NAMES } from '../../i18n/language';
import { addSection, moveEntry, placeOf, removeSection, renameSection, type EntryPlace } from './arrangement';
import { withLanguage, type BundleDraft } from './bundleDraft';
import { SectionBlock } from './SectionBlock';

interface Props {
  draft: BundleDraft;
  docs: Map<string, DocumentSummary>;
  onChange: (change: (draft: BundleDraft) => BundleDraft) => void;
}

/**
 * Step 2: the bundle's cover facts and its order. Entries are dragged within and between sections (or
 * moved with the up/down buttons, from the keyboard); sections are added, renamed and removed; each
 * entry's title, date and description are what the index prints.
 */
export function ArrangeStep({ draft, docs, onChange }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const ids = { title: useId(), preparedBy: useId(), stamp: useId(), section: useId(), language: useId() };
  const [newSection, setNewSection] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);

  const set = (field: 'title' | 'preparedBy' | 'stampPrefix', value: string) => onChange((current) => ({ ...current, [field]: value }));

  const drop = (docId: string, to: EntryPlace) => {
    setDragging(null);
    onChange((current) => {
      const from = placeOf(current.sections, docId);
      return from ? { ...current, sections: moveEntry(current.sections, from, to) } : current;
    });
  };

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!newSection.trim()) return;
    onChange((current) => ({ ...current, sections: addSection(current.sections, newSection.trim()) }));
    setNewSection('');
  };

  return (
    <div className="bundle-step" data-testid="bundle-arrange">
      <section className="person-section bundle-facts" aria-label={t('bundles.arrange.factsLabel')}>
        <div className="field">
          <label htmlFor={ids.title}>{t('bundles.arrange.title')}</label>
          <input id={ids.title} value={draft.title} maxLength={500} onChange={(event) => set('title', event.target.value)} data-testid="bundle-title-input" />
        </div>
        <div className="person-form-row">
          <div className="field">
            <label htmlFor={ids.preparedBy}>{t('bundles.arrange.preparedBy')}</label>
            <input id={ids.preparedBy} value={draft.preparedBy} maxLength={500} onChange={(event) => set('preparedBy', event.target.value)} data-testid="bundle-prepared-by" />
          </div>
          <div className="field">
            <label htmlFor={ids.stamp}>{t('bundles.arrange.stampPrefix')}</label>
            <input id={ids.stamp} value={draft.stampPrefix} maxLength={40} onChange={(event) => set('stampPrefix', event.target.value)} data-testid="bundle-stamp-prefix" />
            <p className="hint">{t('bundles.arrange.stampExample', { stamp: `${draft.stampPrefix}12 / 240` })}</p>
          </div>
          <div className="field">
            <label htmlFor={ids.language}>{t('bundles.arrange.language')}</label>
            <select
              id={ids.language}
              value={draft.language ?? 'en'}
              onChange={(event) => {
                const language = event.target.value;
                if (isBundleLanguage(language)) onChange((current) => withLanguage(current, language));
              }}
              data-testid="bundle-language"
            >
              {BUNDLE_LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
            <p className="hint">{t('bundles.arrange.languageHint')}</p>
          </div>
        </div>
      </section>

      <p className="hint">{t('bundles.arrange.dragHint')}</p>
      <div className="bundle-sections">
        {draft.sections.map((section, index) => (
          <SectionBlock
            key={index}
            sections={draft.sections}
            index={index}
            docs={docs}
            dragging={dragging}
            onDragStart={setDragging}
            onDragEnd={() => setDragging(null)}
            onDrop={drop}
            onRename={(title) => onChange((current) => ({ ...current, sections: renameSection(current.sections, index, title) }))}
            onRemove={() => onChange((current) => ({ ...current, sections: removeSection(current.sections, index) }))}
            onSections={(sections) => onChange((current) => ({ ...current, sections }))}
          />
        ))}
      </div>

      <form className="inline-form bundle-add-section" onSubmit={add}>
        <label htmlFor={ids.section}>{t('bundles.arrange.addSection')}</label>
        <input id={ids.section} value={newSection} maxLength={200} onChange={(event) => setNewSection(event.target.value)} data-testid="bundle-new-section" />
        <button type="submit" disabled={!newSection.trim()} data-testid="bundle-add-section">
          {t('bundles.arrange.addSectionButton')}
        </button>
      </form>
    </div>
  );
}
