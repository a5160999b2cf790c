import type { DalelError, ErrorCode } from '../../shared/ipc/errors';

/**
 * A failure the lawyer can act on: it carries a stable code for callers to branch on and a plain
 * sentence to show. Anything thrown that is not a DalelFailure is a bug and crosses the boundary as
 * `internal`.
 */
export class DalelFailure extends Error {
  override readonly name = 'DalelFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toError(): DalelError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
