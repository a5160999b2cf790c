import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/testDatabase';
import { migrate } from './index';

/**
 * 0015: pages read before angled text was looked for are read again as they print; pages not read, and
 * print readings that failed (they wait for the lawyer's "read again"), stay as they were.
 */
describe('0015: angled text', () => {
  it('puts every page whose print reading is done back in the print reader’s queue, and only those', () => {
    const db = testDatabase(14);
    db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('b1', 'application/pdf', 3, x'255044')").run();
    db.prepare(
      `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
       VALUES ('doc_1', 't', 'f.pdf', 'd1', 3, 'pdf', 'application/pdf', 1, 'eng', 'ready', 4, 'now', 'now')`,
    ).run();
    const page = db.prepare('INSERT INTO pages (document_id, page, status, source, print_status, print_words) VALUES (?, ?, ?, ?, ?, ?)');
    page.run('doc_1', 1, 'done', 'text-layer', 'done', '[]');
    page.run('doc_1', 2, 'done', 'ocr', 'done', null);
    page.run('doc_1', 3, 'done', 'text-layer', 'failed', null);
    page.run('doc_1', 4, 'pending', null, null, null);
    const states = () => db.prepare('SELECT page, status, print_status FROM pages ORDER BY page').all();
    expect(states()).toEqual([
      { page: 1, status: 'done', print_status: 'done' },
      { page: 2, status: 'done', print_status: 'done' },
      { page: 3, status: 'done', print_status: 'failed' },
      { page: 4, status: 'pending', print_status: null },
    ]);
    expect(migrate(db, 15)).toBe(15);
    expect(states()).toEqual([
      { page: 1, status: 'done', print_status: 'pending' },
      { page: 2, status: 'done', print_status: 'pending' },
      { page: 3, status: 'done', print_status: 'failed' },
      { page: 4, status: 'pending', print_status: null },
    ]);
  });
});
