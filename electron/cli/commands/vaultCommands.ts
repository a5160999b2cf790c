import { resolve } from 'node:path';
import { DEFAULT_KDF } from '../../core/vault/kdf';
import { createVault, unlockVault, type Vault } from '../../core/vault/vault';
import { printJson, type Io } from '../output';
import { readNewSecret, readSecret, type SecretSource } from '../prompt';

export interface CommandContext {
  io: Io;
  json: boolean;
  secrets: SecretSource;
  /** Unlock with the recovery code instead of the passphrase. */
  useRecoveryCode: boolean;
}

/** Unlock for one command and always lock again, whatever happens. */
export async function withVault<T>(ctx: CommandContext, dir: string, work: (vault: Vault) => Promise<T> | T): Promise<T> {
  const secret = ctx.useRecoveryCode
    ? { recoveryCode: await readSecret(ctx.secrets, 'DALEL_RECOVERY_CODE', 'Recovery code: ') }
    : { passphrase: await readSecret(ctx.secrets, 'DALEL_PASSPHRASE', 'Passphrase: ') };
  const vault = await unlockVault(dir, secret);
  try {
    return await work(vault);
  } finally {
    vault.lock();
  }
}

export async function initCommand(ctx: CommandContext, dir: string): Promise<number> {
  const passphrase = await readNewSecret(ctx.secrets, 'DALEL_PASSPHRASE', 'New vault passphrase: ');
  const { vault, recoveryCode } = await createVault(dir, passphrase);
  vault.lock();
  const kdf = { name: DEFAULT_KDF.name, memoryKiB: DEFAULT_KDF.memoryKiB, iterations: DEFAULT_KDF.iterations, parallelism: DEFAULT_KDF.parallelism };
  if (ctx.json) {
    printJson(ctx.io, { vault: resolve(dir), recoveryCode, kdf });
  } else {
    ctx.io.stdout(
      [
        `Created an encrypted vault in ${resolve(dir)}.`,
        '',
        'Recovery code (shown only this once):',
        '',
        `    ${recoveryCode}`,
        '',
        'It unlocks the vault if the passphrase is lost. Write it down and keep it away from this computer.',
        '',
      ].join('\n'),
    );
  }
  return 0;
}

export async function verifyCommand(ctx: CommandContext, dir: string): Promise<number> {
  const result = await withVault(ctx, dir, (vault) => vault.verify());
  if (ctx.json) {
    printJson(ctx.io, { vault: resolve(dir), ...result });
  } else if (result.ok) {
    ctx.io.stdout(`The audit log of ${resolve(dir)} is intact: ${result.entries} entries, each linked to the one before.\n`);
  } else {
    const broken = result.firstBroken!;
    const what = {
      'hash-mismatch': 'was altered',
      'chain-broken': 'does not follow from the entry before it (entries were replaced or reordered)',
      missing: 'is missing (entries were deleted or moved)',
      'head-mismatch': 'is not the last entry the vault recorded (entries were added from outside Dalel)',
    }[broken.reason];
    ctx.io.stdout(`The audit log of ${resolve(dir)} has been tampered with: entry #${broken.seq} ${what}.\n`);
  }
  return result.ok ? 0 : 1;
}

export async function passwdCommand(ctx: CommandContext, dir: string): Promise<number> {
  const current = await readSecret(ctx.secrets, 'DALEL_PASSPHRASE', 'Current passphrase: ');
  const vault = await unlockVault(dir, { passphrase: current });
  try {
    const next = await readNewSecret(ctx.secrets, 'DALEL_NEW_PASSPHRASE', 'New passphrase: ');
    await vault.changePassphrase(current, next);
  } finally {
    vault.lock();
  }
  const changedAt = new Date().toISOString();
  if (ctx.json) printJson(ctx.io, { vault: resolve(dir), changedAt });
  else ctx.io.stdout(`The passphrase of ${resolve(dir)} was changed. The old passphrase no longer opens it; the recovery code still does.\n`);
  return 0;
}
