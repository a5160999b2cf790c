import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/ipc/errors';
import { createI18n } from '../i18n/i18n';
import { LANGUAGES } from '../i18n/language';
import { describeError, ERROR_MESSAGE_KEYS } from './errorMessages';

describe('describeError', () => {
  it('has plain words for every error code in every language', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      const { t } = i18n;
      const seen = new Set<string>();
      for (const code of ERROR_CODES) {
        const key = ERROR_MESSAGE_KEYS[code];
        expect(key, code).toBeDefined();
        // Read from this language's own strings, so an English fallback cannot hide a missing one.
        expect(i18n.getResource(language, 'translation', key), `${language}: ${key}`).toEqual(expect.any(String));
        const { message } = describeError(t, { code, message: 'core text' });
        expect(message.trim(), `${language}: ${code}`).not.toBe('');
        expect(message).not.toBe(key);
        seen.add(message);
      }
      // Each code says something different: a lawyer must be able to tell them apart.
      expect(seen.size, language).toBe(ERROR_CODES.length);
    }
  });

  it('shows the core message as detail only where it names what was refused', () => {
    const { t } = createI18n('en');
    expect(describeError(t, { code: 'validation', message: 'The folder /x is not empty.' }).detail).toBe('The folder /x is not empty.');
    const leak = 'A protected name was still found on page 7 of the bundle.';
    expect(describeError(t, { code: 'redaction-leak', message: leak })).toEqual({ message: t('errors.redactionLeak'), detail: leak });
    for (const code of ['unsafe-target', 'target-exists', 'unchecked-pages'] as const) {
      expect(describeError(t, { code, message: 'page 3 of “Refusal”' }).detail, code).toBe('page 3 of “Refusal”');
    }
    expect(describeError(t, { code: 'internal', message: 'stack trace here' }).detail).toBeNull();
    expect(describeError(t, { code: 'wrong-passphrase', message: 'The passphrase is not correct.' }).detail).toBeNull();
  });

  it('lets a screen say something more precise for a code', () => {
    const { t } = createI18n('ru');
    const text = describeError(t, { code: 'wrong-passphrase', message: '' }, { 'wrong-passphrase': t('unlock.wrongRecoveryCode') });
    expect(text.message).toBe(t('unlock.wrongRecoveryCode'));
  });

  it('falls back to the internal-error words for a code it does not know', () => {
    const { t } = createI18n('kk');
    const unknown = { code: 'disk-on-fire', message: '' } as unknown as Parameters<typeof describeError>[1];
    expect(describeError(t, unknown).message).toBe(t('errors.internal'));
  });
});
