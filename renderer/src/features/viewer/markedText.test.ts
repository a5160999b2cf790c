import { describe, expect, it } from 'vitest';
import { markedText } from './markedText';

const TEXT = 'выданного 03.06.2019 на имя Даулеткызы Айгерим, 02.11.1986 года';
const at = (word: string): [number, number] => [TEXT.indexOf(word), TEXT.indexOf(word) + word.length];

describe('markedText', () => {
  it('marks each match, and the current one as current', () => {
    const pieces = markedText(TEXT, [at('Даулеткызы'), at('Айгерим')], 1);
    expect(pieces).toEqual([
      { text: 'выданного 03.06.2019 на имя ', mark: 'none' },
      { text: 'Даулеткызы', mark: 'match' },
      { text: ' ', mark: 'none' },
      { text: 'Айгерим', mark: 'current' },
      { text: ', 02.11.1986 года', mark: 'none' },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(TEXT);
  });

  it('keeps the marks on the words when the shown text is trimmed', () => {
    const pieces = markedText(`\n\n  ${TEXT}\n`, [[at('Айгерим')[0] + 4, at('Айгерим')[1] + 4]], null);
    expect(pieces.find((piece) => piece.mark !== 'none')?.text).toBe('Айгерим');
    expect(pieces.map((piece) => piece.text).join('')).toBe(TEXT);
  });

  it('cuts ranges to the text and ignores empty or reversed ones', () => {
    expect(markedText('Айгерим', [[-3, 3], [5, 99], [4, 4], [6, 2]], null)).toEqual([
      { text: 'Айг', mark: 'match' },
      { text: 'ер', mark: 'none' },
      { text: 'им', mark: 'match' },
    ]);
  });

  it('marks overlapping ranges once, as current if either is', () => {
    expect(markedText('Әйгерім Дәулетқызы', [[0, 7], [3, 11]], 1)).toEqual([
      { text: 'Әйгерім Дәу', mark: 'current' },
      { text: 'летқызы', mark: 'none' },
    ]);
  });

  it('gives the text unmarked when there are no matches', () => {
    expect(markedText(' текст ', [], null)).toEqual([{ text: 'текст', mark: 'none' }]);
    expect(markedText('   ', [[0, 2]], 0)).toEqual([]);
  });
});
