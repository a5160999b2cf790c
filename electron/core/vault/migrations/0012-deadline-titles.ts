/**
 * 0012: a deadline read from a document is stored as its kind and the document it came from, not as an
 * English sentence (issue 14 item 3). Validity deadlines were stored titled "Valid until: <document
 * title>", which a Russian or Kazakh interface then showed in English wherever the document was gone; the
 * title now keeps only the document's title as it was then (a hearing's and an appeal window's already
 * did), and the interface says "valid until" from the kind, in the lawyer's language. Deadlines typed in
 * keep the lawyer's words.
 */
export default {
  version: 12,
  name: 'deadline-titles',
  sql: `
    UPDATE deadlines SET title = substr(title, length('Valid until: ') + 1)
      WHERE kind = 'validity' AND substr(title, 1, length('Valid until: ')) = 'Valid until: ';
  `,
};
