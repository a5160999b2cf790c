import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATION_TYPES, type Person, type RelationType } from '../../../../shared/domain/tagging';
import { relationKey, type RelationLine } from './personForm';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  person: Person;
  relations: RelationLine[];
  persons: readonly Person[];
  busy: boolean;
  onOpenPerson: (personId: string) => void;
  onAdd: (type: RelationType, other: string) => Promise<boolean>;
}

/** Who the person is to others, read both ways ("mother of Dana", "Nurlan is brother of her"). */
export function RelationsSection({ person, relations, persons, busy, onOpenPerson, onAdd }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [type, setType] = useState<RelationType>('relative-of');
  const [other, setOther] = useState('');
  const others = persons.filter((candidate) => candidate.id !== person.id);

  return (
    <section className="person-section" aria-labelledby={`${id}-title`} data-testid="person-relations">
      <h2 id={`${id}-title`}>{t('persons.relations')}</h2>
      {relations.length === 0 && <p className="hint">{t('persons.noRelations')}</p>}
      <ul className="relation-list">
        {relations.map((relation) => {
          const link = (
            <button type="button" className="link-button" onClick={() => onOpenPerson(relation.personId)}>
              {relation.name}
            </button>
          );
          const words = t(`persons.relationTypes.${relation.type}`);
          return (
            <li key={relationKey(relation)} data-testid="person-relation">
              {relation.direction === 'out' ? (
                <>
                  {words} {link}
                </>
              ) : (
                <>
                  {link} — {t('persons.relationIn', { type: words, name: person.name })}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (other) void onAdd(type, other).then((added) => added && setOther(''));
          }}
        >
          <label htmlFor={`${id}-type`}>{t('persons.addRelation', { name: person.name })}</label>
          <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value as RelationType)} data-testid="relation-type-input">
            {RELATION_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`persons.relationTypes.${value}`)}
              </option>
            ))}
          </select>
          <select value={other} onChange={(event) => setOther(event.target.value)} aria-label={t('persons.relationOther')} data-testid="relation-person-input">
            <NamedOptions empty={t('suggestions.choosePerson')} items={others} />
          </select>
          <button type="submit" disabled={busy || !other} data-testid="add-relation-submit">
            {t('persons.add')}
          </button>
        </form>
      )}
    </section>
  );
}
