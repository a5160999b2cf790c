import type { DalelError } from '../../../../shared/ipc/errors';

/**
 * What a `vault-rolled-back` refusal says, read from its details (electron/core/vault/anchor.ts
 * `Rollback`): why, the audit entry the vault had reached (`anchored`) and the one the database here
 * ends at (`found`). Entry numbers are what the lawyer can compare with a printed bundle or a backup.
 */
export type RollbackReason = 'older' | 'diverged' | 'anchor-missing' | 'anchor-invalid';

export interface RollbackView {
  reason: RollbackReason;
  /** the entry number the vault had reached, when its record says */
  anchored: number | null;
  /** the entry number the database ends at, when it has any */
  found: number | null;
}

const REASONS: readonly RollbackReason[] = ['older', 'diverged', 'anchor-missing', 'anchor-invalid'];

export function rollbackView(error: DalelError): RollbackView | null {
  if (error.code !== 'vault-rolled-back') return null;
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Record<string, unknown>;
  const reason = REASONS.find((known) => known === details.reason) ?? 'older';
  return { reason, anchored: seqOf(details.anchored), found: seqOf(details.found) };
}

function seqOf(head: unknown): number | null {
  if (typeof head !== 'object' || head === null) return null;
  const seq = (head as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isInteger(seq) ? seq : null;
}
