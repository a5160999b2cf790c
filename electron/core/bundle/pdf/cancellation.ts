import { DalelFailure } from '../../errors';

/** A cancelled export stops where it is, with the code the wizard and the CLI branch on. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DalelFailure('cancelled', 'The export was cancelled.');
}
