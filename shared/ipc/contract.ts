import { z } from 'zod';
import { MAX_PASSPHRASE_LENGTH } from '../domain/passphrase';
import type { Channel, EventName } from './channels';

/**
 * The one contract between the renderer and the core. Every channel is listed once with the schema of
 * its input and output. `electron/main` and the loopback test host both answer it from the same
 * handler table (electron/core/ipc/handlers.ts); inputs are validated there, at the boundary.
 */


const passphrase = z.string().max(MAX_PASSPHRASE_LENGTH);
const vaultPath = z.string().min(1).max(4096);
const empty = z.object({}).strict();

export const VaultState = z.enum(['no-vault', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const LockReason = z.enum(['user', 'idle', 'system']);
export type LockReason = z.infer<typeof LockReason>;

export const VaultStatus = z.object({
  state: VaultState,
  /** The vault folder unlocked or last used; null when no vault has been created or opened yet. */
  path: z.string().nullable(),
  /** Where a new vault is proposed by default. */
  defaultPath: z.string(),
  /** Why the vault was last locked, when it was locked by something other than the user. */
  lockReason: LockReason.nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const UnlockSecret = z.union([
  z.object({ passphrase }).strict(),
  z.object({ recoveryCode: z.string().min(1).max(200) }).strict(),
]);
export type UnlockSecret = z.infer<typeof UnlockSecret>;

export const AuditBreak = z.object({
  /** Sequence number of the first entry that does not verify. */
  seq: z.number().int(),
  reason: z.enum(['hash-mismatch', 'chain-broken', 'missing', 'head-mismatch']),
});
export type AuditBreak = z.infer<typeof AuditBreak>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBroken: AuditBreak.nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const Settings = z.object({
  /** Lock the vault after this many minutes without activity; 0 turns auto-lock off. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  language: z.enum(['en', 'ru', 'kk']).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const contract = {
  'vault:create': {
    input: z.object({ path: vaultPath, passphrase }).strict(),
    output: z.object({
      /** Shown once; it unlocks the vault if the passphrase is lost. Never stored in clear. */
      recoveryCode: z.string(),
      status: VaultStatus,
    }),
  },
  'vault:unlock': {
    input: z.object({ path: vaultPath, secret: UnlockSecret }).strict(),
    output: VaultStatus,
  },
  'vault:lock': { input: empty, output: VaultStatus },
  'vault:status': { input: empty, output: VaultStatus },
  'vault:changePassphrase': {
    /** `current` is the current passphrase or the recovery code (for a forgotten passphrase). */
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: z.object({ changedAt: z.string() }),
  },
  'vault:verify': { input: empty, output: AuditVerification },
  'settings:get': { input: empty, output: Settings },
  'settings:update': { input: Settings.partial().strict(), output: Settings },
  /** The renderer reports user activity (throttled) so that auto-lock measures real idleness. */
  'session:activity': { input: empty, output: z.null() },
  /** Ask the shell for a folder. Electron shows the native dialog; `path` is null when cancelled. */
  'dialog:pickFolder': {
    input: z.object({ purpose: z.enum(['create-vault', 'open-vault']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'vault:statusChanged': VaultStatus,
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
