/** A stored page as the lawyer sees it, and when its reading is doubted (low confidence), apart from the queries that write pages (DocumentStore). */
import type { ImportErrorCode, PageRecord, PageSource, PrintReadingStatus, Word } from '../../../shared/domain/document';
import { LOW_CONFIDENCE } from '../ocr/ocrEngine';
import type { VaultDatabase } from '../vault/database';

interface PageRow {
  page: number;
  status: PageRecord['status'];
  source: PageSource | null;
  error_code: ImportErrorCode | null;
  error_message: string | null;
  width: number | null;
  height: number | null;
  dpi: number | null;
  rotation: number;
  skew: number;
  confidence: number | null;
  text: string | null;
  words: string | null;
  print_status: PrintReadingStatus | null;
  print_confidence: number | null;
  print_script: string | null;
  print_error: string | null;
  reading_confirmed_at: string | null;
  /** words in the print reading (json_array_length), when it is a reading of its own */
  print_word_count: number | null;
}

/** The document's pages, in order. */
export function pageRecords(db: VaultDatabase, id: string): PageRecord[] {
  return (
    db.prepare('SELECT *, json_array_length(print_words) AS print_word_count FROM pages WHERE document_id = ? ORDER BY page').all(id) as PageRow[]
  ).map(toPage);
}

function toPage(row: PageRow): PageRecord {
  return {
    page: row.page,
    status: row.status,
    source: row.source,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    width: row.width,
    height: row.height,
    dpi: row.dpi,
    rotation: row.rotation,
    skew: row.skew,
    confidence: row.confidence,
    text: row.text,
    words: row.words ? (JSON.parse(row.words) as Word[]) : [],
    print: {
      status: row.print_status ?? 'pending',
      confidence: row.print_confidence,
      script: row.print_script,
      error: row.print_error,
    },
    lowConfidence: row.status === 'done' && row.reading_confirmed_at === null && readLowConfidence(row),
    readingConfirmedAt: row.reading_confirmed_at,
  };
}

/**
 * A reading that may have missed words: OCR of the page (its only reading) or of its print (what its
 * pictures say) was poor, which is what reading in the wrong language looks like. A text layer alone is
 * exact and never low.
 */
function readLowConfidence(row: PageRow): boolean {
  if (row.source === 'ocr' && row.confidence !== null && row.confidence < LOW_CONFIDENCE) return true;
  // A text-layer page whose pictures hold (next to) no words — a logo, a signature — reads at confidence
  // 0 without anything to doubt; a few words read poorly are worth a look.
  return row.print_status === 'done' && row.print_confidence !== null && row.print_confidence < LOW_CONFIDENCE && (row.print_word_count ?? 0) >= MIN_DOUBTED_WORDS;
}

/** Fewer words than this in a page's print reading say nothing about its language. */
const MIN_DOUBTED_WORDS = 3;
