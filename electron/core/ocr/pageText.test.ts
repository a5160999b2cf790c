import type { Block } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { characterErrorRate, normaliseForCer } from './cer';
import { linesOf, pageTextOf, pictureRegions } from './pageText';

type WordSpec = [text: string, confidence: number, x0?: number];

function block(...lines: WordSpec[][]): Block {
  return {
    blocktype: 1,
    paragraphs: [
      {
        lines: lines.map((words, row) => ({
          bbox: { x0: 0, y0: row * 40, x1: 500, y1: row * 40 + 30 },
          words: words.map(([text, confidence, x0 = 0]) => ({
            text,
            confidence,
            bbox: { x0, y0: row * 40, x1: x0 + 20, y1: row * 40 + 30 },
          })),
        })),
      },
    ],
  } as unknown as Block;
}

describe('page text from tesseract blocks', () => {
  it('joins lines with \\n and blocks with a blank line', () => {
    const text = pageTextOf(linesOf([block([['МИНИСТЕРСТВО', 90], ['ВНУТРЕННИХ', 91]], [['ДЕЛ', 92]]), block([['№', 80], ['3-1-17', 85]])]));
    expect(text.text).toBe('МИНИСТЕРСТВО ВНУТРЕННИХ\nДЕЛ\n\n№ 3-1-17');
    expect(text.confidence).toBeCloseTo((90 + 91 + 92 + 80 + 85) / 5, 1);
    expect(text.words.map((word) => word.bbox)).toContainEqual([0, 40, 20, 70]);
  });

  it('puts no space between Chinese characters, nor between them and numbers', () => {
    const text = pageTextOf(linesOf([block([['签发', 90], ['日期', 90], ['2016', 95], ['年', 96], ['8', 96], ['月', 96], ['Nurlan', 90], ['Askaruly', 90]])]));
    expect(text.text).toBe('签发日期2016年8月Nurlan Askaruly');
  });

  it('drops low-confidence marks without letters or digits, keeps poorly read words', () => {
    const text = pageTextOf(linesOf([block([['|', 20], ['—', 30], ['Турлыбеков', 35], ['—', 90], ['%', 10]])]));
    expect(text.text).toBe('Турлыбеков —');
  });

  it('finds the blocks of the TSV output that hold no word (picture regions)', () => {
    const tsv = [
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      '2\t1\t1\t0\t0\t0\t237\t341\t115\t35\t-1\t',
      '5\t1\t1\t1\t1\t1\t237\t341\t115\t35\t85.4\tСудья',
      '2\t1\t2\t0\t0\t0\t604\t158\t958\t354\t-1\t',
    ].join('\n');
    expect(pictureRegions(tsv)).toEqual([{ x0: 604, y0: 158, x1: 1562, y1: 512 }]);
  });
});

describe('character error rate', () => {
  it('normalises like the corpus README: NFKC, collapsed whitespace, no spaces between CJK', () => {
    expect(normaliseForCer(' Судья\n\n Турлыбеков  Р.С. ')).toBe('Судья Турлыбеков Р.С.');
    expect(normaliseForCer('额敏县 公安局\n额公（治）')).toBe('额敏县公安局额公(治)');
  });

  it('counts edits against the truth length', () => {
    expect(characterErrorRate('Судья', 'Судья')).toBe(0);
    expect(characterErrorRate('Судъя', 'Судья')).toBeCloseTo(0.2);
    expect(characterErrorRate('', 'abcd')).toBe(1);
  });
});
