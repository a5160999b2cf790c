/**
 * Errors cross the process boundary as data. Callers branch on `code`, never on message text:
 * the message is a plain sentence for the lawyer and may be translated or reworded.
 */
export const ERROR_CODES = [
  'wrong-passphrase',
  'vault-exists',
  'vault-not-found',
  'vault-locked',
  'corrupt-vault',
  'document-not-found',
  'person-not-found',
  'law-not-found',
  'suggestion-not-found',
  'validation',
  /** the lawyer stopped a long operation (an export); nothing it would have written was kept */
  'cancelled',
  /** an export was aimed inside the vault folder, or at a path the save dialog did not give */
  'unsafe-target',
  /** an export would replace an existing file the lawyer did not agree to replace */
  'target-exists',
  /** the finished bundle still showed a protected name or a redaction term: no file was left */
  'redaction-leak',
  /** pages of a bundle with redaction could not be fully checked for names (unread, low confidence) */
  'unchecked-pages',
  /** another process (the app, a `dalel` command) has this vault open; details name it where known */
  'vault-in-use',
  /** the database is older than the vault's own record of its latest audit head (an older copy, a lost WAL) */
  'vault-rolled-back',
  /** the audit log's hash chain does not verify: entries were altered, removed or reordered */
  'audit-tampered',
  /** the disk is full: nothing was half-written, and the vault opens again once there is space */
  'disk-full',
  /** the vault is on read-only media (or its files may not be written): only reading works */
  'read-only',
  /** a backup file is damaged, cut short, altered or not a Dalel backup: nothing was restored */
  'corrupt-backup',
  /** the document is still being read (its import runs): it cannot be deleted yet */
  'document-busy',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DalelError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DalelError };
