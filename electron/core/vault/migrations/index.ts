import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DalelFailure } from '../../errors';
import m0001 from './0001-initial';
import m0002 from './0002-append-only-audit';
import m0003 from './0003-documents';
import m0004 from './0004-search';
import m0005 from './0005-tagging';
import m0006 from './0006-search-speed';
import m0007 from './0007-bundles';
import m0008 from './0008-print-readings';
import m0009 from './0009-deadline-events';
import m0010 from './0010-document-notes';
import m0011 from './0011-page-resolution';
import m0012 from './0012-deadline-titles';
import m0013 from './0013-reading-copies';
import m0014 from './0014-child-indexes-and-kinds';
import m0015 from './0015-angled-text';
import m0016 from './0016-right-to-left-text';
import m0017 from './0017-broken-rows';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data the migration inserts, with prepared statements, after its SQL (in the same transaction). */
  run?: (db: Database) => void;
}

/** Numbered migrations in order. Each one has an upgrade test from the schema before it. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015, m0016, m0017];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the schema up to `target` (default: latest). Each migration runs in its own transaction with
 * its `user_version` bump, so a crash leaves the vault at a whole version.
 */
export function migrate(db: Database, target: number = LATEST_SCHEMA_VERSION): number {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new DalelFailure(
      'corrupt-vault',
      `This vault was last opened by a newer version of Dalel (schema ${current}). Update Dalel to open it.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
