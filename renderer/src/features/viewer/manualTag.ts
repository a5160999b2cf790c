import type { DocumentType, TagKind } from '../../../../shared/domain/tagging';

/** What a document can be tagged with by hand, from the viewer. */
export const MANUAL_TAG_KINDS = ['person', 'law', 'type', 'document-date'] as const satisfies readonly TagKind[];
export type ManualTagKind = (typeof MANUAL_TAG_KINDS)[number];

export interface ManualTagDraft {
  kind: ManualTagKind;
  personId: string;
  lawId: string;
  article: string;
  type: DocumentType | '';
  date: string;
}

export const EMPTY_MANUAL_TAG: ManualTagDraft = { kind: 'person', personId: '', lawId: '', article: '', type: '', date: '' };

/**
 * An article as the core keeps it: "Article 49", "ст. 49", "49-бап" and "49" are all "49"; with a
 * paragraph, "49.1". Null when nothing article-like was typed.
 */
export function cleanArticle(text: string): string | null {
  const match = text.trim().match(/\d+(?:[.-]\d+)*/);
  return match ? match[0] : null;
}

/** What `tags:add` is sent for the form as filled in; null until it says enough. */
export function manualTag(draft: ManualTagDraft): { kind: TagKind; value: string } | null {
  switch (draft.kind) {
    case 'person':
      return draft.personId ? { kind: 'person', value: draft.personId } : null;
    case 'law': {
      if (!draft.lawId) return null;
      const article = cleanArticle(draft.article);
      if (draft.article.trim() && !article) return null;
      return { kind: 'law', value: article ? `${draft.lawId}:${article}` : draft.lawId };
    }
    case 'type':
      return draft.type ? { kind: 'type', value: draft.type } : null;
    case 'document-date':
      return /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? { kind: 'document-date', value: draft.date } : null;
  }
}
