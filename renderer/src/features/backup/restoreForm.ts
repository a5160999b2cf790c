import type { Input, UnlockSecret } from '../../../../shared/ipc/contract';

export type RestoreProblem = 'no-file' | 'no-folder' | 'no-secret';

/**
 * The restore request from the form, or what is still missing. The secret is the passphrase the vault
 * had when the backup was made, or its recovery code then (the core tells which was wrong).
 */
export function restoreInput(form: {
  file: string | null;
  folder: string;
  mode: 'passphrase' | 'recovery-code';
  secret: string;
}): { input: Input<'vault:restore'> } | { problem: RestoreProblem } {
  if (!form.file) return { problem: 'no-file' };
  const path = form.folder.trim();
  if (path === '') return { problem: 'no-folder' };
  if (form.secret.trim() === '') return { problem: 'no-secret' };
  return { input: { file: form.file, path, secret: secretOf(form.mode, form.secret) } };
}

export function secretOf(mode: 'passphrase' | 'recovery-code', secret: string): UnlockSecret {
  return mode === 'passphrase' ? { passphrase: secret } : { recoveryCode: secret };
}
