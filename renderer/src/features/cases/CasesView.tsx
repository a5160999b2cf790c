import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { sortCases } from './caseForm';
import { OpenCaseForm } from './OpenCaseForm';
import { useCases } from './useCases';

interface Props {
  onOpenCase: (caseId: string) => void;
  onBack: () => void;
}

/** Every case in the vault, and a form to open a new one. */
export function CasesView({ onOpenCase, onBack }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { cases, error, reload } = useCases();

  return (
    <main className="library-body persons" data-testid="cases-view">
      <div className="library-toolbar">
        <button type="button" className="button-quiet" onClick={onBack} data-testid="cases-back">
          <span aria-hidden="true">← </span>
          {t('viewer.back')}
        </button>
        <h1>{t('cases.title')}</h1>
      </div>
      {error && <ErrorAlert error={describeError(t, error)} testId="cases-error" />}
      <div className="persons-columns">
        <section aria-labelledby="cases-list-title">
          <h2 id="cases-list-title" className="visually-hidden">
            {t('cases.listLabel')}
          </h2>
          {cases === null && !error && <p className="hint">{t('cases.loading')}</p>}
          {cases?.length === 0 && (
            <p className="hint" data-testid="cases-empty">
              {t('cases.empty')}
            </p>
          )}
          {cases && cases.length > 0 && (
            <ul className="person-list" data-testid="case-list">
              {sortCases(cases, i18n.language).map((item) => (
                <li key={item.id}>
                  <button type="button" className="person-card" onClick={() => onOpenCase(item.id)} data-testid="case-card" data-case-id={item.id}>
                    <span className="person-card-name">{item.title}</span>
                    <span className="hint">{t('cases.personsCount', { count: item.persons })}</span>
                    <span className="hint">{t('cases.documentsCount', { count: item.documents })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <OpenCaseForm
          onOpened={(opened) => {
            reload();
            onOpenCase(opened.id);
          }}
        />
      </div>
    </main>
  );
}
