import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../shared/domain/document';
import type { DocumentMatches } from '../../../../shared/domain/search';
import { hitsOf, type PageReading } from './documentHits';

/** A line of the Russian letter (scan_0013) as OCR read it, with a box per word. */
const TEXT = 'выданного 03.06.2019 на имя Даулеткызы Айгерим, 02.11.1986';
const words: Word[] = TEXT.split(' ').map((text, index) => ({ text, bbox: [index * 100, 500, index * 100 + 90, 530], conf: 90 }));
const reading: PageReading = { page: 1, text: TEXT, words };
const range = (word: string): [number, number] => [TEXT.indexOf(word), TEXT.indexOf(word) + word.length];
const boxOf = (index: number) => words[index]!.bbox;

describe('hitsOf', () => {
  it('lists every match page by page, each range with the box of its word', () => {
    const matches: DocumentMatches = {
      docId: 'doc_1',
      pages: [
        { page: 3, boxes: [[10, 10, 50, 20]], ranges: [[0, 7]] },
        { page: 1, boxes: [boxOf(4), boxOf(5)], ranges: [range('Даулеткызы'), range('Айгерим')] },
      ],
    };
    const hits = hitsOf(matches, [reading]);
    expect(hits.map((hit) => `${hit.page}.${hit.index}`)).toEqual(['1.0', '1.1', '3.0']);
    expect(hits[1]).toEqual({ page: 1, index: 1, range: range('Айгерим'), boxes: [boxOf(5)] });
    // Page 3's text is not known here: its box and range are paired in order.
    expect(hits[2]).toEqual({ page: 3, index: 0, range: [0, 7], boxes: [[10, 10, 50, 20]] });
  });

  it('gives a phrase that spans two words both their boxes, so the next hit stays in step', () => {
    const phrase: [number, number] = [range('Даулеткызы')[0], range('Айгерим')[1]];
    const matches: DocumentMatches = { docId: 'd', pages: [{ page: 1, boxes: [boxOf(1), boxOf(4), boxOf(5)], ranges: [range('03.06.2019'), phrase] }] };
    const hits = hitsOf(matches, [reading]);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.boxes).toEqual([boxOf(1)]);
    expect(hits[1]?.boxes).toEqual([boxOf(4), boxOf(5)]);
  });

  it('pairs in order when a box is not one of the page’s words (the page was read again meanwhile)', () => {
    const matches: DocumentMatches = {
      docId: 'd',
      pages: [{ page: 1, boxes: [[1, 1, 2, 2], [3, 3, 4, 4]], ranges: [range('имя')] }],
    };
    const hits = hitsOf(matches, [reading]);
    expect(hits).toHaveLength(2);
    expect(hits[1]).toMatchObject({ range: null, boxes: [[3, 3, 4, 4]] });
  });

  it('finds the right one of two words printed the same', () => {
    const twice = 'Даулеткызы А. … Даулеткызы Айгерим';
    const repeated: Word[] = twice.split(' ').map((text, index) => ({ text, bbox: [index, 0, index + 1, 1], conf: 90 }));
    const second: [number, number] = [twice.lastIndexOf('Даулеткызы'), twice.lastIndexOf('Даулеткызы') + 'Даулеткызы'.length];
    const matches: DocumentMatches = { docId: 'd', pages: [{ page: 1, boxes: [repeated[3]!.bbox], ranges: [[0, 10], second] }] };
    const hits = hitsOf(matches, [{ page: 1, text: twice, words: repeated }]);
    expect(hits.map((hit) => hit.boxes)).toEqual([[], [repeated[3]!.bbox]]);
  });

  it('has none before the matches are known', () => {
    expect(hitsOf(null)).toEqual([]);
  });
});
