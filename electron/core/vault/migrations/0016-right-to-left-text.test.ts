import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/testDatabase';
import { migrate } from './index';

/**
 * 0016: text-layer pages holding Arabic-script text, as presentation forms (ﺟﺎﻧﺎﺭ) or letters, are read
 * again; pages in other scripts, scans (their OCR reads Arabic script in reading order) and pages not
 * read stay as they were.
 */
describe('0016: right-to-left text', () => {
  it('puts text-layer pages with Arabic script back in the import queue, their documents processing, and only those', () => {
    const db = testDatabase(15);
    db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('b1', 'application/pdf', 3, x'255044')").run();
    const doc = db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES (?, 't', 'f.pdf', ?, 3, 'pdf', 'application/pdf', 1, 'eng', 'ready', 2, 'now', 'now')`,
    );
    doc.run('doc_ug', 'd1');
    doc.run('doc_en', 'd2');
    const page = db.prepare('INSERT INTO pages (document_id, page, status, source, text) VALUES (?, ?, ?, ?, ?)');
    page.run('doc_ug', 1, 'done', 'text-layer', 'Letter of the Migration Service\nۇ.ﺪﯨرۇﺗ اﺪﯩﻠﯩﺋ رﺎﻧﺎﺟ');
    page.run('doc_ug', 2, 'done', 'text-layer', 'Ref. 12: جانار');
    page.run('doc_ug', 3, 'done', 'ocr', 'ئانىسى جانار');
    page.run('doc_ug', 4, 'done', 'text-layer', 'Жанар Төлеубекқызы, 加娜尔');
    page.run('doc_en', 1, 'done', 'text-layer', 'Letter of the Migration Service');
    page.run('doc_en', 2, 'pending', null, null);
    const states = () => db.prepare('SELECT document_id AS doc, page, status FROM pages ORDER BY document_id, page').all();
    const before = states();
    expect(migrate(db, 16)).toBe(16);
    expect(states()).toEqual(before.map((row) => ((row as { doc: string; page: number }).doc === 'doc_ug' && [1, 2].includes((row as { page: number }).page) ? { ...(row as object), status: 'pending' } : row)));
    expect(db.prepare('SELECT id, status FROM documents ORDER BY id').all()).toEqual([
      { id: 'doc_en', status: 'ready' },
      { id: 'doc_ug', status: 'processing' },
    ]);
  });
});
