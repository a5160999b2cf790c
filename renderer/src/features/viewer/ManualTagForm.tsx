import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, type DocumentType, type Law, type Person } from '../../../../shared/domain/tagging';
import type { Input } from '../../../../shared/ipc/contract';
import { sortPersons } from '../persons/personForm';
import { EMPTY_MANUAL_TAG, MANUAL_TAG_KINDS, manualTag, type ManualTagDraft, type ManualTagKind } from './manualTag';
import { lawTitle } from './suggestionGroups';
import { typeWords } from './suggestionWords';
import { DayField } from '../../ui/DayField';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  persons: readonly Person[];
  laws: readonly Law[];
  busy: boolean;
  onAdd: (tag: Omit<Input<'tags:add'>, 'docId'>) => Promise<boolean>;
}

/** Tag the document by hand with what no suggestion offered: a person, a law and article, a type, a date. */
export function ManualTagForm({ persons, laws, busy, onAdd }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<ManualTagDraft>(EMPTY_MANUAL_TAG);
  const set = <K extends keyof ManualTagDraft>(key: K, value: ManualTagDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const tag = manualTag(draft);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!tag) return;
    if (await onAdd(tag)) setDraft({ ...EMPTY_MANUAL_TAG, kind: draft.kind });
  };

  return (
    <form className="manual-tag-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} data-testid="manual-tag-form">
      <h3 id={`${id}-title`}>{t('suggestions.manualTitle')}</h3>
      <div className="manual-tag-row">
        <label htmlFor={`${id}-kind`} className="visually-hidden">
          {t('suggestions.manualKind')}
        </label>
        <select id={`${id}-kind`} value={draft.kind} onChange={(event) => set('kind', event.target.value as ManualTagKind)} data-testid="manual-tag-kind">
          {MANUAL_TAG_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`suggestions.manualKinds.${kind}`)}
            </option>
          ))}
        </select>
        {draft.kind === 'person' && (
          <select value={draft.personId} onChange={(event) => set('personId', event.target.value)} aria-label={t('suggestions.manualKinds.person')} data-testid="manual-tag-person">
            <NamedOptions empty={t('suggestions.choosePerson')} items={sortPersons(persons, i18n.language)} />
          </select>
        )}
        {draft.kind === 'law' && (
          <>
            <select value={draft.lawId} onChange={(event) => set('lawId', event.target.value)} aria-label={t('suggestions.manualKinds.law')} data-testid="manual-tag-law">
              <option value="">{t('suggestions.chooseLaw')}</option>
              {laws.map((law) => (
                <option key={law.id} value={law.id}>
                  {lawTitle(law, law.id, i18n.language)}
                  {law.number ? ` № ${law.number}` : ''}
                </option>
              ))}
            </select>
            <input
              className="manual-tag-article"
              value={draft.article}
              onChange={(event) => set('article', event.target.value)}
              aria-label={t('suggestions.article')}
              data-testid="manual-tag-article"
            />
          </>
        )}
        {draft.kind === 'type' && (
          <select value={draft.type} onChange={(event) => set('type', event.target.value as DocumentType | '')} aria-label={t('suggestions.manualKinds.type')} data-testid="manual-tag-type">
            <option value="">{t('suggestions.chooseType')}</option>
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeWords(t, type)}
              </option>
            ))}
          </select>
        )}
        {draft.kind === 'document-date' && (
          <DayField value={draft.date} onChange={(day) => set('date', day)} ariaLabel={t('suggestions.manualKinds.document-date')} testId="manual-tag-date" />
        )}
        <button type="submit" disabled={busy || !tag} data-testid="manual-tag-add">
          {t('persons.add')}
        </button>
      </div>
      {draft.kind === 'law' && draft.article.trim() !== '' && !tag && draft.lawId && <p className="hint">{t('suggestions.articleProblem')}</p>}
    </form>
  );
}
