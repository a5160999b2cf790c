import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, Vocabulary } from './fuzzy';

describe('near words', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('musakhan', 'musahan', 2)).toBe(1);
    expect(editDistance('миграции', 'миграцыи', 2)).toBe(1);
    expect(editDistance('askaruly', 'aksaruly', 2)).toBe(1);
    expect(editDistance('aigerim', 'aigerym', 2)).toBe(1);
    expect(editDistance('dauletkyzy', 'dauletkizi', 2)).toBe(2);
    expect(editDistance('nurlan', 'aigerim', 2)).toBe(3);
  });

  it('allows no edit in short words, one in middle-sized, two in long ones', () => {
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(9)).toBe(2);
  });

  it('finds vocabulary words within the allowed edits, closest first', () => {
    const vocabulary = new Vocabulary(['dauletkyzy', 'dauletkizi', 'dauletov', 'aigerim', 'aigerym', 'nurlan', 'беженца', 'беженцы']);
    expect(vocabulary.near('dauletkyzi')).toEqual(['dauletkizi', 'dauletkyzy']);
    expect(vocabulary.near('aigerim')).toEqual(['aigerym']);
    expect(vocabulary.near('беженца')).toEqual(['беженцы']);
    expect(vocabulary.near('ст')).toEqual([]);
  });
});
