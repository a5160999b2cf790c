import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore } from './documentStore';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';

const NOW = new Date('2026-11-28T10:00:00Z');
const page = (text: string) => ({
  source: 'ocr' as const,
  text,
  words: [{ text, bbox: [1, 2, 30, 12] as [number, number, number, number], conf: 91 }],
  confidence: 91,
  width: 1654,
  height: 2339,
  dpi: 200,
  rotation: 90,
  skew: -1.5,
  image: { data: Uint8Array.of(1, 2, 3), mime: 'image/jpeg' },
  thumb: { data: Uint8Array.of(4, 5), mime: 'image/jpeg' },
});

describe('document store', () => {
  let db: Database.Database;
  let store: DocumentStore;
  beforeEach(() => {
    db = testDatabase();
    store = new DocumentStore(db);
  });

  function insert(pageCount = 2) {
    return store.insert({
      fileName: 'Дәулетқызы бас тарту.jpg',
      title: 'Дәулетқызы бас тарту',
      kind: 'jpeg',
      mime: 'image/jpeg',
      pageCount,
      warnings: ['extension-mismatch'],
      languages: ['kaz', 'rus'],
      original: Buffer.from('original bytes'),
      now: NOW,
    });
  }

  it('stores the original byte for byte with its SHA-256 and every page pending', () => {
    const { id, sha256 } = insert();
    expect(sha256).toBe(createHash('sha256').update('original bytes').digest('hex'));
    expect(store.findIdBySha(sha256)).toBe(id);
    expect(store.original(id)?.data.toString()).toBe('original bytes');
    expect(store.get(id)).toMatchObject({ status: 'processing', pageCount: 2, pagesDone: 0, languages: ['kaz', 'rus'], warnings: ['extension-mismatch'] });
    expect(store.pendingPages(10)).toEqual([
      { documentId: id, page: 1 },
      { documentId: id, page: 2 },
    ]);
  });

  it('is ready only when no page is pending, and failed only when no page could be read', () => {
    const { id } = insert();
    store.savePage(id, 1, page('Article 49'), testIndex(db));
    expect(store.settle(id, NOW)).toBeNull();
    expect(store.get(id)?.status).toBe('processing');
    store.failPage(id, 2, 'ocr-failed', 'The page could not be read.');
    expect(store.settle(id, NOW)).toBe('ready');
    expect(store.get(id)).toMatchObject({ status: 'ready', pagesDone: 1, pagesFailed: 1 });
    expect(store.pages(id)[0]).toMatchObject({ text: 'Article 49', rotation: 90, skew: -1.5, words: [{ text: 'Article 49' }] });
    expect(store.pages(id)[1]).toMatchObject({ status: 'failed', errorCode: 'ocr-failed' });
  });

  it('re-running OCR puts pages back in the queue and replaces their images without leaking blobs', () => {
    const { id } = insert(1);
    store.savePage(id, 1, page('first'), testIndex(db));
    store.settle(id, NOW);
    const blobsBefore = (db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n;
    expect(store.requeueForOcr(id, ['eng'], NOW)).toBe(1);
    expect(store.get(id)).toMatchObject({ status: 'processing', languages: ['eng'] });
    store.savePage(id, 1, page('second'), testIndex(db));
    store.settle(id, NOW);
    expect(store.pages(id)[0]?.text).toBe('second');
    expect((db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(blobsBefore);
  });

  it('deleting a document removes its pages and every blob', () => {
    const { id } = insert(1);
    store.savePage(id, 1, page('x'), testIndex(db));
    expect(store.delete(id)).toBe(true);
    expect(store.get(id)).toBeNull();
    expect((db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n).toBe(0);
  });

  it('lists the library narrowed by the case register: person, law, type, case, document date', () => {
    const a = insert(1).id;
    const b = store.insert({ fileName: 'b.jpg', title: 'b', kind: 'jpeg', mime: 'image/jpeg', pageCount: 1, warnings: [], languages: ['eng'], original: Buffer.from('b'), now: NOW }).id;
    db.prepare("INSERT INTO persons (id, name, role, created_at, updated_at) VALUES ('P1', 'Aigerim', 'client', 'now', 'now')").run();
    const tag = db.prepare("INSERT INTO tags (document_id, kind, value, person_id, law_id, article, source, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, 'manual', 't', 'now')");
    tag.run(a, 'person', 'P1', 'P1', null, null);
    tag.run(b, 'law', 'KZ-216-IV:9', null, 'KZ-216-IV', '9');
    tag.run(b, 'document-date', '2021-10-25', null, null, null);
    db.prepare("INSERT INTO cases (id, title, created_at) VALUES ('c1', 'Case', 'now')").run();
    db.prepare("INSERT INTO case_documents (case_id, document_id) VALUES ('c1', ?)").run(a);
    const ids = (filters: Parameters<DocumentStore['list']>[0]) => store.list(filters).map((doc) => doc.id);
    expect(ids(undefined).sort()).toEqual([a, b].sort());
    expect(ids({ personId: 'P1' })).toEqual([a]);
    expect(ids({ law: 'KZ-216-IV' })).toEqual([b]);
    expect(ids({ law: 'KZ-216-IV:10' })).toEqual([]);
    expect(ids({ caseId: 'c1' })).toEqual([a]);
    expect(ids({ documentDateFrom: '2021-10-01', documentDateTo: '2021-10-31' })).toEqual([b]);
    expect(ids({ languages: ['eng'] })).toEqual([b]);
  });
});
