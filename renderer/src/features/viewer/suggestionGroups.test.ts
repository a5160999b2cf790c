import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../../shared/domain/tagging';
import { acceptableInBulk, groupSuggestions, lawOf, lawTitle, needsChoice, toReview } from './suggestionGroups';
import { MIGRATION_LAW } from './testing';

let nextId = 1;
function suggestion(fields: Partial<Suggestion>): Suggestion {
  return {
    id: nextId++,
    docId: 'D1',
    kind: 'law',
    value: 'KZ-477-IV:49',
    detail: {},
    page: 1,
    bbox: [0, 100, 50, 120],
    surface: 'статьи 49',
    confidence: 0.9,
    sure: true,
    status: 'open',
    ...fields,
  };
}

const LAW = MIGRATION_LAW;

describe('groupSuggestions', () => {
  it('puts laws first, then persons, dates, numbers and types, leaving out empty sections', () => {
    const groups = groupSuggestions([
      suggestion({ kind: 'type', value: 'refusal' }),
      suggestion({ kind: 'valid-until', value: '2022-06-03' }),
      suggestion({ kind: 'person', value: null }),
      suggestion({ kind: 'document-date', value: '2021-05-31' }),
      suggestion({ kind: 'law' }),
    ]);
    expect(groups.map((group) => group.group)).toEqual(['law', 'person', 'date', 'type']);
    expect(groups[2]!.items.map((item) => item.kind).sort()).toEqual(['document-date', 'valid-until']);
  });

  it('shows only open suggestions', () => {
    const groups = groupSuggestions([suggestion({ status: 'accepted' }), suggestion({ status: 'rejected' })]);
    expect(groups).toEqual([]);
  });

  it('lists a section in reading order: page, then from the top of the page', () => {
    const low = suggestion({ page: 1, bbox: [0, 900, 10, 910] });
    const high = suggestion({ page: 1, bbox: [0, 100, 10, 110] });
    const second = suggestion({ page: 2, bbox: [0, 0, 10, 10] });
    expect(groupSuggestions([second, low, high])[0]!.items).toEqual([high, low, second]);
  });
});

describe('accepting', () => {
  it('needs a choice only for a name matching nobody known', () => {
    expect(needsChoice(suggestion({ kind: 'person', value: null }))).toBe(true);
    expect(needsChoice(suggestion({ kind: 'person', value: 'D-P02' }))).toBe(false);
    expect(needsChoice(suggestion({ kind: 'law' }))).toBe(false);
  });

  it('"Accept all sure" skips unknown names, what was already decided, and what the core found not sure', () => {
    const known = suggestion({ kind: 'person', value: 'D-P02' });
    const law = suggestion({ kind: 'law' });
    const unknown = suggestion({ kind: 'person', value: null });
    const unsure = suggestion({ kind: 'document-date', value: '1981-03-02', confidence: 0.23, sure: false });
    const all = [known, law, unknown, suggestion({ status: 'rejected' }), unsure];
    expect(acceptableInBulk(all)).toEqual([known, law]);
    expect(toReview(all)).toEqual([unknown, unsure]);
  });
});

describe('lawOf', () => {
  it('reads the law and article from the detail, or from the value', () => {
    expect(lawOf(suggestion({ detail: { law: 'KZ-477-IV', article: '49' } }), [LAW])).toMatchObject({ law: LAW, article: '49' });
    expect(lawOf(suggestion({ value: 'KZ-477-IV:49' }), [LAW])).toMatchObject({ lawId: 'KZ-477-IV', article: '49' });
    expect(lawOf(suggestion({ value: 'KZ-477-IV' }), [])).toMatchObject({ law: null, article: null });
  });

  it('titles a law in the chosen language, or by its id when the register lacks it', () => {
    expect(lawTitle(LAW, LAW.id, 'kk')).toBe('Халықтың көші-қоны туралы');
    expect(lawTitle(LAW, LAW.id, 'zh')).toBe('On Migration of Population');
    expect(lawTitle(null, 'KZ-999', 'en')).toBe('KZ-999');
  });
});
