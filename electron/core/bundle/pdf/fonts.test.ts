import { describe, expect, it } from 'vitest';
import { printable } from './characters';
import { Typefaces, type TextStyle } from './fonts';
import { FONTS_DIR } from './testing/corpusBundle';
import { seededRandom } from '../../testing/seededRandom';
import { UYGHUR_LETTERS, mixedTitle } from './testing/scriptTitles';

const faces = Typefaces.load(FONTS_DIR);

/** The line as runs of one face: [face, the text its glyphs show]. */
const faceRuns = (text: string, style: TextStyle) => {
  const runs: Array<[string, string]> = [];
  for (const glyph of faces.line(text, style).glyphs) {
    const last = runs.at(-1);
    if (last?.[0] === glyph.face) last[1] += glyph.text;
    else runs.push([glyph.face, glyph.text]);
  }
  return runs;
};

describe('setting text in the bundle fonts', () => {
  it('sets Latin, Cyrillic and Kazakh in DejaVu Sans and Chinese in Droid Sans Fallback, run by run', () => {
    expect(faceRuns('Шешім әғқңөұүһі Decision 决定书 No. 7', 'regular')).toEqual([
      ['regular', 'Шешім әғқңөұүһі Decision '],
      ['cjk', '决定书'],
      ['regular', ' No. 7'],
    ]);
    expect(faceRuns('決定 Bold', 'bold').map(([face]) => face)).toEqual(['cjk', 'bold']);
  });

  it('wraps at spaces, between Chinese characters, and inside a word only when it is wider than a line', () => {
    const lines = faces.wrap('Решение Комитета миграционной службы об отказе в выдаче разрешения на постоянное проживание', 10, 'regular', 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(faces.width(line, 10, 'regular')).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('Решение Комитета миграционной службы об отказе в выдаче разрешения на постоянное проживание');

    const chinese = faces.wrap('根据中华人民共和国户口登记条例等有关规定现通知你于期限内返回户籍所在地', 10, 'regular', 60);
    expect(chinese.length).toBeGreaterThan(3);
    expect(chinese.join('')).toBe('根据中华人民共和国户口登记条例等有关规定现通知你于期限内返回户籍所在地');

    const hash = faces.wrap('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 8, 'regular', 100);
    expect(hash.join('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const line of hash) expect(faces.width(line, 8, 'regular')).toBeLessThanOrEqual(100);
  });

  it('cuts text beyond the allowed lines with an ellipsis that still fits', () => {
    const lines = faces.wrap('word '.repeat(200), 10, 'regular', 100, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(faces.width(lines[1]!, 10, 'regular')).toBeLessThanOrEqual(100);
  });

  it('prints control characters and line breaks as single spaces', () => {
    expect(printable('  Decision\n\tNo.\u0007 7  ')).toBe('Decision No. 7');
  });

  it('falls back from bold to regular before Chinese, so a character any face has is printed', () => {
    expect(faceRuns('𝖠 A', 'bold')).toEqual([
      ['regular', '𝖠'],
      ['bold', ' A'],
    ]);
  });

  it('prints a character no face has as a visible U+FFFD, and names it beforehand', () => {
    const [glyph] = faces.line('ཀ', 'regular').glyphs;
    expect(glyph).toMatchObject({ face: 'regular', text: '\ufffd', placeholderFor: 'ཀ' });
    expect(glyph!.gid).toBe(faces.fonts.regular.glyphForCodePoint(0xfffd).id);
    expect(faces.unprintable('Decision ཀ 🧾 Шешім 决定 ئۇيغۇر 😀 ཀ')).toEqual(['ཀ', '🧾']);
    expect(faces.unprintable('Decision Шешім 决定 ئۇيغۇر ۆ ې ڭ 2020')).toEqual([]);
  });
});

describe('setting Uyghur', () => {
  /** The glyph of `letter` where it stands between `before` and `after` in a word (glyphs run right to left). */
  const form = (letter: string, before: string, after: string, style: TextStyle) => {
    const glyph = faces.line(before + letter + after, style).glyphs[after ? 1 : 0]!;
    expect(glyph.text).toBe(letter);
    return glyph;
  };
  const rightJoining = new Set([...'اەدرزژوۇۆۈۋ']);

  it('draws every Uyghur letter in its own initial, medial and final forms, in DejaVu Sans and its bold', () => {
    for (const style of ['regular', 'bold'] as const) {
      for (const letter of UYGHUR_LETTERS) {
        const isolated = form(letter, '', '', style);
        expect([letter, style, isolated.face]).toEqual([letter, style, style]);
        const forms = rightJoining.has(letter) ? [form(letter, 'ب', '', style)] : [form(letter, 'ب', '', style), form(letter, '', 'ب', style), form(letter, 'ب', 'ب', style)];
        const gids = new Set([isolated.gid, ...forms.map((glyph) => glyph.gid)]);
        expect([letter, style, gids.size]).toEqual([letter, style, forms.length + 1]);
      }
    }
  });

  it('sets lam-alef as one glyph that copies as both letters', () => {
    const glyphs = faces.line('لالە', 'regular').glyphs;
    expect(glyphs.map((glyph) => glyph.text)).toEqual(['ە', 'ل', 'ال']); // visual order; a ligature's letters right to left (see shaping.ts)
    expect(glyphs[2]!.gid).toBe(faces.fonts.regular.glyphForCodePoint(0xfefb).id); // the isolated lam-alef of Arabic presentation forms B
  });

  it('lays a Uyghur line out right to left, with Latin and numbers left to right inside it', () => {
    const shown = (text: string) => faces.line(text, 'regular').glyphs.map((glyph) => glyph.text).join('');
    const reversed = (text: string) => [...text].reverse().join('');
    expect(shown('ئۇيغۇر تىلى abc 2020')).toBe(`abc 2020 ${reversed('تىلى')} ${reversed('ئۇيغۇر')}`);
    expect(shown('Шешім ئۇيغۇر تىلى 决定')).toBe(`Шешім ${reversed('ئۇيغۇر تىلى')} 决定`);
  });

  it('shows a bracket in right-to-left text as its mirror image, copying as itself', () => {
    const glyphs = faces.line('ئۇيغۇر (تىلى)', 'regular').glyphs;
    const open = glyphs.find((glyph) => glyph.text === '(')!;
    const close = glyphs.find((glyph) => glyph.text === ')')!;
    expect(open.gid).toBe(faces.fonts.regular.glyphForCodePoint(')'.codePointAt(0)!).id);
    expect(close.gid).toBe(faces.fonts.regular.glyphForCodePoint('('.codePointAt(0)!).id);
    expect(glyphs.indexOf(close)).toBeLessThan(glyphs.indexOf(open)); // ")" of the reading order is the leftmost
  });

  it('measures mixed-script lines exactly as they are drawn, and wraps them without losing a character', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 40; i++) {
      const title = mixedTitle(random);
      for (const style of ['regular', 'bold'] as const) {
        const drawn = faces.line(title, style).glyphs.reduce((sum, glyph) => sum + glyph.advance, 0);
        expect(faces.width(title, 10, style)).toBeCloseTo(drawn / 100, 9);
        const lines = faces.wrap(title, 10, style, 120);
        for (const line of lines) expect(faces.width(line, 10, style)).toBeLessThanOrEqual(120);
        // Lines break at spaces and between Chinese characters: the same text but for those breaks.
        expect(lines.join('').replace(/[\s\u200e\u200f]/g, '')).toBe(printable(title).replace(/\s/g, ''));
      }
    }
  });

  it('starts a line of a right-to-left paragraph that begins with Latin with a right-to-left mark', () => {
    const lines = faces.wrap('ئۇيغۇر ئاپتونوم رايونى ID 2020 ۋەتەن', 10, 'regular', 100);
    expect(lines).toEqual(['ئۇيغۇر ئاپتونوم رايونى', '\u200fID 2020 ۋەتەن']);
  });
});
