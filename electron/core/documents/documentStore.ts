import { randomBytes } from 'node:crypto';
import type {
  DocumentStatus,
  DocumentSummary,
  FileKind,
  ImportErrorCode,
  ImportWarning,
  OcrLanguage,
  OverlayWord,
  PageRecord,
  PageSource,
  Word,
} from '../../../shared/domain/document';
import type { SearchFilters } from '../../../shared/domain/search';
import type { SearchIndex } from '../search/searchIndex';
import { documentFilterSql } from './documentFilters';
import type { VaultDatabase } from '../vault/database';
import { deleteBlobs, putBlob } from './blobStore';
import { pageRecords } from './pageRecords';

/**
 * Queries over documents and pages. The page rows double as the import queue: `pending` pages are the
 * work left, so a crash loses nothing but the page being processed at that moment. A page as the lawyer
 * sees it is read in pageRecords.ts; its reading as it prints is PrintReadings' (printReadings.ts).
 */
interface DocumentRow {
  id: string;
  title: string;
  file_name: string;
  sha256: string;
  size: number;
  kind: FileKind;
  mime: string;
  languages: string;
  status: DocumentStatus;
  page_count: number;
  warnings: string;
  imported_at: string;
  pages_done: number;
  pages_failed: number;
  notes: string;
  document_date: string | null;
  document_type: DocumentSummary['type'];
  /** JSON array of {id, name, protected} */
  persons: string;
}

/** What the importer stores for a page it has read. */
export interface PageResult {
  source: PageSource;
  text: string;
  words: Word[];
  confidence: number;
  width: number;
  height: number;
  dpi: number | null;
  rotation: number;
  skew: number;
  image: { data: Uint8Array; mime: string };
  thumb: { data: Uint8Array; mime: string };
  /** text of printable form fields and annotations (none on an image file) */
  overlays?: OverlayWord[];
  flatten?: boolean;
  /**
   * The print reading when the import made it (a scan's OCR is one: `words: null`); absent for a PDF text
   * layer, whose page is then read as it prints in the background.
   */
  print?: { words: Word[] | null; confidence: number; script: string | null; languages: readonly OcrLanguage[] };
}

const SUMMARY_SELECT = `
  SELECT d.*,
    (SELECT count(*) FROM pages p WHERE p.document_id = d.id AND p.status = 'done') AS pages_done,
    (SELECT count(*) FROM pages p WHERE p.document_id = d.id AND p.status = 'failed') AS pages_failed,
    (SELECT value FROM tags t WHERE t.document_id = d.id AND t.kind = 'document-date') AS document_date,
    (SELECT value FROM tags t WHERE t.document_id = d.id AND t.kind = 'type') AS document_type,
    (SELECT json_group_array(json_object('id', id, 'name', name, 'protected', protected)) FROM (
      SELECT p.id, p.name, p.protected FROM tags t JOIN persons p ON p.id = t.person_id
      WHERE t.document_id = d.id AND t.kind = 'person' ORDER BY p.name, p.id
    )) AS persons
  FROM documents d`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    sha256: row.sha256,
    size: row.size,
    kind: row.kind,
    mime: row.mime,
    languages: row.languages.split('+') as OcrLanguage[],
    status: row.status,
    pageCount: row.page_count,
    pagesDone: row.pages_done,
    pagesFailed: row.pages_failed,
    warnings: JSON.parse(row.warnings) as ImportWarning[],
    importedAt: row.imported_at,
    notes: row.notes,
    documentDate: row.document_date,
    type: row.document_type,
    persons: (JSON.parse(row.persons) as Array<{ id: string; name: string; protected: number }>).map((person) => ({
      id: person.id,
      name: person.name,
      protected: person.protected === 1,
    })),
  };
}

export function newDocumentId(): string {
  return `doc_${randomBytes(9).toString('base64url')}`;
}

export interface NewDocument {
  fileName: string;
  title: string;
  kind: FileKind;
  mime: string;
  pageCount: number;
  warnings: ImportWarning[];
  languages: readonly OcrLanguage[];
  original: Uint8Array;
  /** A PDF that opened only with a password: the same document decrypted, which later readings open (0013). */
  readingCopy?: Uint8Array;
  now: Date;
}

export class DocumentStore {
  constructor(private readonly db: VaultDatabase) {}

