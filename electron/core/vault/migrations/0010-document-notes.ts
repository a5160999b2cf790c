/**
 * 0010: the lawyer's notes on a document (issue 14: documents can be edited — title, date, type and
 * notes; the date and type stay tags, as accepted suggestions make them).
 */
export default {
  version: 10,
  name: 'document-notes',
  sql: `
    ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 10000);
  `,
};
