import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../shared/ipc/contract';
import { detourAfter, route } from './route';

const noVault: VaultStatus = { state: 'no-vault', path: null, defaultPath: '/home/a/Dalel', demoPath: '/home/a/Dalel Demo Vault', demo: false, lockReason: null };
const locked: VaultStatus = { state: 'locked', path: '/cases/vault', defaultPath: '/home/a/Dalel', demoPath: '/home/a/Dalel Demo Vault', demo: false, lockReason: 'idle' };
const unlocked: VaultStatus = { state: 'unlocked', path: '/cases/vault', defaultPath: '/home/a/Dalel', demoPath: '/home/a/Dalel Demo Vault', demo: false, lockReason: null };

describe('route', () => {
  it('follows the vault status', () => {
    expect(route(null, null)).toEqual({ screen: 'loading' });
    expect(route(noVault, null)).toEqual({ screen: 'create', canGoBack: false });
    expect(route(locked, null)).toEqual({ screen: 'unlock', path: '/cases/vault' });
    expect(route(unlocked, null)).toEqual({ screen: 'library', path: '/cases/vault' });
  });

  it('stays on the create screen while the new vault opens, then shows the recovery code', () => {
    expect(route(unlocked, { to: 'create' }).screen).toBe('create');
    expect(route(unlocked, { to: 'recovery', code: 'ABCD' })).toEqual({ screen: 'recovery', code: 'ABCD', reason: 'created' });
  });

  it('shows a new recovery code after the key or the code was replaced, saying why', () => {
    expect(route(unlocked, { to: 'recovery', code: 'ABCD', reason: 'rotated' })).toEqual({ screen: 'recovery', code: 'ABCD', reason: 'rotated' });
    expect(route(unlocked, { to: 'recovery', code: 'ABCD', reason: 'replaced' })).toEqual({ screen: 'recovery', code: 'ABCD', reason: 'replaced' });
    expect(route(locked, { to: 'recovery', code: 'ABCD', reason: 'rotated' }).screen).toBe('unlock');
  });

  it('restores a backup only while no vault is open', () => {
    expect(route(noVault, { to: 'restore' })).toEqual({ screen: 'restore' });
    expect(route(locked, { to: 'restore' })).toEqual({ screen: 'restore' });
    expect(route(unlocked, { to: 'restore' })).toEqual({ screen: 'library', path: '/cases/vault' });
  });

  it('lets the lawyer go back from creating a vault only when there is one to go back to', () => {
    expect(route(locked, { to: 'create' })).toEqual({ screen: 'create', canGoBack: true });
    expect(route(noVault, { to: 'create' })).toEqual({ screen: 'create', canGoBack: false });
  });

  it('opens another vault than the last one', () => {
    expect(route(noVault, { to: 'unlock', path: '/usb/vault' })).toEqual({ screen: 'unlock', path: '/usb/vault' });
    expect(route(unlocked, { to: 'unlock', path: '/usb/vault' }).screen).toBe('library');
  });
});

describe('detourAfter', () => {
  it('forgets the recovery code as soon as the vault locks', () => {
    expect(detourAfter({ to: 'recovery', code: 'ABCD' }, locked)).toBeNull();
    expect(detourAfter({ to: 'recovery', code: 'ABCD' }, unlocked)).toEqual({ to: 'recovery', code: 'ABCD' });
  });

  it('drops the other-vault detour once a vault is open', () => {
    expect(detourAfter({ to: 'unlock', path: '/usb/vault' }, unlocked)).toBeNull();
    expect(detourAfter({ to: 'unlock', path: '/usb/vault' }, locked)).toEqual({ to: 'unlock', path: '/usb/vault' });
  });

  it('drops the restore detour once the restored vault is opened', () => {
    expect(detourAfter({ to: 'restore' }, unlocked)).toBeNull();
    expect(detourAfter({ to: 'restore' }, noVault)).toEqual({ to: 'restore' });
  });

  it('keeps the create detour while the vault is being created', () => {
    expect(detourAfter({ to: 'create' }, unlocked)).toEqual({ to: 'create' });
  });
});
