import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/domain/tagging';

interface Props {
  person: Person;
  busy: boolean;
  onAdd: (spelling: string) => Promise<boolean>;
}

/** Every spelling of the person's name, in any script, and a way to add one more. */
export function SpellingsSection({ person, busy, onAdd }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [spelling, setSpelling] = useState('');

  return (
    <section className="person-section" aria-labelledby={`${id}-title`} data-testid="person-spellings">
      <h2 id={`${id}-title`}>{t('persons.spellings')}</h2>
      <ul className="spelling-list">
        <li lang="und">{person.name}</li>
        {person.variants.map((variant) => (
          <li key={variant} lang="und" data-testid="person-spelling">
            {variant}
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
