/** 0001: vault metadata and the hash-chained audit log. */
export default {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE vault_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      seq       INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      action    TEXT NOT NULL,
      subject   TEXT,
      details   TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL
    ) STRICT;
  `,
};
