import type { DalelError } from '../../shared/ipc/errors';
import { failureFrom } from '../core/errors';

/** Exit codes: 0 success, 1 a failed operation, 2 a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Report a failure: a JSON object on stderr with --json, a plain sentence otherwise. */
export function reportError(io: Io, error: unknown, json: boolean): number {
  let shaped: DalelError;
  let code: number = EXIT.failed;
  if (error instanceof UsageError) {
    shaped = { code: 'validation', message: error.message };
    code = EXIT.usage;
  } else {
    // A full disk, read-only media, a damaged page or a busy vault is a code of its own, never a stack trace.
    const failure = failureFrom(error);
    shaped = failure
      ? { code: failure.code, message: failure.message }
      : { code: 'internal', message: `Unexpected error: ${(error as Error)?.message ?? String(error)}` };
  }
  if (json) io.stderr(`${JSON.stringify({ error: shaped })}\n`);
  else io.stderr(`dalel: ${shaped.message}\n`);
  return code;
}
