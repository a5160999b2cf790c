import { describe, expect, it } from 'vitest';
import { restoreInput } from './restoreForm';

describe('restoreInput', () => {
  const form = { file: '/media/usb/Dalel Vault 2026-12-05.dalelbackup', folder: ' /home/a/Restored ', mode: 'passphrase' as const, secret: 'steppe kettle' };

  it('asks for what is missing, in the order of the form', () => {
    expect(restoreInput({ ...form, file: null })).toEqual({ problem: 'no-file' });
    expect(restoreInput({ ...form, folder: '  ' })).toEqual({ problem: 'no-folder' });
    expect(restoreInput({ ...form, secret: ' ' })).toEqual({ problem: 'no-secret' });
  });

  it('sends the passphrase or the recovery code as typed, and the folder trimmed', () => {
    expect(restoreInput(form)).toEqual({ input: { file: form.file, path: '/home/a/Restored', secret: { passphrase: 'steppe kettle' } } });
    expect(restoreInput({ ...form, mode: 'recovery-code', secret: 'abcd efgh' })).toEqual({
      input: { file: form.file, path: '/home/a/Restored', secret: { recoveryCode: 'abcd efgh' } },
    });
  });
});
