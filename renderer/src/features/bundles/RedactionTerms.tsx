import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  terms: string[];
  onChange: (terms: string[]) => void;
}

/** Words whose every occurrence is redacted (an address, a village, a phone number), added and removed. */
export function RedactionTerms({ terms, onChange }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [term, setTerm] = useState('');

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    const wanted = term.trim();
    if (!wanted) return;
    if (!terms.includes(wanted)) onChange([...terms, wanted]);
    setTerm('');
  };

  return (
    <div className="redact-terms">
      <h3>{t('bundles.redact.terms')}</h3>
      {terms.length === 0 ? (
        <p className="hint">{t('bundles.redact.noTerms')}</p>
      ) : (
        <ul className="redact-term-list">
          {terms.map((item) => (
            <li key={item} className="removable-chip" data-testid="redact-term">
              <span>{item}</span>
              <button
                type="button"
                className="button-quiet"
                onClick={() => onChange(terms.filter((other) => other !== item))}
                aria-label={t('bundles.redact.removeTerm', { term: item })}
                data-testid="redact-term-remove"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={add}>
        <label htmlFor={id}>{t('bundles.redact.addTerm')}</label>
        <input id={id} value={term} maxLength={200} onChange={(event) => setTerm(event.target.value)} data-testid="redact-term-input" />
        <button type="submit" disabled={!term.trim()} data-testid="redact-term-add">
          {t('bundles.redact.addTermButton')}
        </button>
      </form>
    </div>
  );
}
