/**
 * 0016: PDF pages whose text layer holds Arabic-script text (Uyghur, Kazakh in Arabic script) are read
 * again. Such text was stored as PDF producers write it: shaped presentation-form glyphs, a glyph or two
 * a word, in the order they print (right to left reversed), so a protected name registered in Arabic
 * script was found in no reading and a bundle printed it, and search could not find the words either
 * (import/parse/textLayer.ts readingOrderItems). The pages go back in the import's queue and their
 * documents to processing; a page read again replaces its text, words and index entry, and is read as
 * it prints again. An export that redacts waits for them as for any page not read yet.
 */
const ARABIC_SCRIPT = "'*[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFE]*'";

export default {
  version: 16,
  name: 'right-to-left-text',
  sql: `
    UPDATE documents SET status = 'processing'
      WHERE id IN (SELECT document_id FROM pages WHERE status = 'done' AND source = 'text-layer' AND text GLOB ${ARABIC_SCRIPT});
    UPDATE pages SET status = 'pending' WHERE status = 'done' AND source = 'text-layer' AND text GLOB ${ARABIC_SCRIPT};
  `,
};
