import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../shared/domain/tagging';

interface Props {
  tags: Tag[];
  words: (tag: Tag) => string;
  /** Who made the tag and when, in words. */
  provenance: (tag: Tag) => string;
  busy: boolean;
  onRemove: (tagId: number) => void;
}

/** What the document is tagged with, each saying whether it came from a suggestion or by hand. */
export function DocumentTagList({ tags, words, provenance, busy, onRemove }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="document-tags" aria-labelledby="document-tags-title" data-testid="document-tags">
      <h2 id="document-tags-title">{t('suggestions.tagsTitle')}</h2>
      {tags.length === 0 ? (
        <p className="hint">{t('suggestions.noTags')}</p>
      ) : (
        <ul>
          {tags.map((tag) => (
            <li key={tag.id} className="document-tag" data-testid="document-tag" data-kind={tag.kind} data-source={tag.source}>
              <span className="document-tag-words">{words(tag)}</span>
              <span className={`badge ${tag.source === 'suggested' ? 'badge-info' : 'badge-success'}`}>{t(`suggestions.source.${tag.source}`)}</span>
              <button
                type="button"
                className="button-quiet"
                onClick={() => onRemove(tag.id)}
                disabled={busy}
                aria-label={t('suggestions.removeTag', { tag: words(tag) })}
                data-testid="document-tag-remove"
              >
                {t('suggestions.remove')}
              </button>
              <span className="hint document-tag-provenance" data-testid="document-tag-provenance">
                {provenance(tag)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
