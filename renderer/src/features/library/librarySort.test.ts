import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../../shared/domain/document';
import { sortDocuments } from './librarySort';

const doc = (id: string, title: string, documentDate: string | null): DocumentSummary =>
  ({ id, title, documentDate, fileName: `${id}.jpg`, type: null, notes: '' }) as DocumentSummary;

describe('sortDocuments', () => {
  const docs = [doc('a', 'scan 10', null), doc('b', 'Әкімшілік сот шешімі', '2021-07-06'), doc('c', 'scan 9', '2019-02-18'), doc('d', 'Ответ МВД', '2021-07-06')];

  it('keeps the import order, or orders by the document date (newest first, undated last), or by title', () => {
    expect(sortDocuments(docs, 'imported', 'en').map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortDocuments(docs, 'date', 'en').map((d) => d.id)).toEqual(['b', 'd', 'c', 'a']);
    // numbers in titles count as numbers: scan 9 before scan 10
    expect(sortDocuments(docs, 'title', 'en').map((d) => d.title).slice(0, 2)).toEqual(['scan 9', 'scan 10']);
  });

  it('does not change the list it was given', () => {
    sortDocuments(docs, 'title', 'kk');
    expect(docs.map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
