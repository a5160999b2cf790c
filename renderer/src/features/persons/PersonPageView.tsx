import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BuildBundleButton } from '../bundles/BuildBundleButton';
import { AddToCase } from '../cases/AddToCase';
import { DeadlineRow } from '../deadlines/DeadlineRow';
import { EditPersonDialog } from './EditPersonDialog';
import { MentionsSection } from './MentionsSection';
import { MergePersonDialog } from './MergePersonDialog';
import { RelationsSection } from './RelationsSection';
import { SpellingsSection } from './SpellingsSection';
import { formatDay } from '../../ui/dayInput';
import { Timeline } from './Timeline';
import { usePersonPage } from './usePersonPage';
import { useRegister } from './useRegister';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  personId: string;
  onBack: () => void;
  onOpenPerson: (personId: string) => void;
  /** Open a document; `at`: at a page, with these words marked (a page that names the person). */
  onOpenDocument: (docId: string, at?: { page: number; query: string }) => void;
  /** "Build bundle…": a bundle wizard with this person's documents. */
  onBuildBundle?: () => void;
}

/** One person: every spelling, who they are to others, their documents in time, and their deadlines. */
export function PersonPageView({ personId, onBack, onOpenPerson, onOpenDocument, onBuildBundle }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const page = usePersonPage(personId);
  const register = useRegister();
  const [problem, setProblem] = useState<ErrorText | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);
  const person = page.data?.person;

  const merged = (keptId: string) => {
    setDialog(null);
    register.reload();
    if (keptId === personId) page.reload();
    else onOpenPerson(keptId);
  };

  const run = async (call: Parameters<typeof page.change>[0]) => {
    const error = await page.change(call);
    setProblem(error ? describeError(t, error) : null);
    return error === null;
  };

  /** "Tag selected with …": the documents that name the person, tagged in one go; how many were. */
  const tagMentioned = async (docIds: string[]): Promise<number | null> => {
    let added = 0;
    const ok = await run(async () => {
      const result = await window.dalel.tags.addPerson({ personId, docIds });
      if (result.ok) added = result.value.added.length;
      return result;
    });
    return ok ? added : null;
  };

  return (
    <main className="library-body person-page" data-testid="person-page" aria-busy={!page.data && !page.error}>
      <div className="library-toolbar">
        <button type="button" className="button-quiet" onClick={onBack} data-testid="person-back">
          <span aria-hidden="true">← </span>
          {t('persons.back')}
        </button>
      </div>
      {page.error && <ErrorAlert error={describeError(t, page.error)} testId="person-error" />}
      {!page.data && !page.error && <p className="hint">{t('persons.loading')}</p>}
      {page.data && person && (
        <>
          <header className="person-header">
            <h1 data-testid="person-name">{person.name}</h1>
            <span className="badge badge-info">{t(`persons.roles.${person.role}`)}</span>
            {person.protected && <span className="badge badge-warning" data-testid="person-protected">{t('persons.protectedBadge')}</span>}
            {person.dateOfBirth && <span className="hint">{t('persons.born', { date: formatDay(person.dateOfBirth, dayStyle) })}</span>}
            <div className="person-header-actions">
              <button type="button" onClick={() => setDialog('edit')} data-testid="person-edit">
                {t('persons.edit')}
              </button>
              <button type="button" onClick={() => setDialog('merge')} disabled={(register.persons?.length ?? 0) < 2} data-testid="person-merge">
                {t('persons.merge')}
              </button>
              <AddToCase personId={personId} />
              {onBuildBundle && <BuildBundleButton onClick={onBuildBundle} />}
            </div>
          </header>
          {person.notes && (
            <p className="case-notes" data-testid="person-notes">
              {person.notes}
            </p>
          )}
          {problem && <ErrorAlert error={problem} testId="person-change-error" />}
          <div className="person-columns">
            <div>
              <section className="person-section" aria-labelledby="person-timeline-title" data-testid="person-timeline">
                <h2 id="person-timeline-title">{t('persons.timeline')}</h2>
                <Timeline entries={page.data.timeline} mentioned={page.data.mentions.length} onOpenDocument={onOpenDocument} />
              </section>
              <MentionsSection
                name={person.name}
                mentions={page.data.mentions}
                partial={page.data.mentionsPartial}
                busy={page.busy}
                onTag={tagMentioned}
                onOpenPage={(docId, at) => onOpenDocument(docId, { page: at, query: person.name })}
              />
              <section className="person-section" aria-labelledby="person-deadlines-title" data-testid="person-deadlines">
                <h2 id="person-deadlines-title">{t('deadlines.title')}</h2>
                {page.data.deadlines.length === 0 ? (
                  <p className="hint">{t('persons.noDeadlines')}</p>
                ) : (
                  <ul className="deadline-list">
                    {page.data.deadlines.map((deadline) => (
                      <DeadlineRow
                        key={deadline.id}
                        deadline={deadline}
                        busy={page.busy}
                        onDone={(done) => void run(() => window.dalel.deadlines.setDone({ id: deadline.id, done }))}
                        onOpenDocument={onOpenDocument}
                      />
                    ))}
                  </ul>
                )}
              </section>
            </div>
            <div>
              <SpellingsSection
                person={person}
                busy={page.busy}
                onAdd={(variant) => run(() => window.dalel.persons.addVariant({ personId, variant }))}
                onRemove={(variant) => void run(() => window.dalel.persons.removeVariant({ personId, variant }))}
              />
              <RelationsSection
                person={person}
                relations={page.data.relations}
                persons={register.persons ?? []}
                busy={page.busy}
                onOpenPerson={onOpenPerson}
                onAdd={(type, object) => run(() => window.dalel.persons.addRelation({ subject: personId, type, object }))}
              />
            </div>
          </div>
          {dialog === 'edit' && (
            <EditPersonDialog
              person={person}
              onSaved={() => {
                page.reload();
                register.reload();
              }}
              onClose={() => setDialog(null)}
            />
          )}
          {dialog === 'merge' && <MergePersonDialog person={person} persons={register.persons ?? []} onMerged={merged} onClose={() => setDialog(null)} />}
        </>
      )}
    </main>
  );
}
