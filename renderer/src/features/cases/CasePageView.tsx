import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocuments } from '../library/useDocuments';
import { useRegister } from '../persons/useRegister';
import { namedMembers } from './caseForm';
import { useCasePage } from './useCasePage';

interface Props {
  caseId: string;
  onBack: () => void;
  onOpenPerson: (personId: string) => void;
  onOpenDocument: (docId: string) => void;
}

/** One case: its notes, the persons and the documents in it; each can be opened or taken out. */
export function CasePageView({ caseId, onBack, onOpenPerson, onOpenDocument }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const page = useCasePage(caseId);
  const { persons } = useRegister();
  const { documents } = useDocuments();
  const [problem, setProblem] = useState<ErrorText | null>(null);
  const detail = page.data;

  const takeOut = async (member: { personId: string } | { docId: string }) => {
    const error = await page.change(() => window.dalel.cases.setMember({ caseId, ...member, inCase: false }));
    setProblem(error ? describeError(t, error) : null);
  };

  const members = detail
    ? {
        persons: namedMembers(detail.personIds, persons, (person) => person.name),
        documents: namedMembers(detail.docIds, documents, (doc) => doc.title),
      }
    : null;

  return (
    <main className="library-body person-page" data-testid="case-page" aria-busy={!detail && !page.error}>
      <div className="library-toolbar">
        <button type="button" className="button-quiet" onClick={onBack} data-testid="case-back">
          <span aria-hidden="true">← </span>
          {t('cases.back')}
        </button>
      </div>
      {page.error && <ErrorAlert error={describeError(t, page.error)} testId="case-error" />}
      {!detail && !page.error && <p className="hint">{t('cases.loading')}</p>}
      {detail && members && (
        <>
          <header className="person-header">
            <h1 data-testid="case-title">{detail.title}</h1>
          </header>
          {detail.notes && <p className="case-notes">{detail.notes}</p>}
          {problem && <ErrorAlert error={problem} testId="case-change-error" />}
          <div className="person-columns">
            <section className="person-section" aria-labelledby="case-documents-title" data-testid="case-documents">
              <h2 id="case-documents-title">{t('cases.documents')}</h2>
              {members.documents.length === 0 ? (
                <p className="hint">{t('cases.noDocuments')}</p>
              ) : (
                <ul className="relation-list">
                  {members.documents.map((doc) => (
                    <li key={doc.id} className="case-member" data-testid="case-document">
                      <button type="button" className="button-link" onClick={() => onOpenDocument(doc.id)}>
                        {doc.name}
                      </button>
                      <button
                        type="button"
                        className="button-quiet"
                        disabled={page.busy}
                        onClick={() => void takeOut({ docId: doc.id })}
                        aria-label={t('cases.removeNamed', { name: doc.name })}
                        data-testid="case-document-remove"
                      >
                        {t('cases.remove')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="person-section" aria-labelledby="case-persons-title" data-testid="case-persons">
              <h2 id="case-persons-title">{t('cases.persons')}</h2>
              {members.persons.length === 0 ? (
                <p className="hint">{t('cases.noPersons')}</p>
              ) : (
                <ul className="relation-list">
                  {members.persons.map((person) => (
                    <li key={person.id} className="case-member" data-testid="case-person">
                      <button type="button" className="button-link" onClick={() => onOpenPerson(person.id)}>
                        {person.name}
                      </button>
                      <button
                        type="button"
                        className="button-quiet"
                        disabled={page.busy}
                        onClick={() => void takeOut({ personId: person.id })}
                        aria-label={t('cases.removeNamed', { name: person.name })}
                        data-testid="case-person-remove"
                      >
                        {t('cases.remove')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </main>
  );
}
