import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, MIN_PASSPHRASE_LENGTH, passphraseLength } from './passphrasePolicy';

const long = 'жылқы мен бүркіт';

describe('checkNewPassphrase', () => {
  it('accepts a long enough, fair or better passphrase typed twice', () => {
    expect(checkNewPassphrase(long, long, 2)).toEqual({ passphrase: null, confirmation: null, ok: true });
    expect(checkNewPassphrase(long, long, 4).ok).toBe(true);
  });

  it('refuses a passphrase shorter than the core minimum', () => {
    const short = 'a'.repeat(MIN_PASSPHRASE_LENGTH - 1);
    expect(checkNewPassphrase(short, short, 4)).toMatchObject({ passphrase: 'too-short', ok: false });
  });

  it('counts Kazakh letters and combining marks as the core does', () => {
    // A letter typed as base + combining accent is one code point after NFC, as in the core.
    expect(passphraseLength('e\u0301'.repeat(MIN_PASSPHRASE_LENGTH))).toBe(MIN_PASSPHRASE_LENGTH);
    expect(checkNewPassphrase('ә'.repeat(MIN_PASSPHRASE_LENGTH), 'ә'.repeat(MIN_PASSPHRASE_LENGTH), 2).ok).toBe(true);
    expect(passphraseLength('😀'.repeat(3))).toBe(3);
  });

  it('refuses a weak passphrase even when it is long enough', () => {
    expect(checkNewPassphrase('password123', 'password123', 1)).toMatchObject({ passphrase: 'too-weak', ok: false });
    expect(checkNewPassphrase('password123', 'password123', 0).passphrase).toBe('too-weak');
  });

  it('reports a confirmation that does not match', () => {
    expect(checkNewPassphrase(long, `${long} `, 3)).toMatchObject({ passphrase: null, confirmation: 'mismatch', ok: false });
  });

  it('reports empty fields', () => {
    expect(checkNewPassphrase('', '', null)).toEqual({ passphrase: 'empty', confirmation: 'empty', ok: false });
  });

  it('is not ok while the strength is still unknown', () => {
    expect(checkNewPassphrase(long, long, null)).toEqual({ passphrase: null, confirmation: null, ok: false });
  });

  it('refuses an absurdly long passphrase', () => {
    const huge = 'x'.repeat(2000);
    expect(checkNewPassphrase(huge, huge, 4).passphrase).toBe('too-long');
  });
});
