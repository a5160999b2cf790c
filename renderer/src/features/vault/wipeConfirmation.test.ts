import { describe, expect, it } from 'vitest';
import { wipeConfirmed } from './wipeConfirmation';

describe('wipeConfirmed', () => {
  it('asks for the vault folder name exactly, as the core compares it', () => {
    expect(wipeConfirmed('Dalel Vault', '/home/a/Dalel Vault')).toBe(true);
    expect(wipeConfirmed('  Dalel Vault ', '/home/a/Dalel Vault')).toBe(true);
    expect(wipeConfirmed('dalel vault', '/home/a/Dalel Vault')).toBe(false);
    expect(wipeConfirmed('Dalel', '/home/a/Dalel Vault')).toBe(false);
    expect(wipeConfirmed('/home/a/Dalel Vault', '/home/a/Dalel Vault')).toBe(false);
  });

  it('works for Windows paths and a trailing separator, and never for an empty name', () => {
    expect(wipeConfirmed('Қойма', 'C:\\Users\\a\\Қойма\\')).toBe(true);
    expect(wipeConfirmed('', '/')).toBe(false);
  });
});
