import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BuildBundleButton } from '../bundles/BuildBundleButton';
import { useDocuments } from '../library/useDocuments';
import { useRegister } from '../persons/useRegister';
import { namedMembers } from './caseForm';
import { CaseMemberList } from './CaseMemberList';
import { useCasePage } from './useCasePage';

interface Props {
  caseId: string;
  onBack: () => void;
  onOpenPerson: (personId: string) => void;
  onOpenDocument: (docId: string) => void;
  /** "Build bundle…": a bundle wizard with this case's documents. */
  onBuildBundle?: () => void;
}

/** One case: its notes, the persons and the documents in it; each can be opened or taken out. */
export function CasePageView({ caseId, onBack, onOpenPerson, onOpenDocument, onBuildBundle }: Props): React.JSX.Element {
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

  // Shown once the names are there: before, a member would show as its id (doc_…), in no language.
  const members = detail && persons && documents
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
            {onBuildBundle && <BuildBundleButton onClick={onBuildBundle} disabled={detail.docIds.length === 0} />}
          </header>
          {detail.notes && <p className="case-notes">{detail.notes}</p>}
          {problem && <ErrorAlert error={problem} testId="case-change-error" />}
          <div className="person-columns">
            <CaseMemberList
              kind="document"
              title={t('cases.documents')}
              empty={t('cases.noDocuments')}
              members={members.documents}
              busy={page.busy}
              onOpen={onOpenDocument}
              onRemove={(docId) => void takeOut({ docId })}
            />
            <CaseMemberList
              kind="person"
              title={t('cases.persons')}
              empty={t('cases.noPersons')}
              members={members.persons}
              busy={page.busy}
              onOpen={onOpenPerson}
              onRemove={(personId) => void takeOut({ personId })}
            />
          </div>
        </>
      )}
    </main>
  );
}
