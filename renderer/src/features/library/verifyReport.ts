import type { AuditVerification, VerifyCheck } from '../../../../shared/ipc/contract';
import { auditReport } from './auditReport';
import { checkDetail, type CheckDetail } from './verifyDetail';

/**
 * Every check of a vault verification (electron/core/vault/vaultChecks.ts) as a line the lawyer can
 * read: what was checked, whether it passed, and in plain words what that means. What the check found
 * (which pages, documents, entries; what it counted) goes under it as a detail worded from its facts
 * (verifyDetail.ts), never the core's English sentence.
 */
export type CheckName = VerifyCheck['check'];

export const CHECK_ORDER = ['pages', 'structure', 'originals', 'audit-chain', 'anchor'] as const satisfies readonly CheckName[];

export type CheckWords =
  | { key: `audit.checks.${CheckName}.ok` | `audit.checks.${CheckName}.failed` | 'audit.checks.originals.notRun'; values: Record<string, never> }
  | { key: 'audit.intact'; values: { count: number } }
  | { key: `audit.broken.${NonNullable<AuditVerification['firstBroken']>['reason']}`; values: { seq: number } };

export interface CheckLine {
  check: CheckName;
  /** null: not run (the originals, outside the full check) */
  ok: boolean | null;
  words: CheckWords;
  detail: CheckDetail | null;
}

export interface VerifyReport {
  ok: boolean;
  deep: boolean;
  lines: CheckLine[];
}

export function verifyReport(verification: AuditVerification): VerifyReport {
  const deep = verification.deep === true;
  const checks = verification.checks ?? [];
  if (checks.length === 0) {
    // A core without the separate checks: the audit chain is all there is to say.
    return { ok: verification.ok, deep, lines: [auditLine(verification, verification.ok, null)] };
  }
  const lines: CheckLine[] = [];
  for (const name of CHECK_ORDER) {
    const check = checks.find((candidate) => candidate.check === name);
    if (!check) {
      if (name === 'originals' && !deep) lines.push({ check: name, ok: null, words: { key: 'audit.checks.originals.notRun', values: {} }, detail: null });
      continue;
    }
    const detail = checkDetail(check);
    if (name === 'audit-chain') lines.push(auditLine(verification, check.ok, detail));
    else lines.push({ check: name, ok: check.ok, words: { key: `audit.checks.${name}.${check.ok ? 'ok' : 'failed'}`, values: {} }, detail });
  }
  return { ok: verification.ok && checks.every((check) => check.ok), deep, lines };
}

function auditLine(verification: AuditVerification, ok: boolean, detail: CheckDetail | null): CheckLine {
  const report = auditReport(verification);
  if (ok && report.ok) return { check: 'audit-chain', ok: true, words: { key: report.summary.key, values: { count: report.summary.count } }, detail };
  if (!report.ok) return { check: 'audit-chain', ok: false, words: { key: report.problem.key, values: { seq: report.problem.seq } }, detail };
  return { check: 'audit-chain', ok: false, words: { key: 'audit.checks.audit-chain.failed', values: {} }, detail };
}
