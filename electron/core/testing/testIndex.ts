import type { Database } from 'better-sqlite3-multiple-ciphers';
import { SearchIndex } from '../search/searchIndex';
import { LawRegister } from '../tagging/lawRegister';

const indexes = new WeakMap<Database, SearchIndex>();

/**
 * The one SearchIndex of a test's database that no Vault owns (an in-memory database migrated by the
 * test): what Vault.searchIndex is for a vault, so that the test's pages and its searches share one
 * index, as the app's do.
 */
export function testIndex(db: Database): SearchIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new SearchIndex(db, new LawRegister(db))));
  return index;
}
