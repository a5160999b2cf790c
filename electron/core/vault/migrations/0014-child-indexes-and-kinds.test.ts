import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { RELATION_TYPES, SUGGESTION_KINDS } from '../../../../shared/domain/tagging';
import { appendAudit, verifyAudit } from '../../audit/auditLog';
import { failureOf, hashFolder, tempDir, TEST_KDF } from '../../testing/fixtures';
import { createVault, unlockVault } from '../vault';
import { STRAY_VALUES_KEY } from './0014-child-indexes-and-kinds';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './index';

type Db = InstanceType<typeof Database>;

/** A vault at version 13 with rows in every table 0014 touches, and in those that point at them. */
function vaultAt13(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 13);
  const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES (?, 'image/jpeg', 3, x'ffd8ff')");
  for (const sha of ['b1', 'b2', 'b3', 'b4', 'b5']) blob.run(sha);
  const doc = db.prepare(
    `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, reading_blob, languages, status, page_count, imported_at, updated_at)
     VALUES (?, 't', 'f.pdf', ?, 3, 'pdf', 'application/pdf', ?, ?, 'rus', 'ready', 1, 'now', 'now')`,
  );
  doc.run('doc_1', 'd1', 1, 2);
  doc.run('doc_2', 'd2', 3, null);
  db.prepare("INSERT INTO pages (document_id, page, status, text, image_blob, thumb_blob) VALUES ('doc_1', 1, 'done', 'Айгерим', 4, 5)").run();
  const person = db.prepare("INSERT INTO persons (id, name, role, created_at, updated_at) VALUES (?, ?, 'client', 'now', 'now')");
  person.run('P1', 'Aigerim');
  person.run('P2', 'Dauletkyzy');
  person.run('P3', 'Serik');
  db.prepare("INSERT INTO person_relations (subject, type, object) VALUES ('P2', 'mother-of', 'P1'), ('P3', 'brother-of', 'P1')").run();
  db.prepare("INSERT INTO cases (id, title, created_at) VALUES ('C1', 'Citizenship', 'now'), ('C2', 'Residence', 'now')").run();
  db.prepare("INSERT INTO case_persons (case_id, person_id) VALUES ('C1', 'P1'), ('C2', 'P1'), ('C2', 'P2')").run();
  db.prepare("INSERT INTO case_documents (case_id, document_id) VALUES ('C1', 'doc_1'), ('C2', 'doc_1'), ('C2', 'doc_2')").run();
  const suggestion = db.prepare("INSERT INTO suggestions (document_id, kind, value, confidence, status, created_at) VALUES (?, ?, ?, 0.9, ?, 'now')");
  suggestion.run('doc_1', 'person', 'P1', 'accepted');
  suggestion.run('doc_1', 'deadline', 'hearing:2027-02-10', 'accepted');
  suggestion.run('doc_2', 'type', 'refusal', 'open');
  db.prepare("INSERT INTO tags (document_id, kind, value, person_id, source, suggestion_id, actor, created_at) VALUES ('doc_1', 'person', 'P1', 'P1', 'suggested', 1, 'lawyer', 'now')").run();
  db.prepare("INSERT INTO tags (document_id, kind, value, source, actor, created_at) VALUES ('doc_2', 'type', 'refusal', 'manual', 'lawyer', 'now')").run();
  db.prepare("INSERT INTO deadlines (due, time, title, kind, document_id, suggestion_id, created_at) VALUES ('2027-02-10', '10:30', 't', 'hearing', 'doc_1', 2, 'now')").run();
  appendAudit(db, { action: 'document.imported', subject: 'doc_1' });
  return db;
}

const TOUCHED = ['blobs', 'documents', 'pages', 'persons', 'person_relations', 'cases', 'case_persons', 'case_documents', 'suggestions', 'tags', 'deadlines', 'vault_meta', 'audit_log'];

