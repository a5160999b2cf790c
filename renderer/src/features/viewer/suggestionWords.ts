import type { TFunction } from 'i18next';
import type { Law, Person, Suggestion, Tag } from '../../../../shared/domain/tagging';
import { formatDay, formatMoment } from '../../ui/dayInput';
import { lawOf, lawTitle, personName } from './suggestionGroups';

export const DOCUMENT_TYPES = ['refusal', 'certificate', 'extension', 'ruling', 'notice', 'application', 'other'] as const;

/** A document type in words; a type the core knows and this list does not is shown as it is. */
export function typeWords(t: TFunction, type: string): string {
  return (DOCUMENT_TYPES as readonly string[]).includes(type) ? t(`suggestions.types.${type as (typeof DOCUMENT_TYPES)[number]}`) : type;
}

interface Register {
  persons: readonly Person[];
  laws: readonly Law[];
  language: string;
  /** how days are written (useDayStyle) */
  dayStyle: string;
}

/** The headline of a suggestion: what accepting it would tag the document with. */
export function suggestionTitle(t: TFunction, suggestion: Suggestion, { persons, laws, language, dayStyle }: Register): string {
  switch (suggestion.kind) {
    case 'law': {
      const { law, lawId, article } = lawOf(suggestion, laws);
      const title = lawTitle(law, lawId, language);
      const number = law?.number ? ` № ${law.number}` : '';
      return article ? t('suggestions.lawArticle', { law: `${title}${number}`, article }) : `${title}${number}`;
    }
    case 'person':
      return suggestion.value === null
        ? t('suggestions.unknownName', { surface: suggestion.surface })
        : (personName(suggestion.value, persons) ?? suggestion.value);
    case 'document-date':
      return t('suggestions.documentDate', { date: formatDay(suggestion.value ?? '', dayStyle) });
    case 'valid-until':
      return t('suggestions.validUntil', { date: formatDay(suggestion.value ?? '', dayStyle) });
    case 'deadline': {
      const date = formatDay(suggestion.detail.due ?? '', dayStyle);
      if (suggestion.detail.event === 'hearing') {
        return suggestion.detail.time ? t('suggestions.hearingAt', { date, time: suggestion.detail.time }) : t('suggestions.hearing', { date });
      }
      return t('suggestions.appealUntil', { date, from: formatDay(suggestion.detail.from ?? '', dayStyle) });
    }
    case 'number':
      return t('suggestions.number', { number: suggestion.value ?? suggestion.surface });
    case 'type':
      return t('suggestions.type', { type: typeWords(t, suggestion.value ?? '') });
  }
}

/** Where a tag came from, who made it and when: "suggested, accepted by lawyer on 28/11/2026, 20:01". */
export function provenanceWords(t: TFunction, tag: Tag, dayStyle: string): string {
  const when = formatMoment(tag.createdAt, dayStyle);
  // The core records who as a code ('lawyer'); any other name (a future user's) is shown as recorded.
  const actor = tag.actor === 'lawyer' ? t('suggestions.actorLawyer') : tag.actor;
  return t(tag.source === 'suggested' ? 'suggestions.provenanceSuggested' : 'suggestions.provenanceManual', { actor, when });
}

/** A tag in words, as the list of the document's tags shows it. */
export function tagWords(t: TFunction, tag: Tag, { persons, laws, language, dayStyle }: Register): string {
  switch (tag.kind) {
    case 'law': {
      const lawId = tag.lawId ?? tag.value.split(':')[0] ?? tag.value;
      const law = laws.find((entry) => entry.id === lawId) ?? null;
      const title = `${lawTitle(law, lawId, language)}${law?.number ? ` № ${law.number}` : ''}`;
      const article = tag.article ?? tag.value.split(':')[1];
      return article ? t('suggestions.lawArticle', { law: title, article }) : title;
    }
    case 'person':
      return personName(tag.personId ?? tag.value, persons) ?? tag.value;
    case 'document-date':
      return t('suggestions.documentDate', { date: formatDay(tag.value, dayStyle) });
    case 'valid-until':
      return t('suggestions.validUntil', { date: formatDay(tag.value, dayStyle) });
    case 'number':
      return t('suggestions.number', { number: tag.value });
    case 'type':
      return t('suggestions.type', { type: typeWords(t, tag.value) });
  }
}
