/**
 * 0013: a document may have a reading copy beside its original. A PDF that opens only with a password
 * is stored exactly as it was given (its SHA-256 is the evidence), and with it, in a blob of this same
 * encrypted database, the same PDF decrypted (import/parse/pdfReadingCopy.ts), which every later reading
 * opens: pages read after a crash or a lock, OCR run again, the print reading, a bundle's pages. The
 * password itself is kept nowhere. Documents stored before have none, and need none.
 */
export default {
  version: 13,
  name: 'reading-copies',
  sql: `
    ALTER TABLE documents ADD COLUMN reading_blob INTEGER REFERENCES blobs(id);
  `,
};
