import { describe, expect, it } from 'vitest';
import type { AuditVerification, VerifyCheck } from '../../../../shared/ipc/contract';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import { CHECK_ORDER, verifyReport } from './verifyReport';

const passed = (check: VerifyCheck['check']): VerifyCheck => ({ check, ok: true, message: `${check}: fine.` });

const quick: AuditVerification = {
  ok: true,
  entries: 9,
  head: { seq: 9, hash: 'ab' },
  firstBroken: null,
  deep: false,
  checks: [passed('pages'), passed('structure'), passed('audit-chain'), passed('anchor')],
};

describe('verifyReport', () => {
  it('lists every check in order, and says the originals wait for the full check', () => {
    const report = verifyReport(quick);
    expect(report.ok).toBe(true);
    expect(report.lines.map((line) => [line.check, line.ok])).toEqual([
      ['pages', true],
      ['structure', true],
      ['originals', null],
      ['audit-chain', true],
      ['anchor', true],
    ]);
    expect(report.lines.find((line) => line.check === 'audit-chain')?.words).toEqual({ key: 'audit.intact', values: { count: 9 } });
  });

  it('lists the originals when the full check ran', () => {
    const report = verifyReport({ ...quick, deep: true, checks: [...quick.checks!.slice(0, 2), passed('originals'), ...quick.checks!.slice(2)] });
    expect(report.lines.find((line) => line.check === 'originals')).toMatchObject({ ok: true, words: { key: 'audit.checks.originals.ok' } });
  });

  it('fails when any check fails, not only the audit chain, with what it found under it (from its facts, not its sentence)', () => {
    const damaged: VerifyCheck = {
      check: 'pages',
      ok: false,
      code: 'corrupt-vault',
      message: 'Page authentication: 2 pages of vault.db fail.',
      facts: { kind: 'pages', pages: 40, walFrames: 0, badPages: [7, 12], badPageCount: 2, badWalFrames: [], sizeProblem: null, walProblem: null },
    };
    const report = verifyReport({ ...quick, ok: false, checks: [damaged, ...quick.checks!.slice(1)] });
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toEqual({
      check: 'pages',
      ok: false,
      words: { key: 'audit.checks.pages.failed', values: {} },
      detail: {
        lines: [
          { key: 'audit.detail.pages.bad', values: { pages: '7, 12' } },
          { key: 'audit.detail.pages.counted', values: { count: 40 } },
        ],
        technical: null,
      },
    });
    // A check without facts has no detail: its English sentence is never the fallback.
    expect(verifyReport({ ...quick, ok: false, checks: [{ ...damaged, facts: undefined }] }).lines[0]!.detail).toBeNull();
  });

  it('names the first broken audit entry', () => {
    const broken = { check: 'audit-chain' as const, ok: false, code: 'audit-tampered' as const, message: 'Audit log: entry #4 was altered.' };
    const report = verifyReport({ ...quick, ok: false, firstBroken: { seq: 4, reason: 'hash-mismatch' }, checks: [passed('pages'), passed('structure'), broken, passed('anchor')] });
    expect(report.lines.find((line) => line.check === 'audit-chain')?.words).toEqual({ key: 'audit.broken.hash-mismatch', values: { seq: 4 } });
  });

  it('has a title and words for every check and state in every language', () => {
    for (const language of LANGUAGES) {
      const { t } = createI18n(language);
      for (const check of CHECK_ORDER) {
        for (const part of ['title', 'ok', 'failed'] as const) expect(t(`audit.checks.${check}.${part}`), `${language} ${check} ${part}`).not.toContain('audit.');
      }
      for (const state of ['ok', 'failed', 'not-run'] as const) expect(t(`audit.state.${state}`)).not.toContain('audit.');
    }
  });
});
