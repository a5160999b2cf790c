/** A page's second reading, as it prints (0008), is its own queue and its own words, apart from the import's reading of the page (DocumentStore). */
import type { OcrLanguage, OverlayWord, PrintReadingStatus, Word } from '../../../shared/domain/document';
import type { VaultDatabase } from '../vault/database';

/** Every reading of one page that redaction matches names on, beside the page's own words. */
export interface PageReadings {
  page: number;
  /** OCR of the page as it prints; null when the page's own words are that reading (a scan) or it is not done */
  printWords: Word[] | null;
  /** text of printable form fields and annotations */
  overlays: OverlayWord[];
  /** the page prints what a copy of its content stream would not: it goes into a bundle as its image */
  flatten: boolean;
}

export class PrintReadings {
  constructor(private readonly db: VaultDatabase) {}

  /** Pages waiting to be read as they print, oldest document first. */
  pending(limit: number, excluding: ReadonlySet<string> = new Set()): Array<{ documentId: string; page: number }> {
    const rows = this.db
      .prepare("SELECT document_id AS documentId, page FROM pages WHERE print_status = 'pending' ORDER BY document_id, page LIMIT ?")
      .all(limit + excluding.size) as Array<{ documentId: string; page: number }>;
    return rows.filter((row) => !excluding.has(`${row.documentId}#${row.page}`)).slice(0, limit);
  }

  /** Whether the page's stored image was rendered as it prints (pages stored before 0008 were not). */
  renderedForPrint(id: string, page: number): boolean {
    const row = this.db.prepare('SELECT rendered_for_print FROM pages WHERE document_id = ? AND page = ?').get(id, page) as
      | { rendered_for_print: number }
      | undefined;
    return row?.rendered_for_print === 1;
  }

  /** Every page's readings beside its own words, for the redaction planner. */
  readings(id: string): Map<number, PageReadings> {
    const rows = this.db
      .prepare("SELECT page, print_status, print_words, overlays, flatten FROM pages WHERE document_id = ? ORDER BY page")
      .all(id) as Array<{ page: number; print_status: PrintReadingStatus | null; print_words: string | null; overlays: string; flatten: number }>;
    return new Map(
      rows.map((row) => [
        row.page,
        {
          page: row.page,
          printWords: row.print_status === 'done' && row.print_words ? (JSON.parse(row.print_words) as Word[]) : null,
          overlays: JSON.parse(row.overlays) as OverlayWord[],
          flatten: row.flatten === 1,
        },
      ]),
    );
  }

  save(id: string, page: number, reading: { words: Word[]; confidence: number; script: string | null; languages: readonly OcrLanguage[] }): void {
    this.db
      .prepare(
        `UPDATE pages SET print_status = 'done', print_words = ?, print_confidence = ?, print_script = ?, print_languages = ?, print_error = NULL,
           reading_confirmed_at = NULL WHERE document_id = ? AND page = ?`,
      )
      .run(JSON.stringify(reading.words), reading.confidence, reading.script, reading.languages.join('+'), id, page);
  }

  fail(id: string, page: number, message: string): void {
    this.db.prepare("UPDATE pages SET print_status = 'failed', print_error = ? WHERE document_id = ? AND page = ?").run(message, id, page);
  }
}
