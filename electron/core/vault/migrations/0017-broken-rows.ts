/**
 * 0017: pages OCR read that hold Chinese are read again. Tesseract's layout analysis cut short lines of
 * Chinese notices into blocks and lost the characters between them («叶尔兰·赛里克» read as «叶尔» and
 * «赛里克»), so a protected relative's name could not be found there, and a redacted bundle printed it; a
 * heading in large type was lost whole. The reading now reads such rows again as lines, and level lines
 * no word stands on (ocr/splitRows.ts, ocr/angledText.ts). The pages go back in the import's queue and
 * their documents to processing, as 0016 did; an export that redacts waits for them as for any page
 * not read yet.
 *
 * Scans, and pages whose text holds a machine-readable zone («<<»), are read as they print again: a
 * scanned passport's zone, read in the page's languages, came back in Cyrillic look-alikes, and a Latin
 * name beside its Cyrillic spelling as «5АГТАМАТ»; neither was found. Both are now read again in English
 * (ocr/machineZone.ts) with the page's angled text, which for a scan is all its print reading does.
 */
const CHINESE = "'*[\u4E00-\u9FFF]*'";

export default {
  version: 17,
  name: 'broken-rows',
  sql: `
    UPDATE documents SET status = 'processing'
      WHERE id IN (SELECT document_id FROM pages WHERE status = 'done' AND source = 'ocr' AND text GLOB ${CHINESE});
    UPDATE pages SET status = 'pending' WHERE status = 'done' AND source = 'ocr' AND text GLOB ${CHINESE};
    UPDATE pages SET print_status = 'pending' WHERE status = 'done' AND print_status = 'done' AND (source = 'ocr' OR text LIKE '%<<%');
  `,
};
