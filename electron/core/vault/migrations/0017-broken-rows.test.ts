import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/testDatabase';
import { migrate } from './index';

/** 0017: pages OCR read that hold Chinese are read again; text-layer pages, other scripts and pages not read stay. */
describe('0017: broken rows', () => {
  it('puts OCR pages with Chinese back in the import queue, their documents processing, and only those', () => {
    const db = testDatabase(16);
    db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('b1', 'image/jpeg', 3, x'ffd8ff')").run();
    const doc = db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES (?, 't', 'f', ?, 3, 'pdf', 'application/pdf', 1, 'chi_sim', 'ready', 2, 'now', 'now')`,
    );
    doc.run('doc_zh', 'd1');
    doc.run('doc_ru', 'd2');
    const page = db.prepare('INSERT INTO pages (document_id, page, status, source, text) VALUES (?, ?, ?, ?, ?)');
    page.run('doc_zh', 1, 'done', 'ocr', '传唤通知书\n叶尔\n赛里克:');
    page.run('doc_zh', 2, 'done', 'text-layer', '叶尔兰·赛里克');
    page.run('doc_zh', 3, 'done', 'ocr', 'Letter of the Migration Service');
    page.run('doc_ru', 1, 'done', 'ocr', 'Письмо Миграционной службы');
    page.run('doc_ru', 2, 'pending', null, null);
    const states = () => db.prepare('SELECT document_id AS doc, page, status FROM pages ORDER BY document_id, page').all() as Array<{ doc: string; page: number; status: string }>;
    const before = states();
    expect(migrate(db, 17)).toBe(17);
    expect(states()).toEqual(before.map((row) => (row.doc === 'doc_zh' && row.page === 1 ? { ...row, status: 'pending' } : row)));
    expect(db.prepare('SELECT id, status FROM documents ORDER BY id').all()).toEqual([
      { id: 'doc_ru', status: 'ready' },
      { id: 'doc_zh', status: 'processing' },
    ]);
  });

  it('reads scans and pages holding a machine-readable zone as they print again, and only those', () => {
    const db = testDatabase(16);
    db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('b1', 'image/jpeg', 3, x'ffd8ff')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_p', 't', 'f', 'd1', 3, 'pdf', 'application/pdf', 1, 'eng', 'ready', 3, 'now', 'now')`,
    ).run();
    const page = db.prepare("INSERT INTO pages (document_id, page, status, source, text, print_status) VALUES ('doc_p', ?, 'done', ?, ?, 'done')");
    page.run(1, 'text-layer', 'ТӨЛҚҰЖАТ\nP<KAZABILKASSYMOVA<<SALTANAT<<<<<<<<');
    page.run(2, 'text-layer', 'Letter of 12.03.2021 < 13.03.2021');
    page.run(3, 'ocr', 'САЛТАНАТ / 5АГТАМАТ');
    expect(migrate(db, 17)).toBe(17);
    expect(db.prepare('SELECT page, status, print_status AS print FROM pages ORDER BY page').all()).toEqual([
      { page: 1, status: 'done', print: 'pending' },
      { page: 2, status: 'done', print: 'done' },
      { page: 3, status: 'done', print: 'pending' },
    ]);
  });
});
