/**
 * Search on a big vault (issue 4), with the thresholds lowered so that a few pages stand for
 * 100,000: a word on most pages gets an estimated total; the index keeps working across a vault
 * closed and reopened; fuzzy matching knows words indexed after it loaded its vocabulary.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { addTextDocument } from '../testing/textDocuments';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { migrate } from '../vault/migrations';
import { SearchService } from './searchService';
import { testIndex } from '../testing/testIndex';

let dir: ReturnType<typeof tempDir>;
let db: Database.Database;

function open(): void {
  db = new Database(join(dir.path, 'vault.db'));
  db.pragma('foreign_keys = ON');
  migrate(db);
}

function addDocument(title: string, text: string): string {
  return addTextDocument(db, { title, pages: [text] });
}

beforeEach(() => {
  dir = tempDir('dalel-search-speed-');
  open();
});

afterEach(() => {
  if (db.open) db.close();
  dir.remove();
});

describe('a query on a large part of the vault', () => {
  beforeEach(() => {
    for (let n = 1; n <= 30; n++) {
      const rare = n === 7 ? ' Уникальнословоканарейка.' : '';
      addDocument(`letter-${n}`, `Письмо ${n}. Заявление беженца рассмотрено ${'повторно '.repeat(n % 4)}в установленном порядке.${rare}`);
    }
  });

  it('is counted exactly up to the limit', () => {
    const result = new SearchService(db, testIndex(db)).search({ query: 'беженца' });
    expect(result).toMatchObject({ total: 30, totalIsEstimate: false });
  });

  it('past the limit gets an estimated total, and still its best pages', () => {
    const search = new SearchService(db, testIndex(db), { countUpTo: 10, rankAmong: 12 });
    const result = search.search({ query: 'беженца', limit: 5 });
    expect(result.totalIsEstimate).toBe(true);
    expect(result.total).toBeGreaterThan(10);
    // the newest 11 pages span 11 of the 30 rowids: 11 / (11 / 30)
    expect(result.total).toBe(30);
    expect(result.hits).toHaveLength(5);
    expect(result.hits.every((hit) => hit.complete && hit.matched.includes('беженца'))).toBe(true);
  });

  it('ranks only the most recently indexed pages past rankAmong', () => {
    const search = new SearchService(db, testIndex(db), { countUpTo: 10, rankAmong: 12 });
    const titles = search.search({ query: 'беженца', limit: 30 }).hits.map((hit) => hit.title);
    expect(titles).toHaveLength(12);
    expect(new Set(titles)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `letter-${30 - i}`)));
  });

  it('leaves a rare word counted exactly, and a page of it found wherever it is', () => {
    const search = new SearchService(db, testIndex(db), { countUpTo: 10, rankAmong: 12 });
    const result = search.search({ query: 'Уникальнословоканарейка' });
    expect(result).toMatchObject({ total: 1, totalIsEstimate: false });
    expect(result.hits.map((hit) => hit.title)).toEqual(['letter-7']);
    // both words: the rare one narrows the common one
    const both = search.search({ query: 'беженца Уникальнословоканарейка' });
    expect(both).toMatchObject({ total: 1, totalIsEstimate: false });
    expect(both.hits.filter((hit) => hit.complete).map((hit) => hit.title)).toEqual(['letter-7']);
  });
});

describe('the index across connections', () => {
  it('indexes and rebuilds after the vault is closed and reopened', () => {
    addDocument('before', 'Айгерим Даулеткызы, заявление о гражданстве.');
    expect(new SearchService(db, testIndex(db)).search({ query: 'Aigerim' }).hits.map((hit) => hit.title)).toEqual(['before']);
    db.close();

    open();
    addDocument('after', 'Айгерим Даулеткызы, решение об отказе.');
    const search = new SearchService(db, testIndex(db));
    expect(search.search({ query: 'Aigerim' }).hits.map((hit) => hit.title).sort()).toEqual(['after', 'before']);
    const progress: Array<[number, number]> = [];
    expect(testIndex(db).rebuild((done, total) => progress.push([done, total]))).toBe(2);
    expect(progress.at(-1)).toEqual([2, 2]);
    expect(search.search({ query: 'отказе' }).hits.map((hit) => hit.title)).toEqual(['after']);
  });

  it('finds a misspelt word on a page indexed after the vocabulary was loaded', () => {
    addDocument('first', 'Заявление Мусаханова рассмотрено.');
    const search = new SearchService(db, testIndex(db));
    expect(search.search({ query: 'Жумабоков' }).hits).toEqual([]); // loads the vocabulary
    addDocument('second', 'Гражданину Жумабекову, решение об отказе.');
    expect(search.search({ query: 'Жумабоков' }).hits.map((hit) => [hit.title, hit.forms])).toEqual([['second', ['fuzzy']]]);
  });
});
