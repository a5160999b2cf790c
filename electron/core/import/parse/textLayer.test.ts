import { describe, expect, it } from 'vitest';
import { layerText, layerWords, textAreaFraction, textLayerUsable, type TextItemLike } from './textLayer';

/** The text-layer decision and word boxes, on hand-made pdf.js-shaped items. */

const A4 = 595 * 842;
const item = (str: string, x: number, y: number, size = 12, hasEOL = false): TextItemLike => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width: str.length * size * 0.5,
  height: size,
  hasEOL,
  fontName: 'f1',
});

describe('is the text layer usable?', () => {
  const letter = 'Уважаемый Асқар Серикович, сообщаем, что ваше заявление рассмотрено.';

  it('a born-digital page: yes', () => {
    expect(textLayerUsable(letter, 0.3, 0)).toBe(true);
  });

  it('nothing, whitespace, or a heading alone: no', () => {
    expect(textLayerUsable('', 0, 0)).toBe(false);
    expect(textLayerUsable(' \n\t ', 0.01, 0)).toBe(false);
    expect(textLayerUsable('Annex 3', 0.01, 0)).toBe(false);
  });

  it('glyphs from a broken font encoding (symbols, private use, U+FFFD): no', () => {
    expect(textLayerUsable('\uE001\uE002\uE003 \uE004\uE005 '.repeat(10), 0.3, 0)).toBe(false);
    expect(textLayerUsable('!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~ '.repeat(3) + 'ab', 0.3, 0)).toBe(false);
    expect(textLayerUsable(`${letter} ${'\uFFFD'.repeat(10)}`, 0.3, 0)).toBe(false);
  });

  it('a scan with a Bates number stamped on it: no; a scan with a full OCR layer under it: yes', () => {
    expect(textLayerUsable('DALEL-000123 Page 3 of 9', 0.004, 1)).toBe(false);
    expect(textLayerUsable(letter.repeat(5), 0.25, 1)).toBe(true);
  });
});

describe('page text and words', () => {
  const items = [item('Hello world', 72, 700, 12, true), item('second line', 72, 686, 12, true)];

  it('keeps line ends and measures coverage', () => {
    expect(layerText(items)).toBe('Hello world\nsecond line');
    expect(textAreaFraction(items, A4)).toBeCloseTo((2 * 66 * 12) / A4, 6);
  });

  it('word boxes land in image pixels, top-left origin, in reading order', () => {
    // A 300 DPI viewport of an A4 page: scale 300/72 and the y axis flipped.
    const s = 300 / 72;
    const words = layerWords(items, { f1: { ascent: 0.8, descent: -0.2 } }, [s, 0, 0, -s, 0, 842 * s]);
    expect(words.map((w) => w.text)).toEqual(['Hello', 'world', 'second', 'line']);
    const [hello, world] = words;
    expect(hello?.bbox[0]).toBe(Math.floor(72 * s));
    expect(hello?.bbox[1]).toBe(Math.floor((842 - 700 - 0.8 * 12) * s));
    expect(hello?.bbox[3]).toBe(Math.ceil((842 - 700 + 0.2 * 12) * s));
    expect((world?.bbox[0] ?? 0) > (hello?.bbox[2] ?? 0)).toBe(true);
    expect(words.every((w) => w.conf === 100)).toBe(true);
  });

  it('a measured width places words better than a character count', () => {
    const wide = { ...item('WWW ii', 0, 0), width: 100 };
    const measure = (text: string) => Array.from(text).reduce((sum, c) => sum + (c === 'W' ? 10 : c === 'i' ? 2 : 4), 0);
    const [, short] = layerWords([wide], {}, [1, 0, 0, -1, 0, 0], measure);
    expect(short?.bbox[0]).toBe(Math.floor((100 * 34) / 38)); // "WWW " is 34 of 38 units
  });

  it('each CJK character is a word; rotated text gets a box around it', () => {
    expect(layerWords([item('新疆 富蕴县', 0, 0)], {}, [1, 0, 0, -1, 0, 842]).map((w) => w.text)).toEqual(['新', '疆', '富', '蕴', '县']);
    const vertical = { ...item('Stamp', 100, 100), transform: [0, 12, -12, 0, 100, 100] }; // rotated 90°
    const [box] = layerWords([vertical], {}, [1, 0, 0, 1, 0, 0]);
    expect((box?.bbox[3] ?? 0) - (box?.bbox[1] ?? 0)).toBeGreaterThan((box?.bbox[2] ?? 0) - (box?.bbox[0] ?? 0));
  });
});
