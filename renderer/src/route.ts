import type { VaultStatus } from '../../shared/ipc/contract';

/** Why a recovery code is on screen: a new vault, a replaced key, or a replaced code. */
export type RecoveryReason = 'created' | 'rotated' | 'replaced';

/**
 * Which screen to show. The vault status decides, except where the lawyer is part-way through
 * something the status does not know about: creating a vault (the status turns "unlocked" before the
 * recovery code has been shown), reading a recovery code (a new vault's, or after the key or the code was
 * replaced), opening a vault other than the last one, or restoring a backup into a new folder.
 */
export type Detour =
  | { to: 'create' }
  | { to: 'recovery'; code: string; reason?: RecoveryReason }
  | { to: 'unlock'; path: string }
  | { to: 'restore' }
  | null;

export type Route =
  | { screen: 'loading' }
  | { screen: 'create'; canGoBack: boolean }
  | { screen: 'recovery'; code: string; reason: RecoveryReason }
  | { screen: 'restore' }
  | { screen: 'unlock'; path: string }
  | { screen: 'library'; path: string };

export function route(status: VaultStatus | null, detour: Detour): Route {
  if (!status) return { screen: 'loading' };
  const unlocked = status.state === 'unlocked';
  if (detour?.to === 'create') return { screen: 'create', canGoBack: status.state === 'locked' && status.path !== null };
  if (detour?.to === 'recovery' && unlocked) return { screen: 'recovery', code: detour.code, reason: detour.reason ?? 'created' };
  // Restoring is for when no vault is open: an open one is locked or closed first.
  if (detour?.to === 'restore' && !unlocked) return { screen: 'restore' };
  if (detour?.to === 'unlock' && !unlocked) return { screen: 'unlock', path: detour.path };
  if (unlocked && status.path !== null) return { screen: 'library', path: status.path };
  if (status.state === 'locked' && status.path !== null) return { screen: 'unlock', path: status.path };
  return { screen: 'create', canGoBack: false };
}

/**
 * A detour that the new status has made pointless is dropped. Above all, once the vault locks, the
 * recovery code is forgotten: a locked app must not show the one secret that opens the vault.
 */
export function detourAfter(detour: Detour, status: VaultStatus): Detour {
  if (detour?.to === 'recovery' && status.state !== 'unlocked') return null;
  if ((detour?.to === 'unlock' || detour?.to === 'restore') && status.state === 'unlocked') return null;
  return detour;
}
