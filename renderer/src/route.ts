import type { VaultStatus } from '../../shared/ipc/contract';

/**
 * Which screen to show. The vault status decides, except where the lawyer is part-way through
 * something the status does not know about: creating a vault (the status turns "unlocked" before the
 * recovery code has been shown), reading the recovery code, or opening a vault other than the last one.
 */
export type Detour = { to: 'create' } | { to: 'recovery'; code: string } | { to: 'unlock'; path: string } | null;

export type Route =
  | { screen: 'loading' }
  | { screen: 'create'; canGoBack: boolean }
  | { screen: 'recovery'; code: string }
  | { screen: 'unlock'; path: string }
  | { screen: 'library'; path: string };

export function route(status: VaultStatus | null, detour: Detour): Route {
  if (!status) return { screen: 'loading' };
  const unlocked = status.state === 'unlocked';
  if (detour?.to === 'create') return { screen: 'create', canGoBack: status.state === 'locked' && status.path !== null };
  if (detour?.to === 'recovery' && unlocked) return { screen: 'recovery', code: detour.code };
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
  if (detour?.to === 'unlock' && status.state === 'unlocked') return null;
  return detour;
}
