import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { FileKind, OcrLanguage, Word } from '../../../shared/domain/document';
import { DocumentStore, type PageResult } from '../documents/documentStore';
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
  /** each page's image and thumbnail (JPEG unless said); a placeholder byte by default, for tests that never show them */
  images?: { image: Uint8Array; thumb: Uint8Array; mime?: 'image/jpeg' | 'image/png' };
  /** the file imported; by default a JPEG named after the title, whose bytes are unique */
  original?: { fileName: string; kind: FileKind; mime: string; data: Uint8Array };
  /** each page's reading as it prints (none by default) */
  print?: PageResult['print'];
  confidence?: number;
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
    const original = doc.original ?? { fileName: `${doc.title}.jpg`, kind: 'jpeg', mime: 'image/jpeg', data: Buffer.from(`${doc.title} ${randomUUID()}`) };
    const { id } = store.insert({
      fileName: original.fileName,
      title: doc.title,
      kind: original.kind,
      mime: original.mime,
      pageCount: doc.pages.length,
      warnings: [],
      languages: doc.languages ?? ['rus', 'eng'],
      original: original.data,
      now,
    });
    const mime = doc.images?.mime ?? 'image/jpeg';
    doc.pages.forEach((text, i) =>
      store.savePage(id, i + 1, {
        source: 'ocr',
        text,
        words: doc.words?.(text) ?? [],
        confidence: doc.confidence ?? 90,
        ...page,
        rotation: 0,
        skew: 0,
        image: { data: doc.images?.image ?? Uint8Array.of(1), mime },
        thumb: { data: doc.images?.thumb ?? Uint8Array.of(2), mime },
        ...(doc.print ? { print: doc.print } : {}),
      }, index),
    );
    store.settle(id, now);
    return id;
  })();
}

/** A blank page image (PNG) of the given size, the colour of paper: for tests that render or export pages. */
export function blankScan(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#f4f1ea' } }).png().toBuffer();
}
