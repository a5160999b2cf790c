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
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DalelError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DalelError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
