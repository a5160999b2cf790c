import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../../shared/domain/tagging';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRegister } from '../persons/useRegister';
import { DocumentTagList } from './DocumentTagList';
import { ManualTagForm } from './ManualTagForm';
import { acceptableInBulk, groupSuggestions, needsChoice, toReview } from './suggestionGroups';
import { SuggestionItem } from './SuggestionItem';
import { provenanceWords, suggestionTitle, tagWords } from './suggestionWords';
import { UnknownNameChooser } from './UnknownNameChooser';
import { useDocumentTags } from './useDocumentTags';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  docId: string;
  selectedId: number | null;
  /** Shows where a suggestion was read on the page image. */
  onSelect: (suggestion: Suggestion | null) => void;
}

/** What Dalel read in the document for the case, for the lawyer to confirm; nothing is tagged without them. */
export function SuggestionsPanel({ docId, selectedId, onSelect }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const dayStyle = useDayStyle();
  const tags = useDocumentTags(docId);
  const register = useRegister();
  const [choosing, setChoosing] = useState<number | null>(null);
  const words = { persons: register.persons ?? [], laws: register.laws, language: i18n.language, dayStyle };
  const sections = tags.data ? groupSuggestions(tags.data.suggestions) : [];
  const sure = tags.data ? acceptableInBulk(tags.data.suggestions) : [];
  const review = tags.data ? toReview(tags.data.suggestions) : [];

  const accept = async (suggestion: Suggestion) => {
    if (needsChoice(suggestion)) {
      setChoosing(suggestion.id);
      return;
    }
    await tags.accept({ suggestionId: suggestion.id });
    if (suggestion.id === selectedId) onSelect(null);
  };

  return (
    <div className="suggestions-panel" data-testid="suggestions-panel" aria-busy={tags.busy}>
      <div className="suggestions-toolbar">
        <button type="button" className="button-primary" onClick={() => void tags.acceptMany(sure.map((s) => s.id))} disabled={tags.busy || sure.length === 0} data-testid="accept-all-known">
          {t('suggestions.acceptAllSure', { count: sure.length })}
        </button>
        <button type="button" onClick={() => void tags.readAgain()} disabled={tags.busy} data-testid="read-again">
          {t('suggestions.readAgain')}
        </button>
      </div>
      {review.length > 0 && (
        <p className="hint" data-testid="suggestions-to-review">
          {t('suggestions.toReview', { count: review.length })}
        </p>
      )}
      {tags.error && <ErrorAlert error={describeError(t, tags.error)} testId="suggestions-error" />}
      {!tags.data && !tags.error && <p className="hint">{t('suggestions.loading')}</p>}
      {tags.data && sections.length === 0 && (
        <p className="hint" data-testid="suggestions-none">
          {t('suggestions.none')}
        </p>
      )}
      {sections.map((section) => (
        <section key={section.group} className="suggestion-group" aria-labelledby={`suggestions-${section.group}`} data-testid="suggestion-group" data-group={section.group}>
          <h2 id={`suggestions-${section.group}`}>{t(`suggestions.groups.${section.group}`)}</h2>
          <ul>
            {section.items.map((suggestion) => (
              <SuggestionItem
                key={suggestion.id}
                suggestion={suggestion}
                title={suggestionTitle(t, suggestion, words)}
                selected={suggestion.id === selectedId}
                busy={tags.busy}
                onSelect={() => onSelect(suggestion.id === selectedId ? null : suggestion)}
                onAccept={() => void accept(suggestion)}
                onReject={() => void tags.reject(suggestion.id)}
              >
                {choosing === suggestion.id && (
                  <UnknownNameChooser
                    suggestion={suggestion}
                    persons={register.persons ?? []}
                    busy={tags.busy}
                    onCancel={() => setChoosing(null)}
                    onAccept={(input) =>
                      void tags.accept(input).then((accepted) => {
                        if (!accepted) return;
                        setChoosing(null);
                        // A new person, or a new spelling of one: the names shown must include it.
                        register.reload();
                      })
                    }
                  />
                )}
              </SuggestionItem>
            ))}
          </ul>
        </section>
      ))}
      {tags.data && (
        <DocumentTagList
          tags={tags.data.tags}
          words={(tag) => tagWords(t, tag, words)}
          provenance={(tag) => provenanceWords(t, tag, dayStyle)}
          busy={tags.busy}
          onRemove={(id) => void tags.removeTag(id)}
        />
      )}
      {tags.data && <ManualTagForm persons={register.persons ?? []} laws={register.laws} busy={tags.busy} onAdd={tags.addTag} />}
    </div>
  );
}
