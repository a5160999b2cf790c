import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/domain/tagging';

interface Props {
  person: Person;
  busy: boolean;
  onAdd: (spelling: string) => Promise<boolean>;
  onRemove: (spelling: string) => void;
}

/** Every spelling of the person's name, in any script; one more can be added, a wrong one taken off. */
export function SpellingsSection({ person, busy, onAdd, onRemove }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [spelling, setSpelling] = useState('');

  return (
    <section className="person-section" aria-labelledby={`${id}-title`} data-testid="person-spellings">
      <h2 id={`${id}-title`}>{t('persons.spellings')}</h2>
      <ul className="spelling-list">
        <li lang="und">{person.name}</li>
        {person.variants.map((variant) => (
          <li key={variant} className="spelling" data-testid="person-spelling-row">
            <span lang="und" data-testid="person-spelling">
              {variant}
            </span>
            <button
              type="button"
              className="button-quiet"
              onClick={() => onRemove(variant)}
              disabled={busy}
              aria-label={t('persons.removeSpelling', { spelling: variant })}
              data-testid="person-spelling-remove"
            >
              {t('cases.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const text = spelling.trim();
          if (text) void onAdd(text).then((added) => added && setSpelling(''));
        }}
      >
        <label htmlFor={`${id}-input`}>{t('persons.addSpelling')}</label>
        <input id={`${id}-input`} value={spelling} onChange={(event) => setSpelling(event.target.value)} data-testid="add-spelling-input" />
        <button type="submit" disabled={busy || !spelling.trim()} data-testid="add-spelling-submit">
          {t('persons.add')}
        </button>
      </form>
    </section>
  );
}
