/**
 * 0015: every page read before text at an angle of its own was looked for (ocr/angledText.ts) is read
 * again as it prints, in the background. A name on a picture pasted sideways, upside down or tilted was
 * in no reading of such a page, so redaction could not find it and a bundle printed it. A PDF page with
 * a text layer is OCR'd again as it prints; a scan's own reading stays, and only its angled text is read
 * (PrintReader). Until a page is read again an export that redacts reads it first (readNow).
 */
export default {
  version: 15,
  name: 'angled-text',
  sql: `
    UPDATE pages SET print_status = 'pending' WHERE status = 'done' AND print_status = 'done';
  `,
};
