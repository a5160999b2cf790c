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
  /** a bundle, a case or a deadline asked for is no longer in the vault; `reason` says which */
  'not-found',
  /** the request clashes with the vault's state: already decided, already running, already taken */
  'conflict',
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
  /** the demo vault (fictional sample documents, public passphrase) refuses imports and a passphrase of its own */
  'demo-vault',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a request was refused, precisely, for the interface to say in the lawyer's language; the error's
 * `message` is the core's English sentence for the `dalel` CLI and the logs. `params` are the values the
 * sentence names (a page, a number, a status), never a sentence.
 */
export const ERROR_REASONS = [
  // not-found
  'bundle-gone',
  'case-gone',
  // conflict
  'export-running',
  'backup-running',
  'suggestion-decided',
  'person-id-taken',
  'translation-is-translated',
  'translation-has-translations',
  // validation
  'request-not-understood',
  'bundle-needs-title',
  'bundle-needs-section',
  'bundle-document-twice',
  'translation-of-itself',
  'bundle-page-out-of-range',
  'zip-needs-own-name',
  'target-needs-name',
  'target-folder-missing',
  'target-is-folder',
  'target-in-vault',
  'target-not-from-dialog',
  'target-exists',
  'case-needs-title',
  'case-member-missing',
  'suggestion-needs-person',
  'deadline-needs-date',
  'deadline-needs-title',
  'unknown-document-type',
  'date-format',
  'person-needs-name',
  'person-related-to-self',
  'merge-needs-two',
  'law-needs-title',
  'title-length',
  'notes-length',
  'page-not-read',
  'path-bad-character',
  'path-not-absolute',
  'path-has-dots',
  'folder-is-file',
  'folder-unusable',
  'folder-not-empty',
  'folder-missing',
  'backup-folder-missing',
  'backup-file-missing',
  'backup-file-is-folder',
  'backup-file-unreadable',
  'restore-folder-changed',
  'wipe-name-mismatch',
  'folder-for-demo',
  'passphrase-too-long',
  'query-only-exclusions',
  'exported-only',
  // redaction-leak
  'leak-on-page',
  // vault-exists
  'demo-folder-taken',
  // vault-in-use
  'vault-open-in',
  'vault-open-elsewhere',
  'vault-busy',
  'backup-busy',
  // vault-rolled-back
  'rollback-older',
  'rollback-diverged',
  'anchor-missing',
  'anchor-invalid',
  // unchecked-pages
  'pages-unchecked',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];
export type ReasonParams = Readonly<Record<string, string | number>>;

export interface DalelError {
  code: ErrorCode;
  message: string;
  /** why, as a code the interface words (see ERROR_REASONS); absent where `code` says it all */
  reason?: ErrorReason;
  params?: ReasonParams;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DalelError };
