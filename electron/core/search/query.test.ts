import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';

describe('query language', () => {
  it('reads words as clauses that must all hold', () => {
    expect(parseQuery('Айгерим Даулеткызы')).toEqual([
      { terms: [{ kind: 'word', text: 'Айгерим', prefix: false }], negated: false },
      { terms: [{ kind: 'word', text: 'Даулеткызы', prefix: false }], negated: false },
    ]);
  });

  it('reads quoted phrases, prefixes, exclusions and OR', () => {
    expect(parseQuery('"проездной документ" доку* -черновик Askaruly OR Асқарұлы')).toEqual([
      { terms: [{ kind: 'phrase', text: 'проездной документ' }], negated: false },
      { terms: [{ kind: 'word', text: 'доку', prefix: true }], negated: false },
      { terms: [{ kind: 'word', text: 'черновик', prefix: false }], negated: true },
      {
        terms: [
          { kind: 'word', text: 'Askaruly', prefix: false },
          { kind: 'word', text: 'Асқарұлы', prefix: false },
        ],
        negated: false,
      },
    ]);
  });

  it('keeps law and outgoing numbers whole, and a dash inside them is not an exclusion', () => {
    expect(parseQuery('477-IV 3-1-17/Б-1234')).toEqual([
      { terms: [{ kind: 'word', text: '477-IV', prefix: false }], negated: false },
      { terms: [{ kind: 'word', text: '3-1-17/Б-1234', prefix: false }], negated: false },
    ]);
  });

  it('excludes a quoted phrase with a leading dash', () => {
    expect(parseQuery('беженца -"проект решения"')).toEqual([
      { terms: [{ kind: 'word', text: 'беженца', prefix: false }], negated: false },
      { terms: [{ kind: 'phrase', text: 'проект решения' }], negated: true },
    ]);
  });

  it('never fails on odd input: an unclosed quote ends at the end, a lone OR or dash is a word', () => {
    expect(parseQuery('"статья 49')).toEqual([{ terms: [{ kind: 'phrase', text: 'статья 49' }], negated: false }]);
    expect(parseQuery('OR -')).toEqual([
      { terms: [{ kind: 'word', text: 'OR', prefix: false }], negated: false },
      { terms: [{ kind: 'word', text: '-', prefix: false }], negated: false },
    ]);
    expect(parseQuery('   ')).toEqual([]);
    expect(parseQuery('""')).toEqual([]);
  });

  it('turns the words of a date mention into one date term', () => {
    const query = 'refusal 1 January 2022';
    expect(parseQuery(query, [{ date: '2022-01-01', start: 8, end: query.length }])).toEqual([
      { terms: [{ kind: 'word', text: 'refusal', prefix: false }], negated: false },
      { terms: [{ kind: 'date', text: '1 January 2022', date: '2022-01-01' }], negated: false },
    ]);
    expect(parseQuery('«02» апреля 2021 г.', [{ date: '2021-04-02', start: 0, end: 17 }])[0]!.terms[0]).toMatchObject({
      kind: 'date',
      date: '2021-04-02',
    });
  });
});
