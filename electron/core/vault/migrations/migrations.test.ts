import Database from 'better-sqlite3-multiple-ciphers';
import frozenSeed from './0005-seed-laws.json';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../audit/auditLog';
import { DalelFailure } from '../../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion } from './index';
import { testIndex } from '../../testing/testIndex';

/** Each migration is tested as an upgrade from the schema before it, with data in place. */
describe('migrations', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates the metadata and audit tables on an empty database', () => {
    const db = new Database(':memory:');
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, 1)).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
    expect(tables).toEqual(['audit_log', 'vault_meta']);
    appendAudit(db, { action: 'vault.created' });
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('0002 keeps existing audit entries and makes the log append-only', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    appendAudit(db, { action: 'vault.created' });
    appendAudit(db, { action: 'document.imported', subject: 'doc-1', details: { pages: 2 } });
    db.prepare("UPDATE audit_log SET at = at WHERE seq = 1").run(); // allowed before 0002

    expect(migrate(db, 2)).toBe(2);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 2 });
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    appendAudit(db, { action: 'vault.locked' });
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 3 });
  });

  it('0003 adds documents, pages and blobs beside the existing audit log, with foreign keys enforced', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 2);
    appendAudit(db, { action: 'vault.created' });

    expect(migrate(db, 3)).toBe(3);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_abcdef', 't', 'f.jpg', 'ab', 3, 'jpeg', 'image/jpeg', ?, 'rus+kaz+eng', 'processing', 1, 'now', 'now')`,
    ).run(blob.lastInsertRowid);
    db.prepare("INSERT INTO pages (document_id, page, status) VALUES ('doc_abcdef', 1, 'pending')").run();
    expect(() => db.prepare("INSERT INTO pages (document_id, page, status) VALUES ('doc_missing', 1, 'pending')").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() =>
      db.prepare("UPDATE documents SET status = 'half-done' WHERE id = 'doc_abcdef'").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at) VALUES ('doc_x', 't', 'f', 'ab', 3, 'jpeg', 'image/jpeg', 1, 'eng', 'ready', 1, 'n', 'n')").run()).toThrow(/UNIQUE/);
  });

  it('0004 adds the search index; deleting a document removes its index rows and their terms', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 3);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_abcdef', 't', 'f.jpg', 'ab', 3, 'jpeg', 'image/jpeg', ?, 'rus+kaz+eng', 'ready', 1, 'now', 'now')`,
    ).run(blob.lastInsertRowid);
    db.prepare("INSERT INTO pages (document_id, page, status, text) VALUES ('doc_abcdef', 1, 'done', 'Айгерим')").run();

    expect(migrate(db, 4)).toBe(4);
    const row = db.prepare("INSERT INTO search_pages (document_id, page, analyzer) VALUES ('doc_abcdef', 1, 1)").run();
    db.prepare("INSERT INTO search_fts (rowid, exact, stem, key, tags) VALUES (?, 'айгерим', 'айгерим', 'aigerim', '')").run(row.lastInsertRowid);
    const find = () => db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH 'key:aigerim'").all();
    const terms = () => db.prepare("SELECT count(*) AS n FROM search_vocab WHERE term = 'aigerim'").get() as { n: number };
    expect(find()).toHaveLength(1);
    expect(terms().n).toBe(1);

    db.prepare("DELETE FROM documents WHERE id = 'doc_abcdef'").run();
    expect(db.prepare('SELECT count(*) AS n FROM search_pages').get()).toEqual({ n: 0 });
    expect(find()).toHaveLength(0);
    expect(terms().n).toBe(0);
  });

  it('0005 adds persons, laws, cases, suggestions, tags and deadlines; deleting a document removes its tags', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_abcdef', 't', 'f.jpg', 'ab', 3, 'jpeg', 'image/jpeg', ?, 'rus', 'ready', 1, 'now', 'now')`,
    ).run(blob.lastInsertRowid);

    expect(migrate(db, 5)).toBe(5);
    db.prepare("INSERT INTO persons (id, name, role, created_at, updated_at) VALUES ('p1', 'Aigerim Dauletkyzy', 'client', 'now', 'now')").run();
    expect(() => db.prepare("INSERT INTO persons (id, name, role, created_at, updated_at) VALUES ('p2', 'X', 'judge', 'now', 'now')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO tags (document_id, kind, value, person_id, source, actor, created_at) VALUES ('doc_abcdef', 'person', 'p1', 'p1', 'manual', 'lawyer', 'now')").run();
    expect(() =>
      db.prepare("INSERT INTO tags (document_id, kind, value, person_id, source, actor, created_at) VALUES ('doc_abcdef', 'person', 'p1', 'p1', 'manual', 'lawyer', 'now')").run(),
    ).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM documents WHERE id = 'doc_abcdef'").run();
    expect(db.prepare('SELECT count(*) AS n FROM tags').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 1 });
    // The seed is the frozen copy beside the migration, quotes and all, whatever the live seed says now.
    const laws = db.prepare('SELECT id, number, title_ru, aliases FROM laws ORDER BY rowid').all() as Array<{ id: string; number: string; title_ru: string; aliases: string }>;
    expect(laws.map((law) => law.id)).toEqual(frozenSeed.map((law) => law.id));
    expect(laws.map((law) => law.title_ru)).toEqual(frozenSeed.map((law) => law.title.ru));
    expect(laws.map((law) => JSON.parse(law.aliases))).toEqual(frozenSeed.map((law) => law.aliases));
  });

  it('0006 indexes the pages with text to index, so the pending count reads no page text', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 5);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_abcdef', 't', 'f.jpg', 'ab', 3, 'jpeg', 'image/jpeg', ?, 'rus', 'processing', 3, 'now', 'now')`,
    ).run(blob.lastInsertRowid);
    db.prepare("INSERT INTO pages (document_id, page, status, text) VALUES ('doc_abcdef', 1, 'done', 'Айгерим'), ('doc_abcdef', 2, 'pending', NULL), ('doc_abcdef', 3, 'done', 'Даулеткызы')").run();

    expect(migrate(db, 6)).toBe(6);
    expect(testIndex(db).pendingCount()).toBe(2);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM pages p LEFT JOIN search_pages s ON s.document_id = p.document_id AND s.page = p.page
        WHERE p.status = 'done' AND p.text IS NOT NULL AND (s.id IS NULL OR s.analyzer <> 0)`)
      .all() as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail)).toContain('SCAN p USING INDEX pages_indexable');
    db.prepare("UPDATE pages SET status = 'done', text = 'Жумабеков' WHERE page = 2").run();
    expect(testIndex(db).pendingCount()).toBe(3);
  });

  it('0007 adds bundles, their exports and translations; deleting a document removes its translation links', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 6);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    const insertDoc = db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES (?, 't', 'f.jpg', ?, 3, 'jpeg', 'image/jpeg', ?, 'rus', 'ready', 1, 'now', 'now')`,
    );
    insertDoc.run('doc_original', 'ab', blob.lastInsertRowid);
    insertDoc.run('doc_translation', 'cd', blob.lastInsertRowid);
    appendAudit(db, { action: 'document.imported', subject: 'doc_original' });

    expect(migrate(db, 7)).toBe(7);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    db.prepare("INSERT INTO bundles (id, title, definition, created_at, updated_at) VALUES ('bnd_abcdef', 'Appeal', '{}', 'now', 'now')").run();
    expect(() => db.prepare("INSERT INTO bundles (id, title, definition, created_at, updated_at) VALUES ('bnd_x', 'A', 'not json', 'now', 'now')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO bundle_exports (bundle_id, at, sha256, pages, documents) VALUES ('bnd_abcdef', 'now', 'ff', 12, 2)").run();
    db.prepare("INSERT INTO document_translations (translation_id, original_id, created_at) VALUES ('doc_translation', 'doc_original', 'now')").run();
    expect(() =>
      db.prepare("INSERT INTO document_translations (translation_id, original_id, created_at) VALUES ('doc_original', 'doc_original', 'now')").run(),
    ).toThrow(/CHECK/);
    db.prepare("DELETE FROM documents WHERE id = 'doc_original'").run();
    expect(db.prepare('SELECT count(*) AS n FROM document_translations').get()).toEqual({ n: 0 });
    // The record of what left the office outlives the definition.
    db.prepare("DELETE FROM bundles WHERE id = 'bnd_abcdef'").run();
    expect(db.prepare('SELECT count(*) AS n FROM bundle_exports').get()).toEqual({ n: 1 });
  });

  it('0008 gives every page its print reading: done for image files, pending for PDF pages, none for unread pages', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 7);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    const insertDoc = db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES (?, 't', 'f', ?, 3, ?, 'x', ?, 'rus', 'ready', 2, 'now', 'now')`,
    );
    insertDoc.run('doc_scan', 'ab', 'jpeg', blob.lastInsertRowid);
    insertDoc.run('doc_pdf', 'cd', 'pdf', blob.lastInsertRowid);
    const page = db.prepare("INSERT INTO pages (document_id, page, status, source, confidence, words) VALUES (?, ?, ?, ?, 88, '[]')");
    page.run('doc_scan', 1, 'done', 'ocr');
    page.run('doc_pdf', 1, 'done', 'text-layer');
    page.run('doc_pdf', 2, 'failed', null);
    appendAudit(db, { action: 'document.imported', subject: 'doc_pdf' });

    expect(migrate(db, 8)).toBe(8);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    const rows = db.prepare('SELECT document_id, page, print_status, print_confidence, rendered_for_print, flatten, overlays FROM pages ORDER BY document_id, page').all();
    expect(rows).toEqual([
      { document_id: 'doc_pdf', page: 1, print_status: 'pending', print_confidence: null, rendered_for_print: 0, flatten: 0, overlays: '[]' },
      { document_id: 'doc_pdf', page: 2, print_status: null, print_confidence: null, rendered_for_print: 0, flatten: 0, overlays: '[]' },
      { document_id: 'doc_scan', page: 1, print_status: 'done', print_confidence: 88, rendered_for_print: 1, flatten: 0, overlays: '[]' },
    ]);
    expect(() => db.prepare("UPDATE pages SET print_status = 'maybe' WHERE document_id = 'doc_pdf'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE pages SET overlays = 'not json' WHERE document_id = 'doc_pdf'").run()).toThrow(/CHECK/);
    // The background reader finds its work through the partial index, not by reading every page row.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT document_id, page FROM pages WHERE print_status = 'pending' ORDER BY document_id, page LIMIT 1").all() as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/pages_print_pending/);
  });

  it('0009 keeps every deadline, takes hearings and appeal windows with a time, and deletes by person or document through an index', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 8);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_1', 't', 'f', 'ab', 3, 'jpeg', 'x', ?, 'rus', 'ready', 1, 'now', 'now')`,
    ).run(blob.lastInsertRowid);
    db.prepare("INSERT INTO persons (id, name, role, created_at, updated_at) VALUES ('P1', 'A', 'client', 'now', 'now')").run();
    db.prepare("INSERT INTO deadlines (due, title, kind, person_id, document_id, created_at) VALUES ('2027-01-02', 'Valid until: t', 'validity', 'P1', 'doc_1', 'now')").run();
    db.prepare("INSERT INTO deadlines (due, title, kind, done, created_at) VALUES ('2026-12-24', 'Appeal', 'manual', 1, 'now')").run();
    appendAudit(db, { action: 'deadline.added' });

    expect(migrate(db, 9)).toBe(9);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    expect(db.prepare('SELECT id, due, time, title, kind, person_id, document_id, done FROM deadlines ORDER BY id').all()).toEqual([
      { id: 1, due: '2027-01-02', time: null, title: 'Valid until: t', kind: 'validity', person_id: 'P1', document_id: 'doc_1', done: 0 },
      { id: 2, due: '2026-12-24', time: null, title: 'Appeal', kind: 'manual', person_id: null, document_id: null, done: 1 },
    ]);
    db.prepare("INSERT INTO deadlines (due, time, title, kind, document_id, created_at) VALUES ('2027-02-10', '10:30', 't', 'hearing', 'doc_1', 'now')").run();
    expect(() => db.prepare("INSERT INTO deadlines (due, title, kind, created_at) VALUES ('2027-02-10', 't', 'party', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO deadlines (due, time, title, kind, created_at) VALUES ('2027-02-10', '10h', 't', 'hearing', 'now')").run()).toThrow(/CHECK/);
    for (const [column, index] of [['person_id', 'deadlines_person'], ['document_id', 'deadlines_document'], ['case_id', 'deadlines_case']]) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM deadlines WHERE ${column} = 'x'`).all() as Array<{ detail: string }>;
      expect(plan.map((row) => row.detail).join(' ')).toMatch(new RegExp(index!));
    }
    db.prepare("DELETE FROM documents WHERE id = 'doc_1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM deadlines').get()).toEqual({ n: 1 });
  });

  it('0010 gives every document empty notes, and refuses notes past 10,000 characters', () => {
    const db = new Database(':memory:');
    migrate(db, 9);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_1', 't', 'f', 'ab', 3, 'jpeg', 'x', ?, 'rus', 'ready', 1, 'now', 'now')`,
    ).run(blob.lastInsertRowid);
    expect(migrate(db, 10)).toBe(10);
    expect(db.prepare("SELECT notes FROM documents WHERE id = 'doc_1'").get()).toEqual({ notes: '' });
    db.prepare("UPDATE documents SET notes = 'сверить с оригиналом' WHERE id = 'doc_1'").run();
    expect(() => db.prepare("UPDATE documents SET notes = ? WHERE id = 'doc_1'").run('x'.repeat(10_001))).toThrow(/CHECK/);
  });

  it('0011 gives scanned pages the resolution OCR stored them at, and leaves text-layer and odd ones alone', () => {
    const db = new Database(':memory:');
    migrate(db, 10);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_1', 't', 'f', 'ab', 3, 'pdf', 'x', ?, 'rus', 'ready', 6, 'now', 'now')`,
    ).run(blob.lastInsertRowid);
    const pages: Array<[number, string, number | null]> = [
      [1, 'ocr', 300], // brought down to 200 for OCR
      [2, 'ocr', 600],
      [3, 'ocr', 150], // read as scanned
      [4, 'ocr', 72], // implausible: read as it came
      [5, 'text-layer', 300], // rendered at 300 and kept so
      [6, 'ocr', null],
    ];
    for (const [page, source, dpi] of pages) {
      db.prepare("INSERT INTO pages (document_id, page, status, source, dpi) VALUES ('doc_1', ?, 'done', ?, ?)").run(page, source, dpi);
    }
    expect(migrate(db, 11)).toBe(11);
    expect(db.prepare("SELECT page, dpi FROM pages WHERE document_id = 'doc_1' ORDER BY page").all()).toEqual([
      { page: 1, dpi: 200 },
      { page: 2, dpi: 200 },
      { page: 3, dpi: 150 },
      { page: 4, dpi: 72 },
      { page: 5, dpi: 300 },
      { page: 6, dpi: null },
    ]);
  });

  it('0012 keeps the document title of a validity deadline and drops the English around it; typed-in deadlines keep their words', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 11);
    const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_1', 'Удостоверение беженца', 'f', 'ab', 3, 'jpeg', 'x', ?, 'rus', 'ready', 1, 'now', 'now')`,
    ).run(blob.lastInsertRowid);
    const insert = db.prepare('INSERT INTO deadlines (due, title, kind, document_id, created_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('2027-06-03', 'Valid until: Удостоверение беженца', 'validity', 'doc_1', 'now');
    insert.run('2027-06-04', 'Valid until: Valid until: renamed twice', 'validity', 'doc_1', 'now');
    insert.run('2027-06-05', 'Valid until: prolong the certificate', 'manual', null, 'now');
    insert.run('2027-06-06', 'Отказ МВД', 'hearing', 'doc_1', 'now');
    appendAudit(db, { action: 'deadline.added' });

    expect(migrate(db, 12)).toBe(12);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    expect(db.prepare('SELECT title, kind FROM deadlines ORDER BY id').all()).toEqual([
      { title: 'Удостоверение беженца', kind: 'validity' },
      // only the prefix Dalel wrote is taken off: a document titled so keeps its title
      { title: 'Valid until: renamed twice', kind: 'validity' },
      { title: 'Valid until: prolong the certificate', kind: 'manual' },
      { title: 'Отказ МВД', kind: 'hearing' },
    ]);
  });

  it('0013 lets a document keep a reading copy beside its original; documents stored before keep theirs alone', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 12);
    const original = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'application/pdf', 3, x'255044')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_1', 't', 'f.pdf', 'ab', 3, 'pdf', 'application/pdf', ?, 'rus', 'ready', 1, 'now', 'now')`,
    ).run(original.lastInsertRowid);
    appendAudit(db, { action: 'document.imported', subject: 'doc_1' });

    expect(migrate(db, 13)).toBe(13);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    expect(db.prepare("SELECT original_blob, reading_blob FROM documents WHERE id = 'doc_1'").get()).toEqual({ original_blob: Number(original.lastInsertRowid), reading_blob: null });
    const copy = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('cd', 'application/pdf', 3, x'255044')").run();
    db.prepare("UPDATE documents SET reading_blob = ? WHERE id = 'doc_1'").run(copy.lastInsertRowid);
    expect(() => db.prepare("UPDATE documents SET reading_blob = 999 WHERE id = 'doc_1'").run()).toThrow(/FOREIGN KEY/);
  });

  it('is idempotent on an up-to-date database', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses a database from a newer Dalel instead of guessing', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(DalelFailure);
  });
});
