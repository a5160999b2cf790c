import type { DalelError, ErrorCode, ErrorReason, ReasonParams } from '../../shared/ipc/errors';

/**
 * A failure the lawyer can act on: it carries a stable code for callers to branch on and a plain English
 * sentence for the CLI and the logs; the interface words it from the code (and the reason, when one is
 * given) in the lawyer's language. Anything thrown that is not a DalelFailure is a bug and crosses the
 * boundary as `internal`.
 */
export class DalelFailure extends Error {
  override readonly name = 'DalelFailure';
  reason?: ErrorReason;
  params?: ReasonParams;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The same failure with the reason the interface words, and the values its words name. */
  because(reason: ErrorReason, params?: ReasonParams): this {
    this.reason = reason;
    if (params !== undefined) this.params = params;
    return this;
  }

  toError(): DalelError {
    const error: DalelError = { code: this.code, message: this.message };
    if (this.reason !== undefined) error.reason = this.reason;
    if (this.params !== undefined) error.params = this.params;
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

/**
 * What the disk or SQLite said, as a failure the lawyer can act on, or null when it is not one of the
 * faults below (a bug, which crosses as `internal`). SQLite reports a full disk as SQLITE_FULL, and Node
 * as ENOSPC (EDQUOT: a quota); a transaction that hit it was rolled back, so nothing is half-written.
 * Damage shows as SQLITE_CORRUPT or SQLITE_NOTADB wherever a damaged page is first read (a search, an
 * export), not only at unlock — it is the vault's damage, never an internal error.
 */
export function failureFrom(error: unknown): DalelFailure | null {
  if (error instanceof DalelFailure) return error;
  if (!error || typeof error !== 'object') return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new DalelFailure('disk-full', 'The disk is full. Nothing was half-written: free some space, then try again.');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new DalelFailure('read-only', 'The vault is on a disk Dalel may not write to: it can be read, not changed.');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ') {
    return new DalelFailure(
      'corrupt-vault',
      'Part of the vault database is damaged and could not be read. Run "dalel verify --deep" to see which check fails; keep a copy of the vault folder as it is.',
    );
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new DalelFailure('vault-in-use', 'The vault is busy in another process. Close Dalel there, then try again.').because('vault-busy');
  }
  return null;
}
