import { describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain/document';
import type { GreyImage } from './pageGeometry';
import type { TextLine } from './pageText';
import { brokenRows } from './splitRows';

/** A white page with black rectangles. */
function page(width: number, height: number, inks: Array<[number, number, number, number]>): GreyImage {
  const data = Buffer.alloc(width * height, 255);
  for (const [x0, y0, x1, y1] of inks) for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
  return { data, width, height };
}

const word = (text: string, x0: number, x1: number, y0 = 100, y1 = 140): Word => ({ text, bbox: [x0, y0, x1, y1], conf: 90 });
const line = (block: number, ...words: Word[]): TextLine => ({ words, top: words[0]!.bbox[1], block });

describe('rows the layout broke apart', () => {
  // Two words of one row in two blocks, as tesseract gave «叶尔» and «赛里克», 60 px apart.
  const lines = [line(1, word('叶尔', 100, 180)), line(2, word('赛里克', 240, 360))];

  it('finds a row with a letter’s ink between two of its words, whatever blocks they came in', () => {
    const inked = page(600, 300, [[195, 104, 225, 136]]);
    expect(brokenRows(inked, lines)).toHaveLength(1);
  });

  it('finds a row with a letter read as a wide mark', () => {
    const marked = [line(1, word('叶尔', 100, 180), word('|', 185, 230), word('赛里克', 240, 360))];
    expect(brokenRows(page(600, 300, []), marked)).toHaveLength(1);
  });

  it('leaves rows whose gaps are clean, hold only a rule or a speck, or are a gutter between columns (the controls)', () => {
    expect(brokenRows(page(600, 300, []), lines)).toEqual([]);
    expect(brokenRows(page(600, 300, [[185, 136, 235, 139]]), lines)).toEqual([]); // an underline
    expect(brokenRows(page(600, 300, [[205, 118, 208, 121]]), lines)).toEqual([]); // a speck
    const columns = [line(1, word('Left', 100, 180)), line(2, word('Right', 600, 700))];
    expect(brokenRows(page(800, 300, [[300, 100, 480, 140]]), columns)).toEqual([]); // an emblem in the gutter
    const apostrophe = [line(1, word('叶尔兰', 100, 220), word("'", 226, 230), word('赛里克', 236, 356))];
    expect(brokenRows(page(600, 300, []), apostrophe)).toEqual([]); // a narrow mark is a mark
  });
});
