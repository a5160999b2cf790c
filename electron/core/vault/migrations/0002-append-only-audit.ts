/**
 * 0002: make the audit log append-only inside SQLite, so that no code path of Dalel's can edit or delete
 * an entry by mistake. Someone holding the key can still drop these triggers; the hash chain is what
 * detects that (audit/auditLog.ts `verify`).
 */
export default {
  version: 2,
  name: 'append-only-audit',
  sql: `
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};
