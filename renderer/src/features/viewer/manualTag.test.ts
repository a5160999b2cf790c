import { describe, expect, it } from 'vitest';
import { cleanArticle, EMPTY_MANUAL_TAG, manualTag } from './manualTag';

describe('cleanArticle', () => {
  it('reads the article however it was typed', () => {
    expect(cleanArticle('49')).toBe('49');
    expect(cleanArticle('Article 49')).toBe('49');
    expect(cleanArticle('ст. 49')).toBe('49');
    expect(cleanArticle('49-бап')).toBe('49');
    expect(cleanArticle('статья 49.1')).toBe('49.1');
    expect(cleanArticle('the preamble')).toBeNull();
  });
});

describe('manualTag', () => {
  it('tags a person by id', () => {
    expect(manualTag({ ...EMPTY_MANUAL_TAG, personId: 'per_a' })).toEqual({ kind: 'person', value: 'per_a' });
    expect(manualTag(EMPTY_MANUAL_TAG)).toBeNull();
  });

  it('tags a law with or without an article, as LAW:article', () => {
    const law = { ...EMPTY_MANUAL_TAG, kind: 'law' as const, lawId: 'KZ-477-IV' };
    expect(manualTag(law)).toEqual({ kind: 'law', value: 'KZ-477-IV' });
    expect(manualTag({ ...law, article: 'Article 49' })).toEqual({ kind: 'law', value: 'KZ-477-IV:49' });
    // Words where the article should be are not silently dropped.
    expect(manualTag({ ...law, article: 'the preamble' })).toBeNull();
  });

  it('tags a document type and a document date', () => {
    expect(manualTag({ ...EMPTY_MANUAL_TAG, kind: 'type', type: 'ruling' })).toEqual({ kind: 'type', value: 'ruling' });
    expect(manualTag({ ...EMPTY_MANUAL_TAG, kind: 'document-date', date: '2021-05-31' })).toEqual({ kind: 'document-date', value: '2021-05-31' });
    expect(manualTag({ ...EMPTY_MANUAL_TAG, kind: 'document-date', date: '' })).toBeNull();
  });
});
