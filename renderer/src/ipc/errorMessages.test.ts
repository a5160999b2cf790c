import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from '../../../shared/ipc/errors';
import { createI18n } from '../i18n/i18n';
import { LANGUAGES } from '../i18n/language';
import { describeError, ERROR_MESSAGE_KEYS, reasonKey } from './errorMessages';

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

  it('words the detail from the reason in the lawyer’s language, never from the core’s English sentence', () => {
    const en = createI18n('en').t;
    const ru = createI18n('ru').t;
    const folder = { code: 'validation', message: 'The folder /x is not empty. Choose an empty folder or a new one for the vault.', reason: 'folder-not-empty' } as const;
    expect(describeError(en, folder).detail).toBe(en('errors.reasons.folder-not-empty'));
    expect(describeError(ru, folder).detail).toBe('Папка не пуста. Выберите пустую или новую папку.');
    const gone = describeError(ru, { code: 'not-found', message: 'This bundle is no longer in the vault.', reason: 'bundle-gone' });
    expect(gone).toMatchObject({ message: ru('errors.notFound'), detail: 'Этой подборки больше нет в хранилище.' });
    expect(describeError(ru, { code: 'validation', message: 'Page 3 of this document has not been read.', reason: 'page-not-read', params: { page: 3 } }).detail).toBe(
      'Страница 3 этого документа не распознана.',
    );
    const leak = { code: 'redaction-leak', message: 'The finished bundle still showed protected person 1 on page 7 in the text of the page.', reason: 'leak-on-page' } as const;
    expect(describeError(ru, { ...leak, params: { page: 7, where: 'text', label: 'Лицо под защитой 1' } }).detail).toBe('Всё ещё видно: «Лицо под защитой 1» в тексте страницы 7.');
    expect(describeError(en, { ...leak, params: { page: 0, where: 'bytes', label: 'Term 2' } }).detail).toBe(
      'Still visible: «Term 2» in the file itself (a title, a bookmark or the document information).',
    );
    expect(describeError(en, { ...leak, params: { page: 4, where: 'pixels', label: '' } }).detail).toBe('Still visible: «a redaction that is not black» on page 4 as it prints.');
    // no reason: the English sentence is not shown to a lawyer reading Russian
    expect(describeError(ru, { code: 'validation', message: 'The folder /x is not empty.' }).detail).toBeNull();
    // the core's sentence is never the detail, whatever the code
    for (const code of ERROR_CODES) expect(describeError(ru, { code, message: 'Core sentence in English.' }).detail, code).toBeNull();
    expect(describeError(en, { code: 'internal', message: 'stack trace here' }).detail).toBeNull();
    expect(describeError(en, { code: 'wrong-passphrase', message: 'The passphrase is not correct.' }).detail).toBeNull();
  });

  it('says who holds the vault, when a rollback was seen, and which pages were not checked, in each language', () => {
    const since = '2026-03-09T08:05:00.000Z';
    const local = new Date(since);
    const two = (value: number) => String(value).padStart(2, '0');
    const time = `${two(local.getHours())}:${two(local.getMinutes())}`;
    const day = `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}`;
    const held = { code: 'vault-in-use', message: 'This vault is open in dalel export (process 42, since …).', reason: 'vault-open-in', params: { program: 'dalel export', pid: 42, since } } as const;
    const [year, month, date] = day.split('-');
    const ruDay = `${date}.${month}.${year}`;
    expect(describeError(createI18n('ru').t, held).detail).toBe(`Открыто в dalel export (процесс 42) на этом компьютере с ${ruDay}, ${time}.`);
    expect(describeError(createI18n('kk').t, { ...held, params: { ...held.params, host: 'office-2' } }).detail).toBe(`${ruDay}, ${time} бастап office-2 компьютерінде dalel export бағдарламасында ашық (процесс 42).`);
    // the lawyer's setting for dates holds in the detail too
    expect(describeError(createI18n('en').t, held, {}, 'iso').detail).toBe(`Open in dalel export (process 42) on this computer since ${day}, ${time}.`);
    const rolled = { code: 'vault-rolled-back', message: 'The vault database is older than the vault has been: …', reason: 'rollback-older', params: { found: 12, anchored: 15 } } as const;
    expect(describeError(createI18n('ru').t, rolled).detail).toBe('Его журнал аудита заканчивается записью 12, а хранилище уже доходило до записи 15.');
    const unchecked = { code: 'unchecked-pages', message: 'These pages could not be fully checked …', reason: 'pages-unchecked', params: { count: 3, page: 2, title: 'Справка' } } as const;
    expect(describeError(createI18n('kk').t, unchecked).detail).toBe('Толық тексерілмеген беттер: 3. Біріншісі — «Справка» құжатының 2-беті.');
  });

  it('has words for every reason in every language', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      for (const reason of ERROR_REASONS) {
        expect(i18n.getResource(language, 'translation', reasonKey(reason)), `${language}: ${reason}`).toEqual(expect.any(String));
      }
    }
  });

  it('lets a screen say something more precise for a code', () => {
    const { t } = createI18n('ru');
    const text = describeError(t, { code: 'wrong-passphrase', message: '' }, { 'wrong-passphrase': 'unlock.wrongRecoveryCode' });
    expect(text.message).toBe(t('unlock.wrongRecoveryCode'));
  });

  it('keeps what the words were made from, so that they can be said again in another language', () => {
    const error = { code: 'vault-in-use', message: 'This vault is open in Dalel.', reason: 'vault-open-elsewhere' } as const;
    const english = describeError(createI18n('en').t, error, { 'vault-in-use': 'unlock.vaultNotFound' });
    const { source } = english;
    expect(source).toBeDefined();
    const kazakh = describeError(createI18n('kk').t, source!.error, source!.overrides);
    expect(kazakh.message).toBe(createI18n('kk').t('unlock.vaultNotFound'));
    expect(kazakh.detail).toBe(createI18n('kk').t('errors.reasons.vault-open-elsewhere'));
    expect(kazakh.message).not.toBe(english.message);
  });

  it('falls back to the internal-error words for a code it does not know', () => {
    const { t } = createI18n('kk');
    const unknown = { code: 'disk-on-fire', message: '' } as unknown as Parameters<typeof describeError>[1];
    expect(describeError(t, unknown).message).toBe(t('errors.internal'));
  });
});
