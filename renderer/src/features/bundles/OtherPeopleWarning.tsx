import { useTranslation } from 'react-i18next';
import type { OtherPerson } from '../../../../shared/domain/bundle';
import { otherPersonState, pagesByDocument } from './reviewChecks';

interface Props {
  people: OtherPerson[];
  terms: string[];
  /** The bundle's documents in order, and what the index calls them. */
  order: string[];
  titleOf: (docId: string) => string;
  onRedactName: (name: string) => void;
  onShowPage: (docId: string, page: number) => void;
}

/**
 * People named on the bundle's pages who are not its own — another client, a relative nobody
 * registered. Nothing redacts them unless the lawyer decides so; this says who they are and where, and
 * redacts a name as a word at one click.
 */
export function OtherPeopleWarning({ people, terms, order, titleOf, onRedactName, onShowPage }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <section className="alert alert-warning redact-notice" aria-labelledby="redact-other-people-title" data-testid="redact-other-people">
      <h3 id="redact-other-people-title">{t('bundles.redact.others.title', { count: people.length })}</h3>
      <p>{t('bundles.redact.others.explain')}</p>
      <ul className="redact-notice-list">
        {people.map((person) => {
          const state = otherPersonState(person, terms);
          return (
            <li
              key={person.personId ?? `?${person.name}`}
              className="redact-notice-item"
              data-testid="other-person"
              data-known={person.personId !== null}
              data-protected={person.protected}
              data-state={state}
            >
              <div className="redact-notice-head">
                <strong data-testid="other-person-name">{person.name}</strong>
                <span className={person.protected ? 'badge badge-danger' : 'badge'}>
                  {t(person.protected ? 'bundles.redact.others.protected' : 'bundles.redact.others.notProtected')}
                </span>
                <span className={person.personId ? 'badge' : 'badge badge-warning'} data-testid="other-person-register">
                  {t(person.personId ? 'bundles.redact.others.known' : 'bundles.redact.others.unknown')}
                </span>
              </div>
              <p className="redact-notice-pages">
                {pagesByDocument(person.pages, order).map(({ docId, pages }) => (
                  <span key={docId} className="redact-notice-doc">
                    «{titleOf(docId)}»:{' '}
                    {pages.map((page) => (
                      <button key={page} type="button" className="button-link" onClick={() => onShowPage(docId, page)} data-testid="other-person-page">
                        {t('bundles.redact.pageNumber', { page })}
                      </button>
                    ))}
                  </span>
                ))}
              </p>
              {state === 'redacted-as-term' ? (
                <p className="hint" data-testid="other-person-redacted">
                  {t('bundles.redact.others.redacted')}
                </p>
              ) : (
                <div className="actions">
                  <button type="button" onClick={() => onRedactName(person.name)} data-testid="other-person-redact">
                    {t('bundles.redact.others.redact', { name: person.name })}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
