import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it('uses the language chosen in settings over the computer languages', () => {
    expect(pickLanguage('kk', ['ru-RU', 'en-US'])).toBe('kk');
  });

  it('falls back to the first computer language Dalel has', () => {
    expect(pickLanguage(null, ['de-DE', 'ru-KZ', 'en'])).toBe('ru');
    expect(pickLanguage(undefined, ['kk-Cyrl-KZ'])).toBe('kk');
    expect(pickLanguage(null, ['KK_kz'])).toBe('kk');
  });

  it('ignores a setting that is not a supported language', () => {
    expect(pickLanguage('zh', ['ru'])).toBe('ru');
  });

  it('falls back to English', () => {
    expect(pickLanguage(null, ['zh-CN', 'ug'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});
