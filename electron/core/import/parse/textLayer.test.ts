import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seededRandom';
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

/**
 * Right-to-left text as PDF producers write it (Chromium: a glyph or two per positioned run, runs in the
 * order they print, left to right, letters as presentation forms), generated: random Uyghur/Kazakh
 * Arabic-script words, cut into random pieces, each letter drawn as a random one of its presentation
 * forms, spaces as gaps or as items of their own, after a Latin run on the same line and before the next.
 */
describe('right-to-left text', () => {
  const LETTERS = [...'ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېەىي'];
  /** Each letter's presentation forms, found by NFKC (what the producer's ToUnicode maps glyphs to). */
  const FORMS = new Map<string, string[]>();
  for (const [from, to] of [[0xfb50, 0xfdff], [0xfe70, 0xfefe]] as const) {
    for (let code = from; code <= to; code++) {
      const form = String.fromCodePoint(code);
      const base = form.normalize('NFKC');
      if (base.length === 1 && LETTERS.includes(base)) FORMS.set(base, [...(FORMS.get(base) ?? []), form]);
    }
  }
  const SIZE = 12;
  /** One letter's advance: any width will do, the pieces only need to touch. */
  const ADVANCE = 6;

  function generatedLine(seed: number) {
    const rng = seededRandom(seed);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
    const words = Array.from({ length: 2 + Math.floor(rng() * 5) }, () => Array.from({ length: 2 + Math.floor(rng() * 8) }, () => pick(LETTERS)).join(''));
    const shown = (letter: string) => (rng() < 0.8 && FORMS.has(letter) ? pick(FORMS.get(letter)!) : letter);
    // Pieces of each word in reading order, then laid out right to left from the line's right end.
    const items: TextItemLike[] = [item('Ref. 12/3:', 60, 700)];
    let right = 500;
    const laid: TextItemLike[] = [];
    for (const [w, word] of words.entries()) {
      if (w > 0) {
        const gap = SIZE * (0.3 + rng() * 0.2);
        if (rng() < 0.5) laid.push({ ...item(' ', right - gap, 700), width: gap });
        right -= gap;
      }
      const letters = [...word];
      for (let i = 0; i < letters.length; ) {
        const length = Math.min(letters.length - i, 1 + Math.floor(rng() * 3));
        const str = letters.slice(i, i + length).map(shown).join('');
        right -= length * ADVANCE;
        laid.push({ ...item(str, right, 700), width: length * ADVANCE });
        i += length;
      }
    }
    // The producer writes them as they print: left to right.
    laid.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    laid.at(-1)!.hasEOL = true;
    items.push(...laid, item('Next line', 60, 680, SIZE, true));
    return { words, items };
  }

  it('reads the words in reading order, as letters (not presentation forms), each box where it prints', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { words, items } = generatedLine(seed);
      expect({ seed, text: layerText(items) }).toEqual({ seed, text: `Ref. 12/3:${words.join(' ')}\nNext line` });
      const found = layerWords(items, {}, [1, 0, 0, -1, 0, 842]);
      const rtl = found.slice(2, -2);
      expect({ seed, words: rtl.map((word) => word.text) }).toEqual({ seed, words });
      // The first word read is the rightmost; every box lies left of the one before it.
      for (let i = 1; i < rtl.length; i++) expect(rtl[i]!.bbox[2]).toBeLessThanOrEqual(rtl[i - 1]!.bbox[0] + 1);
    }
  });

  it('control: the pieces joined as pdf.js gives them read backwards, in presentation forms', () => {
    const { words, items } = generatedLine(7);
    const raw = items.map((piece) => piece.str).join('');
    expect(raw).not.toContain(words[0]);
    expect(raw.normalize('NFKC')).not.toContain(`${words[0]} ${words[1]}`);
  });

  it('leaves left-to-right text, digits and text that is not level as it is', () => {
    const rotated = { ...item('ﺟﺎﻧﺎﺭ', 100, 100), transform: [0, 12, -12, 0, 100, 100] };
    expect(layerText([item('Saparbayev 2021', 60, 700, 12, true), rotated])).toBe('Saparbayev 2021\nجانار');
    expect(layerText([item('ﺭ', 66, 700), item('2021', 40, 700)])).toBe('ر2021');
  });
});
