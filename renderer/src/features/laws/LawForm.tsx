import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Law } from '../../../../shared/domain/tagging';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { draftOf, EMPTY_LAW_DRAFT, hasTitle, LAW_KINDS, lawFromDraft, type LawDraft } from './lawForm';
import { DayField } from '../../ui/DayField';
import { FormActions } from '../../ui/FormActions';

const TITLE_LABEL = { en: 'laws.titleEn', ru: 'laws.titleRu', kk: 'laws.titleKk' } as const;

interface Props {
  /** The law to edit; null for a new one. */
  law: Law | null;
  /** Ids already in the register, so a new law's id is not one of them. */
  taken: ReadonlySet<string>;
  onSaved: (law: Law) => void;
  onCancel?: () => void;
}

/** A law of the register: its number, kind, date, and its title in English, Russian and Kazakh. */
export function LawForm({ law, taken, onSaved, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<LawDraft>(() => (law ? draftOf(law) : EMPTY_LAW_DRAFT));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const set = <K extends keyof LawDraft>(key: K, value: LawDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const testId = law ? 'edit-law-form' : 'add-law-form';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!hasTitle(draft)) return;
    setBusy(true);
    const saved = await request(() => window.dalel.laws.save(lawFromDraft(draft, law, taken)));
    setBusy(false);
    if (!saved.ok) return setError(describeError(t, saved.error));
    setError(null);
    if (!law) setDraft(EMPTY_LAW_DRAFT);
    onSaved(saved.value);
  };

  const title = (language: 'en' | 'ru' | 'kk') => (
    <div className="field">
      <label htmlFor={`${id}-${language}`}>{t(TITLE_LABEL[language])}</label>
      <input
        id={`${id}-${language}`}
        lang={language}
        value={draft[language]}
        onChange={(event) => set(language, event.target.value)}
        data-testid={`law-title-${language}`}
      />
    </div>
  );

  return (
    <form className="person-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`} data-testid={testId}>
      <h2 id={`${id}-heading`}>{law ? t('laws.editTitle') : t('laws.addTitle')}</h2>
      <div className="person-form-row">
        <div className="field">
          <label htmlFor={`${id}-number`}>{t('laws.number')}</label>
          <input id={`${id}-number`} value={draft.number} onChange={(event) => set('number', event.target.value)} data-testid="law-number" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('laws.kind')}</label>
          <select id={`${id}-kind`} value={draft.kind} onChange={(event) => set('kind', event.target.value as Law['kind'])} data-testid="law-kind">
            {LAW_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`laws.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('laws.date')}</label>
          <DayField id={`${id}-date`} value={draft.date} onChange={(day) => set('date', day)} testId="law-date" />
        </div>
      </div>
      {title('en')}
      {title('ru')}
      {title('kk')}
      {!hasTitle(draft) && <p className="hint">{t('laws.titleNeeded')}</p>}
      {error && <ErrorAlert error={error} testId="law-error" />}
      <FormActions submit={busy ? t('common.saving') : law ? t('common.save') : t('laws.add')} busy={busy} disabled={!hasTitle(draft)} onCancel={onCancel} testId="law-save" />
    </form>
  );
}
