import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/document';
import type { BundleDraft } from './bundleDraft';
import type { DraftProblem } from './wizardSteps';

interface Props {
  problems: DraftProblem[];
  draft: BundleDraft;
  docs: Map<string, DocumentSummary>;
}

/** What keeps the lawyer from going on, in plain words, naming the section or document concerned. */
export function ProblemList({ problems, draft, docs }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const docName = (docId: string) => docs.get(docId)?.title ?? docId;
  const sectionName = (index: number) => draft.sections[index]?.title.trim() || t('bundles.sectionNumber', { number: index + 1 });
  const say = (problem: DraftProblem) => {
    switch (problem.kind) {
      case 'no-documents':
        return t('bundles.problems.noDocuments');
      case 'no-title':
        return t('bundles.problems.noTitle');
      case 'section-title':
        return t('bundles.problems.sectionTitle', { number: problem.section + 1 });
      case 'empty-section':
        return t('bundles.problems.emptySection', { section: sectionName(problem.section) });
      case 'entry-title':
        return t('bundles.problems.entryTitle', { document: docName(problem.docId) });
      case 'entry-date':
        return t('bundles.problems.entryDate', { document: docName(problem.docId) });
    }
  };
  return (
    <div className="alert alert-warning" role="alert" data-testid="bundle-problems">
      <p>{t('bundles.problems.intro')}</p>
      <ul className="bundle-problems">
        {problems.map((problem, index) => (
          <li key={index}>{say(problem)}</li>
        ))}
      </ul>
    </div>
  );
}
