import { describe, expect, it } from 'vitest';
import { Typefaces, printable } from './fonts';
import { FONTS_DIR } from './testing/corpusBundle';

const faces = Typefaces.load(FONTS_DIR);

describe('setting text in the bundle fonts', () => {
  it('sets Latin, Cyrillic and Kazakh in DejaVu Sans and Chinese in Droid Sans Fallback, run by run', () => {
    const runs = faces.runs('Шешім әғқңөұүһі Decision 决定书 No. 7', 'regular');
    expect(runs.map((run) => [run.face, String.fromCodePoint(...run.codePoints)])).toEqual([
      ['regular', 'Шешім әғқңөұүһі Decision '],
      ['cjk', '决定书'],
      ['regular', ' No. 7'],
    ]);
    expect(faces.runs('決定 Bold', 'bold').map((run) => run.face)).toEqual(['cjk', 'bold']);
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
});
