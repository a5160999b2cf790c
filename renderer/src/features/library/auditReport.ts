import type { AuditBreak, AuditVerification } from '../../../../shared/ipc/contract';

/** What to tell the lawyer about a verification, as translation keys and their values. */
export type AuditReport =
  | { ok: true; summary: { key: 'audit.intact'; count: number } }
  | {
      ok: false;
      problem: { key: `audit.broken.${AuditBreak['reason']}`; seq: number };
      checked: { key: 'audit.checked'; count: number };
    };

export const AUDIT_BREAK_REASONS = ['hash-mismatch', 'chain-broken', 'missing', 'head-mismatch'] as const satisfies readonly AuditBreak['reason'][];

export function auditReport(verification: AuditVerification): AuditReport {
  if (verification.ok || !verification.firstBroken) {
    return { ok: true, summary: { key: 'audit.intact', count: verification.entries } };
  }
  const { seq, reason } = verification.firstBroken;
  return {
    ok: false,
    problem: { key: `audit.broken.${reason}`, seq },
    checked: { key: 'audit.checked', count: verification.entries },
  };
}
