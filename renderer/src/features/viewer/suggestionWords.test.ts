import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person, Suggestion, Tag } from '../../../../shared/domain/tagging';
import en from '../../i18n/locales/en.json';
import { suggestionTitle, tagWords } from './suggestionWords';
import { MIGRATION_LAW } from './testing';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

const LAW = MIGRATION_LAW;
const AIGERIM: Person = { id: 'D-P02', name: 'Aigerim Dauletkyzy', variants: [], role: 'client', dateOfBirth: null, notes: '', protected: false };
const register = { persons: [AIGERIM], laws: [LAW], language: 'en', dayStyle: 'en' };

const suggestion = (fields: Partial<Suggestion>): Suggestion => ({
  id: 1,
  docId: 'D1',
  kind: 'law',
  value: null,
  detail: {},
  page: 1,
  bbox: null,
  surface: '',
  confidence: 0.9,
  sure: true,
  status: 'open',
  ...fields,
});

describe('suggestionTitle', () => {
  it('names a law by its register title, number and article', () => {
    expect(suggestionTitle(t, suggestion({ kind: 'law', value: 'KZ-477-IV:49', detail: { law: 'KZ-477-IV', article: '49' } }), register)).toBe(
      'On Migration of Population № 477-IV, article 49',
    );
  });

  it('names a known person, and says when a name matches nobody', () => {
    expect(suggestionTitle(t, suggestion({ kind: 'person', value: 'D-P02', surface: 'Даулеткызы Айгерим' }), register)).toBe(AIGERIM.name);
    expect(suggestionTitle(t, suggestion({ kind: 'person', value: null, surface: 'Аскарулы Н.' }), register)).toBe('Unknown name «Аскарулы Н.»');
  });

  it('writes dates day first and document types in words', () => {
    expect(suggestionTitle(t, suggestion({ kind: 'valid-until', value: '2022-06-03' }), register)).toBe('Valid until 3 Jun 2022');
    // the setting "dates as 2021-04-08" writes ISO in the English words
    expect(suggestionTitle(t, suggestion({ kind: 'valid-until', value: '2022-06-03' }), { ...register, dayStyle: 'iso' })).toBe('Valid until 2022-06-03');
    expect(suggestionTitle(t, suggestion({ kind: 'type', value: 'refusal' }), register)).toBe('Document type: refusal');
    expect(suggestionTitle(t, suggestion({ kind: 'type', value: 'decree' }), register)).toBe('Document type: decree');
  });
});

describe('tagWords', () => {
  const tag = (fields: Partial<Tag>): Tag => ({
    id: 1,
    docId: 'D1',
    kind: 'law',
    value: '',
    personId: null,
    lawId: null,
    article: null,
    page: 1,
    source: 'suggested',
    actor: 'lawyer',
    createdAt: '2026-01-01T00:00:00Z',
    ...fields,
  });

  it('names what a tag points at', () => {
    expect(tagWords(t, tag({ kind: 'law', value: 'KZ-477-IV:49', lawId: 'KZ-477-IV', article: '49' }), register)).toBe('On Migration of Population № 477-IV, article 49');
    expect(tagWords(t, tag({ kind: 'person', value: 'D-P02', personId: 'D-P02' }), register)).toBe(AIGERIM.name);
    expect(tagWords(t, tag({ kind: 'document-date', value: '2021-05-31' }), register)).toBe('Document date: 31 May 2021');
  });
});
