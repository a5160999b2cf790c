import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import { rollbackView } from './rollback';

describe('rollbackView', () => {
  it('reads both audit heads from a vault-rolled-back refusal', () => {
    const error = {
      code: 'vault-rolled-back' as const,
      message: 'The vault database is older than the vault has been: …',
      details: { reason: 'older', anchored: { seq: 12, hash: 'ab12' }, found: { seq: 7, hash: 'cd34' } },
    };
    expect(rollbackView(error)).toEqual({ reason: 'older', anchored: 12, found: 7 });
  });

  it('copes with a record that is missing or names no heads', () => {
    expect(rollbackView({ code: 'vault-rolled-back', message: '', details: { reason: 'anchor-missing', anchored: null, found: { seq: 3, hash: 'x' } } })).toEqual({
      reason: 'anchor-missing',
      anchored: null,
      found: 3,
    });
    expect(rollbackView({ code: 'vault-rolled-back', message: '' })).toEqual({ reason: 'older', anchored: null, found: null });
  });

  it('is nothing for any other error', () => {
    expect(rollbackView({ code: 'wrong-passphrase', message: '' })).toBeNull();
  });

  it('has plain words with both entry numbers in every language', () => {
    for (const language of LANGUAGES) {
      const { t } = createI18n(language);
      const text = t('rollback.heads', { anchored: 12, found: 7 });
      expect(text, language).toContain('12');
      expect(text, language).toContain('7');
      for (const reason of ['older', 'diverged', 'anchor-missing', 'anchor-invalid'] as const) expect(t(`rollback.reason.${reason}`)).not.toContain('rollback.');
    }
  });
});