function rowsOf(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TOUCHED.map((table) => [table, db.prepare(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`).all()]));
}

interface ForeignKey {
  table: string;
  column: string;
}

/** Every foreign key of every table, from SQLite's own catalogue (not from a list kept by hand). */
function foreignKeys(db: Db): ForeignKey[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return tables.flatMap((table) =>
    (db.prepare('SELECT "from" FROM pragma_foreign_key_list(?)').pluck().all(table) as string[]).map((column) => ({ table, column })),
  );
}

/** The foreign keys no index leads with: looking up a parent's children scans the child table. */
function unindexed(db: Db): string[] {
  return foreignKeys(db)
    .filter(({ table, column }) => {
      const indexes = db.prepare('SELECT name FROM pragma_index_list(?)').pluck().all(table) as string[];
      return !indexes.some((index) => db.prepare('SELECT name FROM pragma_index_info(?) WHERE seqno = 0').pluck().get(index) === column);
    })
    .map(({ table, column }) => `${table}.${column}`)
    .sort();
}

/** The plan of a child lookup, as SQLite makes one when a parent row is deleted. */
function childLookupPlan(db: Db, { table, column }: ForeignKey): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM ${table} WHERE ${column} = ?`).all('x') as Array<{ detail: string }>;
  return rows.map((row) => row.detail).join(' | ');
}

const NEW_INDEXES: Array<[string, string, string]> = [
  ['case_documents', 'document_id', 'case_documents_document'],
  ['case_persons', 'person_id', 'case_persons_person'],
  ['person_relations', 'object', 'person_relations_object'],
  ['tags', 'suggestion_id', 'tags_suggestion'],
  ['pages', 'image_blob', 'pages_image_blob'],
  ['pages', 'thumb_blob', 'pages_thumb_blob'],
  ['documents', 'original_blob', 'documents_original_blob'],
  ['documents', 'reading_blob', 'documents_reading_blob'],
];

describe('0014: indexes for every foreign key, and the kinds of suggestion and relation checked', () => {
  it('keeps every row, rowid and audit entry of a vault at 13', () => {
    const db = vaultAt13();
    const before = rowsOf(db);
    expect(migrate(db, 14)).toBe(14);
    expect(rowsOf(db)).toEqual(before);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves no foreign key without an index; each child lookup searches an index (control: at 13 these scanned)', () => {
    const db = vaultAt13();
    expect(unindexed(db)).toEqual(NEW_INDEXES.map(([table, column]) => `${table}.${column}`).sort());
    for (const [table, column] of NEW_INDEXES) expect(childLookupPlan(db, { table, column })).toMatch(new RegExp(`^SCAN ${table}\\b`));

    migrate(db, 14);
    expect(unindexed(db)).toEqual([]);
    for (const [table, column, index] of NEW_INDEXES) {
      expect(childLookupPlan(db, { table, column })).toMatch(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX ${index} \\(${column}=\\?\\)`));
    }
    // Every foreign key, the partial tags_person and tags_law included: no child lookup scans.
    for (const key of foreignKeys(db)) expect(childLookupPlan(db, key), `${key.table}.${key.column}`).toMatch(/^SEARCH /);
  });

  it('deletes and unlinks children as before', () => {
    const db = vaultAt13();
    migrate(db, 14);
    db.prepare("DELETE FROM persons WHERE id = 'P1'").run();
    expect(db.prepare('SELECT subject, object FROM person_relations').all()).toEqual([]);
    expect(db.prepare('SELECT case_id, person_id FROM case_persons').all()).toEqual([{ case_id: 'C2', person_id: 'P2' }]);
    db.prepare('DELETE FROM suggestions WHERE id = 1').run();
    expect(db.prepare("SELECT suggestion_id FROM tags WHERE document_id = 'doc_1'").all()).toEqual([]); // the tag went with P1
    db.prepare('DELETE FROM suggestions WHERE id = 2').run();
    expect(db.prepare('SELECT suggestion_id FROM deadlines').all()).toEqual([{ suggestion_id: null }]);
    expect(() => db.prepare('DELETE FROM blobs WHERE id = 4').run()).toThrow(/FOREIGN KEY/); // a page still shows it
    db.prepare("DELETE FROM documents WHERE id = 'doc_1'").run();
    expect(db.prepare('SELECT case_id, document_id FROM case_documents').all()).toEqual([{ case_id: 'C2', document_id: 'doc_2' }]);
    db.prepare('DELETE FROM blobs WHERE id IN (1, 2, 4, 5)').run();
    expect(db.prepare('SELECT id FROM blobs').pluck().all()).toEqual([3]);
  });

  it('refuses a suggestion kind or relation type Dalel does not write (control: 13 took them)', () => {
    const db = vaultAt13();
    const badSuggestion = () => db.prepare("INSERT INTO suggestions (document_id, kind, value, confidence, created_at) VALUES ('doc_2', 'hearing', 'x', 0.5, 'now')").run();
    const badRelation = () => db.prepare("INSERT OR IGNORE INTO person_relations (subject, type, object) VALUES ('P3', 'uncle-of', 'P2')").run();
    expect(badSuggestion().changes).toBe(1);
    expect(badRelation().changes).toBe(1);
    db.exec("DELETE FROM suggestions WHERE kind = 'hearing'; DELETE FROM person_relations WHERE type = 'uncle-of'");

    migrate(db, 14);
    expect(badSuggestion).toThrow(/suggestions.kind is not a kind of suggestion/);
    // INSERT OR IGNORE, as relations are added: refused aloud, not skipped as a CHECK would be
    expect(badRelation).toThrow(/person_relations.type is not a relation type/);
    expect(() => db.prepare("UPDATE suggestions SET kind = 'Person' WHERE id = 3").run()).toThrow(/not a kind of suggestion/);
    expect(() => db.prepare("UPDATE person_relations SET type = 'aunt-of' WHERE subject = 'P2'").run()).toThrow(/not a relation type/);
    expect(db.prepare("SELECT count(*) FROM suggestions WHERE kind IN ('hearing', 'Person')").pluck().get()).toBe(0);

    // Every kind and type the code writes today is taken (fails when one is added without a migration).
    for (const kind of SUGGESTION_KINDS) db.prepare("INSERT INTO suggestions (document_id, kind, confidence, created_at) VALUES ('doc_2', ?, 0.5, 'now')").run(kind);
    for (const type of RELATION_TYPES) db.prepare("INSERT INTO person_relations (subject, type, object) VALUES ('P3', ?, 'P2')").run(type);
  });

  it('keeps rows that already broke the rules, lists them in vault_meta, and lets them be decided and deleted', () => {
    const db = vaultAt13();
    db.prepare("INSERT INTO suggestions (document_id, kind, value, confidence, created_at) VALUES ('doc_2', 'hearing', 'x', 0.5, 'now')").run();
    db.prepare("INSERT INTO person_relations (subject, type, object) VALUES ('P3', 'uncle-of', 'P2')").run();
    const before = rowsOf(db);

    expect(migrate(db, 14)).toBe(14);
    expect({ ...rowsOf(db), vault_meta: before.vault_meta }).toEqual(before);
    const stray = db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(STRAY_VALUES_KEY) as string;
    expect(JSON.parse(stray)).toEqual({ suggestions: [{ id: 4, kind: 'hearing' }], relations: [{ subject: 'P3', type: 'uncle-of', object: 'P2' }] });
    db.prepare("UPDATE suggestions SET status = 'rejected', decided_at = 'now' WHERE id = 4").run();
    db.prepare('DELETE FROM suggestions WHERE id = 4').run();
    db.prepare("DELETE FROM person_relations WHERE type = 'uncle-of'").run();
  });

  it('writes no list when nothing broke the rules', () => {
    const db = vaultAt13();
    migrate(db, 14);
    expect(db.prepare('SELECT count(*) FROM vault_meta WHERE key = ?').pluck().get(STRAY_VALUES_KEY)).toBe(0);
  });

  it('runs the whole chain 0 → latest on an empty database with foreign keys on', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(14);
    expect(unindexed(db)).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a new encrypted vault is at the latest version; one at 13 opens read-only only after an update, and the update is made on a writable unlock', async () => {
    const dir = tempDir();
    try {
      const { vault } = await createVault(dir.path, 'a passphrase for migration 14', { kdf: TEST_KDF });
      expect(schemaVersion(vault.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(unindexed(vault.db)).toEqual([]);
      // Put the vault back at 13: what 0014 made, undone.
      vault.db.exec(`
        ${NEW_INDEXES.map(([, , index]) => `DROP INDEX ${index};`).join('\n')}
        DROP TRIGGER suggestions_kind_insert; DROP TRIGGER suggestions_kind_update;
        DROP TRIGGER person_relations_type_insert; DROP TRIGGER person_relations_type_update;
        PRAGMA user_version = 13;
      `);
      vault.lock();

      const before = hashFolder(dir.path);
      const refused = await failureOf(unlockVault(dir.path, { passphrase: 'a passphrase for migration 14' }, { kdf: TEST_KDF, readOnly: true }));
      expect(refused.code).toBe('read-only');
      expect(hashFolder(dir.path)).toEqual(before);

      const updated = await unlockVault(dir.path, { passphrase: 'a passphrase for migration 14' }, { kdf: TEST_KDF });
      expect(schemaVersion(updated.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(unindexed(updated.db)).toEqual([]);
      updated.lock();
      const reader = await unlockVault(dir.path, { passphrase: 'a passphrase for migration 14' }, { kdf: TEST_KDF, readOnly: true });
      expect(schemaVersion(reader.db)).toBe(LATEST_SCHEMA_VERSION);
      reader.lock();
    } finally {
      dir.remove();
    }
  });
});
