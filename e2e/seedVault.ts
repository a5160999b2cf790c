import sharp from 'sharp';
import { DocumentStore } from '../electron/core/documents/documentStore';
import type { VaultDatabase } from '../electron/core/vault/database';
import type { OcrLanguage, Word } from '../shared/domain/document';

/**
 * Documents put in an open vault the way an import leaves them, without OCR: a page image (grey lines
 * on paper) and the given text with a word box each. For journeys about what the screens do with
 * documents (a library of 10,000, every screen checked with axe), where reading scans would only cost
 * minutes; the journeys about importing import real scans.
 */
export interface SeedDocument {
  title: string;
  text: string;
  languages?: readonly OcrLanguage[];
  importedAt?: Date;
}

const PAGE = { width: 827, height: 1170, dpi: 100 } as const;

/** The page image every seeded document has (each page stores its own copy, as an import does). */
export async function seedPageImage(): Promise<Buffer> {
  const lines = Array.from({ length: 18 }, (_, i) => `<rect x="80" y="${140 + i * 48}" width="${560 + ((i * 37) % 100)}" height="12" fill="#666"/>`).join('');
  return sharp({ create: { width: PAGE.width, height: PAGE.height, channels: 3, background: '#fbfaf6' } })
    .composite([{ input: Buffer.from(`<svg width="${PAGE.width}" height="${PAGE.height}"><rect x="80" y="70" width="400" height="24" fill="#333"/>${lines}</svg>`) }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Word boxes laid along the image's grey lines, so the viewer has words to show and highlight. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let x = 80;
  let line = 0;
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const width = 14 * token.length;
    if (x + width > PAGE.width - 80) {
      line += 1;
      x = 80;
    }
    words.push({ text: token, bbox: [x, 136 + line * 48, width, 20], conf: 95 });
    x += width + 14;
  }
  return words;
}

/**
 * Stores `documents` in one transaction; returns their ids in order. `small`: the page image is the
 * thumbnail too (2 KB instead of 30 a page), for vaults of thousands of documents.
 */
export async function seedDocuments(db: VaultDatabase, documents: readonly SeedDocument[], options: { small?: boolean } = {}): Promise<string[]> {
  const thumb = await sharp(await seedPageImage()).resize({ width: 240 }).jpeg({ quality: 70 }).toBuffer();
  const image = options.small ? thumb : await seedPageImage();
  const store = new DocumentStore(db);
  return db.transaction(() =>
    documents.map((doc, index) => {
      const now = doc.importedAt ?? new Date(Date.UTC(2026, 10, 1) + index * 60_000);
      const { id } = store.insert({
        fileName: `${doc.title}.jpg`,
        title: doc.title,
        kind: 'jpeg',
        mime: 'image/jpeg',
        pageCount: 1,
        warnings: [],
        languages: [...(doc.languages ?? ['rus', 'kaz', 'eng'])],
        // unique bytes a document, as two imports of different files have
        original: Buffer.from(`seeded original: ${doc.title} ${index} ${now.toISOString()}`),
        now,
      });
      store.savePage(id, 1, {
        source: 'ocr',
        text: doc.text,
        words: options.small ? [] : wordsOf(doc.text),
        confidence: 92,
        ...(options.small ? { width: 240, height: 340, dpi: 29 } : PAGE),
        rotation: 0,
        skew: 0,
        image: { data: image, mime: 'image/jpeg' },
        thumb: { data: thumb, mime: 'image/jpeg' },
      });
      store.settle(id, now);
      return id;
    }),
  )();
}
