import { useEffect, useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUERY_LENGTH } from '../../../../shared/domain/limits';
import { isDialogOpen, isTextEntry } from '../../ui/keyboard';
import { asksForSearch } from './searchShortcut';

interface Props {
  value: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
  onClear: () => void;
  searching: boolean;
  /** Arrow Down from the box goes on to the first result. */
  onToResults: () => void;
  /** The box itself, so that Arrow Up from the first result can come back to it. */
  inputRef: RefObject<HTMLInputElement | null>;
}

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** The search box in the header, always in reach: Ctrl+K (Cmd+K) or "/" puts the cursor in it. */
export function SearchBar({ value, onChange, onSubmit, onClear, searching, onToResults, inputRef: input }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const inputId = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isDialogOpen() || !asksForSearch(event, isTextEntry(event.target))) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // Chromium's own Escape in a search field clears it without telling React; do it here instead.
      event.preventDefault();
      if (value) onClear();
      else input.current?.blur();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onToResults();
    }
  };

  return (
    <form
      role="search"
      className="search-bar"
      aria-label={t('search.label')}
      aria-busy={searching}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      data-testid="search-bar"
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.inputLabel')}
      </label>
      <span className="search-bar-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        id={inputId}
        ref={input}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts={IS_MAC ? 'Meta+K /' : 'Control+K /'}
        data-testid="search-input"
      />
      {value ? (
        <button type="button" className="search-bar-clear button-quiet" onClick={() => {
            onClear();
            input.current?.focus();
          }}
          aria-label={t('search.clear')} title={t('search.clear')} data-testid="search-clear">
          ×
        </button>
      ) : (
        <kbd className="search-bar-key" aria-hidden="true">
          {IS_MAC ? '⌘K' : 'Ctrl K'}
        </kbd>
      )}
    </form>
  );
}
