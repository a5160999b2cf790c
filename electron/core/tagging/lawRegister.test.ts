import type Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Law } from '../../../shared/domain/tagging';
import { SearchIndex } from '../search/searchIndex';
import { SearchService } from '../search/searchService';
import { addTextDocument } from '../testing/textDocuments';
import { LawRegister } from './lawRegister';
import { RegisterStore } from './registerStore';
import { TagService } from './tagService';
import { testDatabase } from '../testing/testDatabase';

/**
 * One law register per open vault (issue 15 item 1): read and compiled once, handed to the search index
 * and to tagging, and read again by both after a law is saved — so a law the lawyer adds is cited by
 * suggestions and found by search alike, and the two never cite with different registers.
 */
const FOREIGNERS: Law = {
  id: 'KZ-94-V',
  number: '94-V',
  kind: 'law',
  date: '2015-05-19',
  title: { en: 'On Legal Status of Foreigners', ru: 'О правовом положении иностранцев', kk: 'Шетелдіктердің құқықтық жағдайы туралы' },
  aliases: [],
};
const TEXT = 'Отказано на основании статьи 5 Закона Республики Казахстан № 94-V «О правовом положении иностранцев».';

describe('the law register of a vault', () => {
  let db: Database.Database;
  let laws: LawRegister;
  let index: SearchIndex;
  const clock = () => new Date('2026-12-01T10:00:00Z');

  beforeEach(() => {
    db = testDatabase();
    laws = new LawRegister(db);
    index = new SearchIndex(db, laws);
  });

  const suggestedLaws = (docId: string) =>
    new TagService(db, clock, laws)
      .suggest(docId)
      .filter((suggestion) => suggestion.kind === 'law')
      .map((suggestion) => suggestion.value);
  const searched = (query: string) => new SearchService(db, index).search({ query }).hits.map((hit) => hit.docId);

  it('is read and compiled once, in the order the register lists it', () => {
    expect(laws.compiled()).toBe(laws.compiled());
    expect(laws.laws()).toBe(laws.laws());
    expect(laws.laws().map((law) => law.id)).toEqual(RegisterStore.open(db).listLaws().map((law) => law.id));
  });

  it('cites a law the lawyer adds, in suggestions and in search alike, once it is saved', () => {
    const docId = addTextDocument(db, { title: 'Отказ', pages: [TEXT] }, index);
    const before = laws.compiled();
    // read before the save by someone the index does not tell (the control below)
    const stale = new LawRegister(db);
    stale.compiled();
    expect(suggestedLaws(docId)).toEqual([]);
    expect(index.pageCitations(docId, 1)).toEqual([]);

    RegisterStore.open(db, clock).saveLaw(FOREIGNERS, index);
    expect(laws.compiled()).not.toBe(before);
    expect(laws.laws().map((law) => law.id)).toContain('KZ-94-V');
    expect(suggestedLaws(docId)).toEqual(['KZ-94-V:5']);
    // Every page is indexed again with the new register; then the page is found by the law's citation.
    expect(index.pendingCount()).toBe(1);
    while (index.indexPending(50) > 0);
    expect(index.pageCitations(docId, 1)).toEqual([expect.objectContaining({ law: 'KZ-94-V', article: '5' })]);
    expect(searched('статья 5 закона 94-V')).toEqual([docId]);

    // Control: a second register, read before the save and not told of it, still cites without the new
    // law — what search and tagging would do with registers of their own.
    expect(stale.laws().map((law) => law.id)).not.toContain('KZ-94-V');
    expect(new TagService(db, clock, stale).suggest(docId).filter((suggestion) => suggestion.kind === 'law')).toEqual([]);
  });
});
