import { basename, resolve } from 'node:path';
import { memoryConfig } from '../../core/session/appConfig';
import { VaultSession } from '../../core/session/vaultSession';
import { DEFAULT_KDF } from '../../core/vault/kdf';
import { createVault, verifyVaultAt, type UnlockSecret, type Vault } from '../../core/vault/vault';
import { UsageError, printJson, type Io } from '../output';
import { readNewSecret, readSecret, type SecretSource } from '../prompt';

/** What the vault lock's owner note calls the command line, so the app can say who has the vault. */
export const CLI_PROGRAM = 'dalel (command line)';

export interface CommandContext {
  io: Io;
  json: boolean;
  secrets: SecretSource;
  /** Unlock with the recovery code instead of the passphrase. */
  useRecoveryCode: boolean;
}

async function readUnlockSecret(ctx: CommandContext): Promise<UnlockSecret> {
  return ctx.useRecoveryCode
    ? { recoveryCode: await readSecret(ctx.secrets, 'DALEL_RECOVERY_CODE', 'Recovery code: ') }
    : { passphrase: await readSecret(ctx.secrets, 'DALEL_PASSPHRASE', 'Passphrase: ') };
}

/** A session of the app's own kind (core/session), without the app's config file. */
function cliSession(): VaultSession {
  return new VaultSession({ config: memoryConfig({ settings: { autoLockMinutes: 0, language: null, dateFormat: 'language' } }), defaultVaultPath: '', program: CLI_PROGRAM });
}

/**
 * Unlock for one command and always lock again, whatever happens — through the same VaultSession the
 * app uses, so the lock, the rollback check, the anchor and the audit entries are the app's.
 */
export async function withVault<T>(ctx: CommandContext, dir: string, work: (vault: Vault) => Promise<T> | T): Promise<T> {
  return withSession(ctx, dir, (session) => work(session.vault()));
}

export async function withSession<T>(ctx: CommandContext, dir: string, work: (session: VaultSession) => Promise<T> | T, options: { acknowledgeRollback?: boolean } = {}): Promise<T> {
  const secret = await readUnlockSecret(ctx);
  const session = cliSession();
  await session.unlock(dir, secret, options);
  try {
    return await work(session);
  } finally {
    await session.dispose();
  }
}

export async function initCommand(ctx: CommandContext, dir: string): Promise<number> {
  const passphrase = await readNewSecret(ctx.secrets, 'DALEL_PASSPHRASE', 'New vault passphrase: ');
  const { vault, recoveryCode } = await createVault(dir, passphrase, { program: CLI_PROGRAM });
  vault.lock();
  const kdf = { name: DEFAULT_KDF.name, memoryKiB: DEFAULT_KDF.memoryKiB, iterations: DEFAULT_KDF.iterations, parallelism: DEFAULT_KDF.parallelism };
  if (ctx.json) {
    printJson(ctx.io, { vault: resolve(dir), recoveryCode, kdf });
  } else {
    ctx.io.stdout(recoveryCodeText(`Created an encrypted vault in ${resolve(dir)}.`, recoveryCode));
  }
  return 0;
}

function recoveryCodeText(first: string, recoveryCode: string): string {
  return [
    first,
    '',
    'Recovery code (shown only this once):',
    '',
    `    ${recoveryCode}`,
    '',
    'It unlocks the vault if the passphrase is lost. Write it down and keep it away from this computer.',
    '',
  ].join('\n');
}

/**
 * `dalel verify [--deep]`: page authentication, structure, (originals), audit chain and anchor, reading
 * only (nothing is recorded). Exit 1 when any check fails; each failure names its check.
 */
export async function verifyCommand(ctx: CommandContext, dir: string, options: { deep?: boolean } = {}): Promise<number> {
  const secret = await readUnlockSecret(ctx);
  const result = await verifyVaultAt(dir, secret, { deep: options.deep === true, program: CLI_PROGRAM });
  if (ctx.json) {
    printJson(ctx.io, { vault: resolve(dir), ...result });
  } else if (result.ok) {
    ctx.io.stdout(`The vault in ${resolve(dir)} is intact${result.deep ? ' (deep check)' : ''}:\n${result.checks.map((check) => `  ✓ ${check.message}\n`).join('')}`);
  } else {
    const failed = result.checks.filter((check) => !check.ok);
    ctx.io.stdout(
      `The vault in ${resolve(dir)} failed ${failed.length === 1 ? 'a check' : `${failed.length} checks`}:\n${result.checks.map((check) => `  ${check.ok ? '✓' : '✗'} ${check.message}\n`).join('')}`,
    );
  }
  return result.ok ? 0 : 1;
}

/**
 * `dalel passwd [--rotate-key]`: a new passphrase; with --rotate-key the database is re-encrypted under
 * a new data key too, and a new recovery code is printed (the old passphrase, the old recovery code and
 * every old copy of the header then open nothing).
 */
