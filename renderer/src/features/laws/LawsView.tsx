import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRegister } from '../persons/useRegister';
import { lawTitle } from '../viewer/suggestionGroups';
import { LawForm } from './LawForm';

interface Props {
  onBack: () => void;
}

/**
 * The law register: the laws citations are read against, each editable, and a form to add one. A
 * change makes the search index read every page again for citations, in the background.
 */
export function LawsView({ onBack }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { laws, error, reload } = useRegister();
  const [editing, setEditing] = useState<string | null>(null);
  const taken = new Set(laws.map((law) => law.id));

  return (
    <main className="library-body persons" data-testid="laws-view">
      <div className="library-toolbar">
        <button type="button" className="button-quiet" onClick={onBack} data-testid="laws-back">
          <span aria-hidden="true">← </span>
          {t('viewer.back')}
        </button>
        <h1>{t('laws.title')}</h1>
      </div>
      {error && <ErrorAlert error={describeError(t, error)} testId="laws-error" />}
      <div className="persons-columns">
        <section aria-labelledby="laws-list-title">
          <h2 id="laws-list-title" className="visually-hidden">
            {t('laws.listLabel')}
          </h2>
          <ul className="person-list" data-testid="law-list">
            {laws.map((law) =>
              editing === law.id ? (
                <li key={law.id}>
                  <LawForm
                    law={law}
                    taken={taken}
                    onSaved={() => {
                      setEditing(null);
                      reload();
                    }}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              ) : (
                <li key={law.id} className="person-card law-card" data-testid="law-card" data-law-id={law.id}>
                  <span className="person-card-name" data-testid="law-card-title">
                    {lawTitle(law, law.id, i18n.language)}
                  </span>
                  {law.number && <span className="hint">№ {law.number}</span>}
                  <span className="hint">{t(`laws.kinds.${law.kind}`)}</span>
                  <button
                    type="button"
                    className="button-quiet law-card-edit"
                    onClick={() => setEditing(law.id)}
                    aria-label={t('laws.editNamed', { law: lawTitle(law, law.id, i18n.language) })}
                    data-testid="law-edit"
                  >
                    {t('persons.edit')}
                  </button>
                </li>
              ),
            )}
          </ul>
        </section>
        <LawForm law={null} taken={taken} onSaved={reload} />
      </div>
    </main>
  );
}
