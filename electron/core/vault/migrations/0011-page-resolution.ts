/**
 * 0011: the resolution of scanned pages as their stored images have it. OCR reads a page at 200 dpi at
 * most and the vault keeps the image OCR read, but pages were stored with the scan's own resolution:
 * a 300 dpi scan's 200 dpi image labelled 300 printed in a bundle at 2/3 of its size. Since the first
 * release a scanned page whose stated resolution lay between 100 and 1200 dpi was brought down to 200
 * (tesseractEngine.ts, `pageForOcr`; the number is written here, not imported, so that later changes
 * there do not change what this migration did). Pages read from a text layer keep their render's.
 */
export default {
  version: 11,
  name: 'page-resolution',
  sql: `
    UPDATE pages SET dpi = 200 WHERE source = 'ocr' AND dpi > 200 AND dpi <= 1200;
  `,
};
