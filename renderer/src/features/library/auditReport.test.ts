import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import { AUDIT_BREAK_REASONS, auditReport } from './auditReport';

describe('auditReport', () => {
  it('reports an intact log with its number of entries', () => {
    const report = auditReport({ ok: true, entries: 12, head: { seq: 12, hash: 'ab' }, firstBroken: null });
    expect(report).toEqual({ ok: true, summary: { key: 'audit.intact', count: 12 } });
  });

  it('names the first entry that does not verify and why', () => {
    const report = auditReport({
      ok: false,
      entries: 7,
      head: { seq: 8, hash: 'cd' },
      firstBroken: { seq: 4, reason: 'hash-mismatch' },
    });
    expect(report).toEqual({
      ok: false,
      problem: { key: 'audit.broken.hash-mismatch', seq: 4 },
      checked: { key: 'audit.checked', count: 7 },
    });
  });

  it('has plain words in every language for every reason, with the entry number in them', () => {
    for (const language of LANGUAGES) {
      const { t } = createI18n(language);
      for (const reason of AUDIT_BREAK_REASONS) {
        const report = auditReport({ ok: false, entries: 3, head: null, firstBroken: { seq: 42, reason } });
        if (report.ok) throw new Error('expected a broken report');
        const text = t(report.problem.key, { seq: report.problem.seq });
        expect(text, `${language} ${reason}`).toContain('42');
        expect(text).not.toContain('audit.broken');
      }
      expect(t('audit.intact', { count: 5 })).toContain('5');
    }
  });
});
