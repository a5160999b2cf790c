import { describe, expect, it } from 'vitest';
import { characterErrorRate, normaliseForCer } from './cer';
import { pageTextOf, parseTsv, withLines, type TextLine } from './pageText';

type WordSpec = [text: string, confidence: number];

/** Tesseract TSV rows for blocks of one paragraph each, one line per array, words 30 px apart. */
function tsv(...blocks: WordSpec[][][]): string {
  const rows = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext'];
  let y = 0;
  blocks.forEach((lines, b) => {
    rows.push(`2\t1\t${b + 1}\t0\t0\t0\t0\t${y}\t500\t${lines.length * 40}\t-1\t`);
    lines.forEach((words, l) => {
      rows.push(`4\t1\t${b + 1}\t1\t${l + 1}\t0\t0\t${y}\t500\t30\t-1\t`);
      words.forEach(([text, conf], w) => rows.push(`5\t1\t${b + 1}\t1\t${l + 1}\t${w + 1}\t${w * 30}\t${y}\t20\t30\t${conf}\t${text}`));
      y += 40;
    });
  });
  return rows.join('\n');
}

describe('page text from tesseract TSV', () => {
  it('joins lines with \\n and blocks with a blank line, boxes as [x0, y0, x1, y1]', () => {
    const text = pageTextOf(parseTsv(tsv([[['МИНИСТЕРСТВО', 90], ['ВНУТРЕННИХ', 91]], [['ДЕЛ', 92]]], [[['№', 80], ['3-1-17', 85]]])).lines);
    expect(text.text).toBe('МИНИСТЕРСТВО ВНУТРЕННИХ\nДЕЛ\n\n№ 3-1-17');
    expect(text.confidence).toBeCloseTo((90 + 91 + 92 + 80 + 85) / 5, 1);
    expect(text.words.map((word) => word.bbox)).toContainEqual([30, 0, 50, 30]);
  });

  it('puts no space between Chinese characters, nor between them and numbers', () => {
    const text = pageTextOf(parseTsv(tsv([[['签发', 90], ['日期', 90], ['2016', 95], ['年', 96], ['8', 96], ['月', 96], ['Nurlan', 90], ['Askaruly', 90]]])).lines);
    expect(text.text).toBe('签发日期2016年8月Nurlan Askaruly');
  });

  it('drops low-confidence marks without letters or digits, keeps poorly read words', () => {
    const text = pageTextOf(parseTsv(tsv([[['|', 20], ['—', 30], ['Турлыбеков', 35], ['—', 90], ['%', 10]]])).lines);
    expect(text.text).toBe('Турлыбеков —');
  });

  it('reports the blocks that hold no word as picture regions', () => {
    const rows = [
      '2\t1\t1\t0\t0\t0\t237\t341\t115\t35\t-1\t',
      '4\t1\t1\t1\t1\t0\t237\t341\t115\t35\t-1\t',
      '5\t1\t1\t1\t1\t1\t237\t341\t115\t35\t85.4\tСудья',
      '2\t1\t2\t0\t0\t0\t604\t158\t958\t354\t-1\t',
    ].join('\n');
    expect(parseTsv(rows).pictures).toEqual([{ x0: 604, y0: 158, x1: 1562, y1: 512 }]);
  });
});

describe('lines read after the page', () => {
  const line = (top: number, block: number, ...texts: string[]): TextLine => ({
    top,
    block,
    words: texts.map((text, i) => ({ text, bbox: [100 + i * 120, top, 200 + i * 120, top + 30], conf: 90 })),
  });
  const page = pageTextOf([line(300, 1, 'Body', 'first'), line(340, 1, 'body', 'second'), line(600, 2, 'Signature')]);

  it('puts level lines where they stand, a heading before the body and a line between paragraphs between them', () => {
    const placed = withLines(page, [line(100, 9, 'HEADING'), line(450, 10, 'Between')]);
    expect(placed.text).toBe('HEADING\n\nBody first\nbody second\n\nBetween\n\nSignature');
    expect(placed.words.map((word) => word.text)).toEqual(['HEADING', 'Body', 'first', 'body', 'second', 'Between', 'Signature']);
  });

  it('puts lines at an angle of their own after the page, and unsure words among its words only', () => {
    const turned = line(100, 9, 'Sideways');
    turned.words[0]!.angle = 90;
    const placed = withLines(page, [turned], [{ text: 'maybe', bbox: [0, 0, 10, 10], conf: 30 }]);
    expect(placed.text).toBe('Body first\nbody second\n\nSignature\n\nSideways');
    expect(placed.words.map((word) => word.text)).toEqual(['Body', 'first', 'body', 'second', 'Signature', 'Sideways', 'maybe']);
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
