import { describe, expect, it } from 'vitest';
import { bidiClass, bidiLevels, firstStrongDirection, mirrorOf, visualOrder, type Direction } from './bidi';

/** `text` character by character: its levels, and the characters in the order they are shown. */
function shown(text: string, direction?: Direction): { levels: number[]; visual: string } {
  const chars = [...text];
  const { levels } = bidiLevels(
    chars.map((char) => bidiClass(char.codePointAt(0)!)),
    direction,
  );
  return { levels, visual: visualOrder(chars, levels).join('') };
}

const reversed = (text: string) => [...text].reverse().join('');

describe('the bidi algorithm for a printed line', () => {
  it('classes the characters of the casework', () => {
    const classes = Object.fromEntries([...'aШ决ئۆ5٥۵-,%$ (\u064e\u200d\u200f\u00a0'].map((char) => [char, bidiClass(char.codePointAt(0)!)]));
    expect(classes).toEqual({
      a: 'L',
      Ш: 'L',
      决: 'L',
      ئ: 'AL',
      ۆ: 'AL',
      '5': 'EN',
      '٥': 'AN',
      '۵': 'EN',
      '-': 'ES',
      ',': 'CS',
      '%': 'ET',
      $: 'ET',
      ' ': 'WS',
      '(': 'ON',
      '\u064e': 'NSM',
      '\u200d': 'BN',
      '\u200f': 'R',
      '\u00a0': 'CS',
    });
  });

  it('takes the paragraph direction from the first strong character', () => {
    const direction = (text: string) => firstStrongDirection([...text].map((char) => bidiClass(char.codePointAt(0)!)));
    expect(direction('2020 ئۇيغۇر abc')).toBe('rtl');
    expect(direction('(12) Шешім ئۇيغۇر')).toBe('ltr');
    expect(direction('2020 — 45')).toBeNull();
    expect(direction('\u200fabc')).toBe('rtl');
  });

  it('sets right-to-left words inside a left-to-right line, and the spaces between them with them', () => {
    expect(shown('abc ئاب دەر def')).toEqual({ levels: [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0], visual: `abc ${reversed('ئاب دەر')} def` });
  });

  it('keeps numbers left to right inside right-to-left text, as Arabic numbers after Arabic letters', () => {
    expect(shown('ئاب 123 دەر').visual).toBe(`${reversed('دەر')} 123 ${reversed('ئاب')}`);
    expect(shown('ئا 1,000.5').visual).toBe(`1,000.5 ${reversed('ئا')}`); // separators inside a number stay in it
    // A hyphen between two Arabic numbers is neutral between right-to-left numbers: the numbers swap, as in every UBA implementation.
    expect(shown('ئا 45-2020').visual).toBe(`2020-45 ${reversed('ئا')}`);
  });

  it('makes European numbers after Latin text left to right, with their terminators', () => {
    expect(shown('abc 50% ئا')).toEqual({ levels: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], visual: `abc 50% ${reversed('ئا')}` });
    expect(shown('ئۇيغۇر abc 2020').visual).toBe(`abc 2020 ${reversed('ئۇيغۇر')}`);
  });

  it('gives marks the level of their letter, and invisible characters the level before them', () => {
    expect(shown('aبَ').levels).toEqual([0, 1, 1]);
    expect(shown('ب\u200dت', 'ltr').levels).toEqual([1, 1, 1]);
  });

  it('puts whitespace at the end of a line back at the paragraph level', () => {
    expect(shown('abc ئا ', 'ltr').levels).toEqual([0, 0, 0, 0, 1, 1, 0]);
    expect(shown('ئا abc ', 'rtl').levels).toEqual([1, 1, 1, 2, 2, 2, 1]);
  });

  it('reverses each run from the highest level down to the lowest odd one', () => {
    expect(visualOrder([...'abcdefg'], [0, 1, 1, 2, 2, 1, 0]).join('')).toBe('afdecbg');
    expect(visualOrder([...'abc'], [2, 2, 2]).join('')).toBe('abc');
    expect(visualOrder([...'abc'], [1, 1, 1]).join('')).toBe('cba');
    expect(visualOrder([], [])).toEqual([]);
  });

  it('mirrors brackets and guillemets, CJK ones too', () => {
    const mirror = (char: string) => String.fromCodePoint(mirrorOf(char.codePointAt(0)!) ?? 0);
    expect([...'()«»〔〕《》（）'].map(mirror).join('')).toBe(')(»«〕〔》《）（');
    expect(mirrorOf('a'.codePointAt(0)!)).toBeUndefined();
  });
});