export async function passwdCommand(ctx: CommandContext, dir: string, options: { rotateKey?: boolean } = {}): Promise<number> {
  const current = await readSecret(ctx.secrets, 'DALEL_PASSPHRASE', 'Current passphrase: ');
  const session = cliSession();
  await session.unlock(dir, { passphrase: current });
  let recoveryCode: string | null = null;
  let changedAt: string;
  try {
    const next = await readNewSecret(ctx.secrets, 'DALEL_NEW_PASSPHRASE', 'New passphrase: ');
    if (options.rotateKey) ({ recoveryCode, changedAt } = await session.rotateKey(current, next));
    else ({ changedAt } = await session.changePassphrase(current, next));
  } finally {
    await session.dispose();
  }
  if (ctx.json) printJson(ctx.io, { vault: resolve(dir), changedAt, ...(recoveryCode ? { keyRotated: true, recoveryCode } : {}) });
  else if (recoveryCode) {
    ctx.io.stdout(
      recoveryCodeText(
        `The vault in ${resolve(dir)} is now encrypted under a new key, with the new passphrase. The old passphrase, the old recovery code and old copies of the header open nothing any more.`,
        recoveryCode,
      ),
    );
  } else {
    ctx.io.stdout(
      `The passphrase of ${resolve(dir)} was changed. The old passphrase no longer opens this vault; the recovery code still does. (An old copy of the vault header still opens with the old passphrase: "dalel passwd --rotate-key" re-encrypts the vault so that nothing old opens it.)\n`,
    );
  }
  return 0;
}

/** `dalel recovery-code`: a new recovery code, printed once; the old one stops opening this vault. */
export async function recoveryCodeCommand(ctx: CommandContext, dir: string): Promise<number> {
  const current = await readSecret(ctx.secrets, ctx.useRecoveryCode ? 'DALEL_RECOVERY_CODE' : 'DALEL_PASSPHRASE', ctx.useRecoveryCode ? 'Current recovery code: ' : 'Passphrase: ');
  const { recoveryCode } = await withSession(ctx, dir, (session) => session.regenerateRecoveryCode(current));
  if (ctx.json) printJson(ctx.io, { vault: resolve(dir), recoveryCode });
  else ctx.io.stdout(recoveryCodeText(`The vault in ${resolve(dir)} has a new recovery code; the old one no longer opens it.`, recoveryCode));
  return 0;
}

/**
 * `dalel acknowledge-restore`: after putting an older copy of a vault back on purpose, accept it as it
 * is (an audit entry names the head the vault had reached and the one it has now) so it opens again.
 */
export async function acknowledgeRestoreCommand(ctx: CommandContext, dir: string): Promise<number> {
  const rollback = await withSession(ctx, dir, (session) => session.vault().acknowledgedRollback, { acknowledgeRollback: true });
  const ref = (head: { seq: number; hash: string } | null) => (head ? { seq: head.seq, hash: head.hash } : null);
  const acknowledged = rollback ? { reason: rollback.reason, anchored: ref(rollback.anchored), found: ref(rollback.found) } : null;
  if (ctx.json) printJson(ctx.io, { vault: resolve(dir), acknowledged });
  else if (acknowledged) {
    const at = (head: { seq: number } | null) => (head ? `#${head.seq}` : '(unknown)');
    ctx.io.stdout(
      `The restore of ${resolve(dir)} is acknowledged and recorded: the vault had reached audit entry ${at(acknowledged.anchored)}, it is now at ${at(acknowledged.found)}. It opens normally again.\n`,
    );
  } else ctx.io.stdout(`The vault in ${resolve(dir)} was not rolled back; there was nothing to acknowledge.\n`);
  return 0;
}

/**
 * `dalel wipe`: destroy the vault. The folder's name must be typed to confirm (--confirm NAME, or on the
 * terminal); no passphrase is needed.
 */
export async function wipeCommand(ctx: CommandContext, dir: string, options: { confirm?: string } = {}): Promise<number> {
  const name = basename(resolve(dir));
  let confirmation = options.confirm;
  if (confirmation === undefined) {
    if (!ctx.secrets.ask) throw new UsageError(`Confirm with --confirm "${name}" (the vault folder's name), or run the command in a terminal.`);
    confirmation = await ctx.secrets.ask(`This destroys the vault in ${resolve(dir)} and everything in it, for good. Type the folder's name (${name}) to confirm: `);
  }
  const session = cliSession();
  const report = await session.wipe(dir, confirmation);
  if (ctx.json) printJson(ctx.io, { vault: report.vault, wiped: true, files: report.files, bytes: report.bytes, leftInPlace: report.leftInPlace });
  else {
    const left = report.leftInPlace.length > 0 ? ` Files that are not Dalel's were left in the folder: ${report.leftInPlace.join(', ')}.` : '';
    ctx.io.stdout(`The vault in ${report.vault} was overwritten and removed (${report.files} files, ${report.bytes} bytes).${left}\n`);
  }
  return 0;
}
