/**
 * 0008: the second reading of every page — what it prints (issue 11, redaction that cannot leak).
 *
 * A page's text (its PDF text layer, or OCR of a scan) misses what only a picture on the page shows (a
 * pasted notice, a stamp, a photographed ID card), and a PDF's form fields and annotations print text
 * that is in neither. So each page keeps beside its text:
 * - `print_*`: OCR of the page rendered as it prints, in the script OCR detected. `print_words` NULL means
 *   the page's own words are that reading (a scan: its OCR read the printed page already).
 * - `overlays`: the text of printable form fields and annotations (JSON OverlayWord[]).
 * - `flatten`: the page prints what a copy of its content stream would not, so a bundle takes its image.
 * - `rendered_for_print`: 0 for pages stored before pages were rendered as they print; the background
 *   reader renders those again (their stored image may lack form fields and annotations).
 * - `reading_confirmed_at`: the lawyer looked at a reading flagged as low confidence and accepted it.
 *
 * Existing pages: image files print as themselves, so their OCR is their print reading; every PDF page
 * waits for the background reader.
 */
export default {
  version: 8,
  name: 'print-readings',
  sql: `
    ALTER TABLE pages ADD COLUMN print_status TEXT CHECK (print_status IN ('pending', 'done', 'failed'));
    ALTER TABLE pages ADD COLUMN print_words TEXT CHECK (print_words IS NULL OR json_valid(print_words));
    ALTER TABLE pages ADD COLUMN print_confidence REAL;
    ALTER TABLE pages ADD COLUMN print_script TEXT;
    ALTER TABLE pages ADD COLUMN print_languages TEXT;
    ALTER TABLE pages ADD COLUMN print_error TEXT;
    ALTER TABLE pages ADD COLUMN overlays TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(overlays));
    ALTER TABLE pages ADD COLUMN flatten INTEGER NOT NULL DEFAULT 0 CHECK (flatten IN (0, 1));
    ALTER TABLE pages ADD COLUMN rendered_for_print INTEGER NOT NULL DEFAULT 0 CHECK (rendered_for_print IN (0, 1));
    ALTER TABLE pages ADD COLUMN reading_confirmed_at TEXT;

    UPDATE pages SET print_status = 'done', print_confidence = confidence, rendered_for_print = 1
      WHERE status = 'done' AND document_id IN (SELECT id FROM documents WHERE kind <> 'pdf');
    UPDATE pages SET print_status = 'pending'
      WHERE status = 'done' AND document_id IN (SELECT id FROM documents WHERE kind = 'pdf');

    CREATE INDEX pages_print_pending ON pages(document_id, page) WHERE print_status = 'pending';
  `,
};
