import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../../shared/domain/tagging';

interface Props {
  suggestion: Suggestion;
  title: string;
  selected: boolean;
  busy: boolean;
  onSelect: () => void;
  onAccept: () => void;
  onReject: () => void;
  children?: React.ReactNode;
}

/** The spellings of one unknown person the core grouped into this suggestion (detail.spellings, a JSON list). */
export function unknownSpellings(suggestion: Suggestion): string[] {
  try {
    const list = JSON.parse(suggestion.detail.spellings ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** One suggestion: what it would tag, where the letter says it, how sure the reading is; accept or reject. */
export function SuggestionItem({ suggestion, title, selected, busy, onSelect, onAccept, onReject, children }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const explanation = suggestion.kind === 'person' ? suggestion.detail.explanation : null;
  const otherSpellings = suggestion.kind === 'person' && suggestion.value === null ? unknownSpellings(suggestion).filter((spelling) => spelling !== suggestion.surface) : [];

  return (
    <li
      className="suggestion"
      data-testid="suggestion"
      data-kind={suggestion.kind}
      data-known={suggestion.value !== null}
      data-sure={suggestion.sure}
      data-selected={selected}
      aria-current={selected ? 'true' : undefined}
    >
      <button type="button" className="suggestion-show" onClick={onSelect} data-testid="suggestion-show">
        <span className="suggestion-title" data-testid="suggestion-title">
          {title}
        </span>
        {suggestion.kind === 'person' && suggestion.value !== null && (
          <span className="suggestion-surface">{t('suggestions.spelledAs', { surface: suggestion.surface })}</span>
        )}
        {suggestion.kind === 'law' && suggestion.surface !== '' && (
          <span className="suggestion-surface" data-testid="suggestion-cited-as">
            {t('suggestions.citedAs', { surface: suggestion.surface })}
          </span>
        )}
        {explanation && <span className="suggestion-explanation">{explanation}</span>}
        {otherSpellings.length > 0 && (
          <span className="suggestion-surface" data-testid="suggestion-spellings">
            {t('suggestions.alsoWritten', { spellings: otherSpellings.map((spelling) => `«${spelling}»`).join(', ') })}
          </span>
        )}
        <span className="suggestion-meta">
          {t('suggestions.confidence', { percent: percent.format(suggestion.confidence) })}
          {suggestion.status === 'open' && !suggestion.sure && <> · {t('suggestions.checkThis')}</>}
          {suggestion.page !== null && <> · {t('suggestions.page', { page: suggestion.page })}</>}
        </span>
      </button>
      <div className="suggestion-actions">
        <button type="button" className="button-primary" onClick={onAccept} disabled={busy} data-testid="suggestion-accept">
          {t('suggestions.accept')}
        </button>
        <button type="button" onClick={onReject} disabled={busy} data-testid="suggestion-reject">
          {t('suggestions.reject')}
        </button>
      </div>
      {children}
    </li>
  );
}
