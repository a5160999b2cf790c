import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES, IMPORT_WARNINGS, type FileImportStatus } from '../../../../shared/domain/document';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import { describeImportError, describeImportWarning, FILE_STATUS_KEYS, IMPORT_ERROR_KEYS, IMPORT_WARNING_KEYS } from './importMessages';

const FILE_STATUSES: FileImportStatus[] = ['queued', 'reading', 'processing', 'imported', 'duplicate', 'rejected', 'skipped', 'cancelled'];

describe('import messages', () => {
  it('have plain words for every import error code in every language', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      const seen = new Set<string>();
      for (const code of IMPORT_ERROR_CODES) {
        const key = IMPORT_ERROR_KEYS[code];
        expect(key, code).toBeDefined();
        // From this language's own strings, so an English fallback cannot hide a missing one.
        expect(i18n.getResource(language, 'translation', key), `${language}: ${key}`).toEqual(expect.any(String));
        const message = describeImportError(i18n.t, code);
        expect(message.trim(), `${language}: ${code}`).not.toBe('');
        expect(message).not.toBe(key);
        // "timeout" and "cancelled" are words too; "encrypted-pdf" is not.
        if (code.includes('-')) expect(message, `${language}: ${code} shows a code, not words`).not.toContain(code);
        seen.add(message);
      }
      // A lawyer must be able to tell the reasons apart.
      expect(seen.size, language).toBe(IMPORT_ERROR_CODES.length);
    }
  });

  it('explain every warning in every language', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      const seen = new Set<string>();
      for (const warning of IMPORT_WARNINGS) {
        expect(i18n.getResource(language, 'translation', IMPORT_WARNING_KEYS[warning]), `${language}: ${warning}`).toEqual(expect.any(String));
        seen.add(describeImportWarning(i18n.t, warning));
      }
      expect(seen.size, language).toBe(IMPORT_WARNINGS.length);
    }
  });

  it('name every file status in every language', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      const names = FILE_STATUSES.map((status) => i18n.getResource(language, 'translation', FILE_STATUS_KEYS[status]) as unknown);
      for (const name of names) expect(name, language).toEqual(expect.any(String));
      expect(new Set(names).size, language).toBe(FILE_STATUSES.length);
    }
  });

  it('still says something for a code this renderer does not know', () => {
    const { t } = createI18n('ru');
    const unknown = 'disk-on-fire' as unknown as Parameters<typeof describeImportError>[1];
    expect(describeImportError(t, unknown)).toBe(t('importErrors.corruptFile'));
  });
});
