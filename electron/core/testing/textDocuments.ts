import { randomUUID } from 'node:crypto';
import type { OcrLanguage, Word } from '../../../shared/domain/document';
import { DocumentStore } from '../documents/documentStore';
import type { VaultDatabase } from '../vault/database';
import type { SearchIndex } from '../search/searchIndex';
import { testIndex } from './testIndex';

export interface TextDocument {
  title: string;
  /** one text a page */
  pages: string[];
  /** the page's OCR words; none by default */
  words?: (text: string) => Word[];
  languages?: OcrLanguage[];
  /** import time (and when the document is settled) */
  now?: Date;
  /** the page images' size and resolution; an A4 page at 200 DPI by default */
  page?: { width: number; height: number; dpi: number };
  /** each page's image and thumbnail (JPEG); a placeholder byte by default, for tests that never show them */
  images?: { image: Uint8Array; thumb: Uint8Array };
}

/**
 * A document as the import leaves it, without a scan: stored, its pages saved with the given text (and so
 * indexed, in the same transaction), settled. Its original's bytes are unique, so the same title may be
 * added twice.
 */
export function addTextDocument(db: VaultDatabase, doc: TextDocument, index: SearchIndex = testIndex(db)): string {
  const store = new DocumentStore(db);
  const now = doc.now ?? new Date('2026-11-20T10:00:00Z');
  const page = doc.page ?? { width: 1654, height: 2339, dpi: 200 };
  return db.transaction(() => {
    const { id } = store.insert({
      fileName: `${doc.title}.jpg`,
      title: doc.title,
      kind: 'jpeg',
      mime: 'image/jpeg',
      pageCount: doc.pages.length,
      warnings: [],
      languages: doc.languages ?? ['rus', 'eng'],
      original: Buffer.from(`${doc.title} ${randomUUID()}`),
      now,
    });
    doc.pages.forEach((text, i) =>
      store.savePage(id, i + 1, {
        source: 'ocr',
        text,
        words: doc.words?.(text) ?? [],
        confidence: 90,
        ...page,
        rotation: 0,
        skew: 0,
        image: { data: doc.images?.image ?? Uint8Array.of(1), mime: 'image/jpeg' },
        thumb: { data: doc.images?.thumb ?? Uint8Array.of(2), mime: 'image/jpeg' },
      }, index),
    );
    store.settle(id, now);
    return id;
  })();
}