  findIdBySha(sha256: string): string | null {
    const row = this.db.prepare('SELECT id FROM documents WHERE sha256 = ?').get(sha256) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** Store the original and the document with all its pages pending. Call inside a transaction. */
  insert(doc: NewDocument): { id: string; sha256: string } {
    const blob = putBlob(this.db, doc.original, doc.mime);
    const copy = doc.readingCopy ? putBlob(this.db, doc.readingCopy, doc.mime) : null;
    const id = newDocumentId();
    const at = doc.now.toISOString();
    this.db
      .prepare(
        `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, reading_blob, languages, status, page_count, warnings, imported_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'processing', ?, ?, ?, ?)`,
      )
      .run(id, doc.title, doc.fileName, blob.sha256, blob.size, doc.kind, doc.mime, blob.id, copy?.id ?? null, doc.languages.join('+'), doc.pageCount, JSON.stringify(doc.warnings), at, at);
    const page = this.db.prepare("INSERT INTO pages (document_id, page, status) VALUES (?, ?, 'pending')");
    for (let n = 1; n <= doc.pageCount; n += 1) page.run(id, n);
    return { id, sha256: blob.sha256 };
  }

  /** The documents, newest import first; `filters` narrows them (see documentFilters). */
  list(filters?: SearchFilters): DocumentSummary[] {
    const where = documentFilterSql(filters);
    return (this.db.prepare(`${SUMMARY_SELECT} WHERE 1 = 1${where.sql} ORDER BY d.imported_at DESC, d.id`).all(...where.params) as DocumentRow[]).map(toSummary);
  }

  get(id: string): DocumentSummary | null {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    return row ? toSummary(row) : null;
  }

  pages(id: string): PageRecord[] {
    return pageRecords(this.db, id);
  }

  original(id: string): { kind: FileKind; mime: string; fileName: string; data: Buffer } | null {
    const row = this.db
      .prepare('SELECT d.kind, d.mime, d.file_name, b.data FROM documents d JOIN blobs b ON b.id = d.original_blob WHERE d.id = ?')
      .get(id) as { kind: FileKind; mime: string; file_name: string; data: Buffer } | undefined;
    return row ? { kind: row.kind, mime: row.mime, fileName: row.file_name, data: row.data } : null;
  }

  /**
   * What a parser opens to read the document again (its pages, its print, a bundle's vector pages): the
   * reading copy of a PDF that opened only with a password, else the original itself. Never hand this out
   * as the original: the original is the file as it was given.
   */
  readable(id: string): { kind: FileKind; data: Buffer } | null {
    const row = this.db
      .prepare('SELECT d.kind, b.data FROM documents d JOIN blobs b ON b.id = coalesce(d.reading_blob, d.original_blob) WHERE d.id = ?')
      .get(id) as { kind: FileKind; data: Buffer } | undefined;
    return row ?? null;
  }

  pageImage(id: string, page: number, which: 'image' | 'thumb'): { mime: string; data: Buffer } | null {
    const column = which === 'image' ? 'image_blob' : 'thumb_blob';
    const row = this.db
      .prepare(`SELECT b.mime, b.data FROM pages p JOIN blobs b ON b.id = p.${column} WHERE p.document_id = ? AND p.page = ?`)
      .get(id, page) as { mime: string; data: Buffer } | undefined;
    return row ?? null;
  }

  /** Pages still to do, oldest document first, so documents finish one after another. */
  pendingPages(limit: number, excluding: ReadonlySet<string> = new Set()): Array<{ documentId: string; page: number }> {
    const rows = this.db
      .prepare(
        `SELECT p.document_id AS documentId, p.page FROM pages p JOIN documents d ON d.id = p.document_id
         WHERE p.status = 'pending' ORDER BY d.imported_at, d.id, p.page LIMIT ?`,
      )
      .all(limit + excluding.size) as Array<{ documentId: string; page: number }>;
    return rows.filter((row) => !excluding.has(`${row.documentId}#${row.page}`)).slice(0, limit);
  }

  languages(id: string): OcrLanguage[] {
    const row = this.db.prepare('SELECT languages FROM documents WHERE id = ?').get(id) as { languages: string } | undefined;
    return row ? (row.languages.split('+') as OcrLanguage[]) : [];
  }

  /** Stores a page read; `index` is the vault's (Vault.searchIndex), which indexes the text in the same transaction. */
  savePage(id: string, page: number, result: PageResult, index: SearchIndex): void {
    // The text is indexed in the caller's transaction, with the page it belongs to.
    const old = this.db.prepare('SELECT image_blob, thumb_blob FROM pages WHERE document_id = ? AND page = ?').get(id, page) as
      | { image_blob: number | null; thumb_blob: number | null }
      | undefined;
    const image = putBlob(this.db, result.image.data, result.image.mime);
    const thumb = putBlob(this.db, result.thumb.data, result.thumb.mime);
    this.db
      .prepare(
        `UPDATE pages SET status = 'done', source = ?, error_code = NULL, error_message = NULL, width = ?, height = ?, dpi = ?,
           rotation = ?, skew = ?, text = ?, words = ?, confidence = ?, image_blob = ?, thumb_blob = ?,
           overlays = ?, flatten = ?, rendered_for_print = 1, reading_confirmed_at = NULL,
           print_status = ?, print_words = ?, print_confidence = ?, print_script = ?, print_languages = ?, print_error = NULL
         WHERE document_id = ? AND page = ?`,
      )
      .run(
        result.source,
        result.width,
        result.height,
        result.dpi,
        result.rotation,
        result.skew,
        result.text,
        JSON.stringify(result.words),
        result.confidence,
        image.id,
        thumb.id,
        JSON.stringify(result.overlays ?? []),
        result.flatten ? 1 : 0,
        result.print ? 'done' : 'pending',
        result.print?.words ? JSON.stringify(result.print.words) : null,
        result.print?.confidence ?? null,
        result.print?.script ?? null,
        result.print ? result.print.languages.join('+') : null,
        id,
        page,
      );
    if (old) deleteBlobs(this.db, [old.image_blob, old.thumb_blob]);
    index.indexPage(id, page, result.text);
  }

  /** The lawyer looked at a reading flagged as low confidence and accepts it. */
  confirmReading(id: string, page: number, at: Date): boolean {
    return this.db.prepare("UPDATE pages SET reading_confirmed_at = ? WHERE document_id = ? AND page = ? AND status = 'done'").run(at.toISOString(), id, page).changes > 0;
  }

  failPage(id: string, page: number, code: ImportErrorCode, message: string): void {
    this.db
      .prepare("UPDATE pages SET status = 'failed', error_code = ?, error_message = ? WHERE document_id = ? AND page = ?")
      .run(code, message, id, page);
  }

  /** Mark the document ready (or failed, when no page could be read) once no page is pending. */
  settle(id: string, now: Date): DocumentStatus | null {
    const counts = this.db
      .prepare(
        `SELECT sum(status = 'pending') AS pending, sum(status = 'done') AS done, count(*) AS total FROM pages WHERE document_id = ?`,
      )
      .get(id) as { pending: number | null; done: number | null; total: number };
    if ((counts.pending ?? 0) > 0) return null;
    const status: DocumentStatus = (counts.done ?? 0) > 0 || counts.total === 0 ? 'ready' : 'failed';
    this.db.prepare('UPDATE documents SET status = ?, updated_at = ? WHERE id = ?').run(status, now.toISOString(), id);
    return status;
  }

  /** Put every page back in the queue with new languages (re-run OCR); text-layer pages are kept. */
  requeueForOcr(id: string, languages: readonly OcrLanguage[], now: Date): number {
    this.db.prepare('UPDATE documents SET languages = ?, status = ?, updated_at = ? WHERE id = ?').run(languages.join('+'), 'processing', now.toISOString(), id);
    const result = this.db
      .prepare("UPDATE pages SET status = 'pending' WHERE document_id = ? AND (source IS NULL OR source = 'ocr')")
      .run(id);
    // A text layer stays, but the pictures on its pages are read again in the new languages.
    const reprinted = this.db
      .prepare("UPDATE pages SET print_status = 'pending', print_error = NULL, reading_confirmed_at = NULL WHERE document_id = ? AND status = 'done' AND source = 'text-layer'")
      .run(id);
    this.settle(id, now);
    return result.changes + reprinted.changes;
  }

  /** Remove a document, its pages and all their blobs. */
  delete(id: string): boolean {
    const doc = this.db.prepare('SELECT original_blob, reading_blob FROM documents WHERE id = ?').get(id) as
      | { original_blob: number; reading_blob: number | null }
      | undefined;
    if (!doc) return false;
    const blobs = this.db.prepare('SELECT image_blob, thumb_blob FROM pages WHERE document_id = ?').all(id) as Array<{
      image_blob: number | null;
      thumb_blob: number | null;
    }>;
    this.db.prepare('DELETE FROM pages WHERE document_id = ?').run(id);
    this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    deleteBlobs(this.db, [doc.original_blob, doc.reading_blob, ...blobs.flatMap((row) => [row.image_blob, row.thumb_blob])]);
    return true;
  }
}
