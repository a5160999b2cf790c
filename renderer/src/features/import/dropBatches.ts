import { MAX_IMPORT_BYTES } from '../../../../shared/domain/limits';

/**
 * Dropped files travel to the core as bytes, so they are read into memory first. To keep that bounded,
 * a drop is sent in batches of at most MAX_BATCH_BYTES (and the contract's 500 files); a file over the
 * contract's per-file limit is not read at all and is reported as too large right away.
 */
export const MAX_BATCH_BYTES = 256 * 1024 * 1024;
export const MAX_BATCH_FILES = 500;

export interface DropLimits {
  maxFileBytes: number;
  maxBatchBytes: number;
  maxBatchFiles: number;
}

const LIMITS: DropLimits = { maxFileBytes: MAX_IMPORT_BYTES, maxBatchBytes: MAX_BATCH_BYTES, maxBatchFiles: MAX_BATCH_FILES };

export interface DropPlan<F> {
  batches: F[][];
  tooLarge: F[];
}

/** Batches in the order the files were dropped, so the panel lists them as the lawyer chose them. */
export function planDropBatches<F extends { size: number }>(files: readonly F[], limits: DropLimits = LIMITS): DropPlan<F> {
  const plan: DropPlan<F> = { batches: [], tooLarge: [] };
  let current: F[] = [];
  let bytes = 0;
  for (const file of files) {
    if (file.size > limits.maxFileBytes) {
      plan.tooLarge.push(file);
      continue;
    }
    if (current.length > 0 && (current.length >= limits.maxBatchFiles || bytes + file.size > limits.maxBatchBytes)) {
      plan.batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) plan.batches.push(current);
  return plan;
}
