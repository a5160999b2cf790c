import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../vault/migrations';

/**
 * A vault's schema in memory, for tests of what sits on the database (stores, services, search): foreign
 * keys on as a vault has them, migrated to the latest version (or to `version`, for a migration's own
 * test). Not encrypted: tests of the vault itself make a real one (vault/vault.ts).
 */
export function testDatabase(version?: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}
