import { resolve } from 'node:path';
import { DEMO_VAULT_PASSPHRASE } from '../../../shared/domain/demo';
import type { LockReason, Settings, VaultStatus } from '../../../shared/schemas/vault';
import { demoVaultPath, demoVaultRefusal, isDemoVault, markDemoVault } from '../demo/demoMark';
import { DalelFailure, failureFrom } from '../errors';
import { hasHeader } from '../vault/header';
import type { Argon2idParams } from '../vault/kdf';
import { createVault, unlockVault, type UnlockSecret, type Vault } from '../vault/vault';
import type { VaultVerification } from '../vault/vaultChecks';
import { checkWipeConfirmation, wipeVault, type WipeReport } from '../vault/wipe';
import type { AppConfigStore } from './appConfig';

export interface VaultSessionPorts {
  config: Pick<AppConfigStore, 'read' | 'update'>;
  /** What the vault lock's owner note calls this program (vaultLock.ts); a default names the process. */
  program?: string;
  /** Proposed folder for a new vault. */
  defaultVaultPath: string;
  clock?: () => Date;
  /** Only tests lower this, and never below the floor (kdf.ts refuses). */
  kdf?: Argon2idParams;
  /** Timer functions, swappable so auto-lock can be tested without waiting minutes. */
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
}

type StatusListener = (status: VaultStatus) => void;

/** Services that work on the unlocked vault (the import queue) start and stop with it. */
export interface VaultLifecycle {
  opened(vault: Vault): void;
  /** Called before the vault closes; the vault is still open until the promise settles. */
  closing(): Promise<void>;
}

/**
 * The app's one vault session: at most one vault unlocked at a time, auto-lock after idle, and a
 * status event whenever the state changes. Shared by the Electron main process, the loopback test
 * host and the CLI, so all three behave the same.
 */
export class VaultSession {
  private current: Vault | null = null;
  /** The unlocked vault carries the demo mark (read once when it opens). */
  private currentIsDemo = false;
  private lastLockReason: LockReason | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<StatusListener>();
  private readonly lifecycles: VaultLifecycle[] = [];
  private readonly clock: () => Date;
  private readonly timers: NonNullable<VaultSessionPorts['timers']>;
  /** Serialises create/unlock/lock so a double click cannot open two connections. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ports: VaultSessionPorts) {
    this.clock = ports.clock ?? (() => new Date());
    this.timers = ports.timers ?? { setTimeout, clearTimeout };
  }

  status(): VaultStatus {
    const defaultPath = this.ports.defaultVaultPath;
    const demoPath = this.demoPath();
    if (this.current) {
      return { state: 'unlocked', path: this.current.dir, defaultPath, demoPath, demo: this.currentIsDemo, lockReason: null };
    }
    const last = this.ports.config.read().lastVaultPath;
    if (last && hasHeader(last)) {
      return { state: 'locked', path: last, defaultPath, demoPath, demo: resolve(last) === demoPath, lockReason: this.lastLockReason };
    }
    return { state: 'no-vault', path: null, defaultPath, demoPath, demo: false, lockReason: null };
  }

  /** Where the demo vault lives: beside the default vault folder, never in it. */
  demoPath(): string {
    return demoVaultPath(this.ports.defaultVaultPath);
  }

  onStatusChanged(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addLifecycle(lifecycle: VaultLifecycle): void {
    this.lifecycles.push(lifecycle);
    if (this.current) lifecycle.opened(this.current);
  }

  /** The unlocked vault, or `vault-locked`. */
  vault(): Vault {
    if (!this.current) throw new DalelFailure('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.current;
  }

  /**
   * Refuses the demo vault's folder as the place of a real vault (made or restored there): it would be
   * shown as the demo vault, with the demo's public passphrase beside it.
   */
  refuseDemoFolder(path: string): void {
    if (resolve(path) === this.demoPath()) {
      throw new DalelFailure('validation', 'This folder is kept for the demo vault with sample documents. Choose another folder for your own vault.').because('folder-for-demo');
    }
  }

  create(path: string, passphrase: string): Promise<{ recoveryCode: string; status: VaultStatus }> {
    return this.serial(async () => {
      this.refuseDemoFolder(path);
      await this.closeCurrent();
      const { vault, recoveryCode } = await createVault(path, passphrase, this.vaultOptions());
      this.opened(vault);
      return { recoveryCode, status: this.status() };
    });
  }

  /**
   * Unlock. `acknowledgeRollback` accepts a database older than the vault's anchor after a deliberate
   * restore (an audit entry names both heads); without it such a vault is refused with `vault-rolled-back`.
   */
  unlock(path: string, secret: UnlockSecret, options: { acknowledgeRollback?: boolean } = {}): Promise<VaultStatus> {
    return this.serial(async () => {
      const dir = resolve(path);
      if (this.current?.dir === dir) return this.status();
      const vault = await unlockVault(dir, secret, { ...this.vaultOptions(), acknowledgeRollback: options.acknowledgeRollback });
      await this.closeCurrent();
      this.opened(vault);
      return this.status();
    });
  }

  /**
   * Open the demo vault in its own folder (demo/demoVault.ts fills it): a new one when the folder is
   * missing or empty, else the one there — but only when it opens with the demo's public passphrase and
   * carries the demo mark inside. Anything else there (a real vault, other files) is left exactly as it
   * is and refused with `vault-exists` (`demo-folder-taken`) or `validation` (`folder-not-empty`).
   */
  openDemo(): Promise<{ created: boolean; status: VaultStatus }> {
    return this.serial(async () => {
      const dir = this.demoPath();
      if (this.current?.dir === dir && this.currentIsDemo) return { created: false, status: this.status() };
      const taken = () =>
        new DalelFailure('vault-exists', `${dir} holds a vault that is not Dalel's demo vault. It was left as it is.`).because('demo-folder-taken', { path: dir });
      if (hasHeader(dir)) {
        let vault: Vault;
        try {
          vault = await unlockVault(dir, { passphrase: DEMO_VAULT_PASSPHRASE }, this.vaultOptions());
        } catch (error) {
          if (failureFrom(error)?.code === 'wrong-passphrase') throw taken();
          throw error;
        }
        if (!isDemoVault(vault.db)) {
          vault.lock();
          throw taken();
        }
        await this.closeCurrent();
        this.opened(vault);
        return { created: false, status: this.status() };
      }
      await this.closeCurrent();
      const { vault } = await createVault(dir, DEMO_VAULT_PASSPHRASE, { ...this.vaultOptions(), initialise: markDemoVault });
      this.opened(vault);
      return { created: true, status: this.status() };
    });
  }

  lock(reason: LockReason = 'user'): Promise<VaultStatus> {
    return this.serial(async () => {
      if (this.current) {
        // Recorded where it can be: not on read-only media, and a full disk must not keep the vault open.
        await this.closeCurrent(() => this.current?.auditWhenPossible({ action: 'vault.locked', subject: null, details: { reason } }));
        this.lastLockReason = reason;
        this.emit();
      }
      return this.status();
    });
  }

  async changePassphrase(current: string, next: string): Promise<{ changedAt: string }> {
    this.refuseInDemo('a passphrase of its own');
    await this.vault().changePassphrase(current, next);
    this.activity();
    return { changedAt: this.clock().toISOString() };
  }

  /**
   * Re-encrypt the vault under a new data key (vault/keyRotation.ts), with `next` as the passphrase and a
   * new recovery code, shown once. The services working on the vault stop meanwhile and start again on
   * the re-keyed vault.
   */
  rotateKey(current: string, next: string): Promise<{ recoveryCode: string; changedAt: string }> {
    return this.serial(async () => {
      const vault = this.vault();
      this.refuseInDemo('a passphrase of its own');
      this.disarmIdleTimer();
      await Promise.allSettled(this.lifecycles.map((lifecycle) => lifecycle.closing()));
      let rotated: { vault: Vault; recoveryCode: string } | null = null;
      try {
        rotated = await vault.rotateKey(current, next);
        return { recoveryCode: rotated.recoveryCode, changedAt: this.clock().toISOString() };
      } finally {
        if (rotated) this.current = rotated.vault;
        if (this.current?.isOpen) {
          for (const lifecycle of this.lifecycles) lifecycle.opened(this.current);
          this.armIdleTimer();
        } else {
          this.current = null;
          this.emit();
        }
      }
    });
  }

  /** A new recovery code (shown once); the old one stops opening this vault. */
  async regenerateRecoveryCode(current: string): Promise<{ recoveryCode: string }> {
    const result = await this.vault().regenerateRecoveryCode(current);
    this.activity();
    return result;
  }

  /**
   * Destroy a vault: overwrite its files and remove them (vault/wipe.ts). `confirmation` must be the vault
   * folder's name, typed by the lawyer. The vault is locked first if it is the open one.
   */
  wipe(path: string, confirmation: string): Promise<WipeReport> {
    return this.serial(async () => {
      const dir = resolve(path);
      // A mistyped confirmation changes nothing: not even the open vault is locked.
      checkWipeConfirmation(dir, confirmation);
      if (this.current?.dir === dir) {
        await this.closeCurrent();
        this.emit();
      }
      const report = wipeVault(dir, confirmation, { program: this.ports.program });
      if (this.ports.config.read().lastVaultPath === dir) this.ports.config.update({ lastVaultPath: null });
      this.emit();
      return report;
    });
  }

  verify(options: { deep?: boolean } = {}): VaultVerification {
    return this.vault().verify(options);
  }

  settings(): Settings {
    return this.ports.config.read().settings;
  }

  updateSettings(change: Partial<Settings>): Settings {
    const settings = { ...this.settings(), ...change };
    this.ports.config.update({ settings });
    this.armIdleTimer();
    return settings;
  }

  /** Called on every user action; restarts the idle countdown. */
  activity(): void {
    if (this.current) this.armIdleTimer();
  }

  /** Lock and stop timers; for app quit. */
  async dispose(): Promise<void> {
    await this.lock('system');
    this.disarmIdleTimer();
    this.listeners.clear();
  }

  private vaultOptions() {
    return { kdf: this.ports.kdf, clock: this.clock, program: this.ports.program };
  }

  /**
   * The demo vault keeps its public passphrase: with a secret one it would look like a safe place for
   * real documents, and Dalel could no longer reopen it or prove it is the demo before replacing it.
   */
  private refuseInDemo(what: string): void {
    if (this.current && this.currentIsDemo) throw demoVaultRefusal(what);
  }

  private opened(vault: Vault): void {
    this.current = vault;
    this.currentIsDemo = isDemoVault(vault.db);
    this.lastLockReason = null;
    // The demo vault is never "the last vault": leaving it goes back to the lawyer's own vault (or to
    // the first-run screen), and the app never starts on it.
    if (!this.currentIsDemo) this.ports.config.update({ lastVaultPath: vault.dir });
    this.armIdleTimer();
    for (const lifecycle of this.lifecycles) lifecycle.opened(vault);
    this.emit();
  }

  /** Stop the services working on the vault, then close it; `last` runs while it is still open. */
  private async closeCurrent(last?: () => void): Promise<void> {
    this.disarmIdleTimer();
    const vault = this.current;
    if (!vault) return;
    try {
      await Promise.allSettled(this.lifecycles.map((lifecycle) => lifecycle.closing()));
      last?.();
    } finally {
      vault.lock();
      this.current = null;
      this.currentIsDemo = false;
    }
  }

  private armIdleTimer(): void {
    this.disarmIdleTimer();
    const minutes = this.settings().autoLockMinutes;
    if (!this.current || minutes <= 0) return;
    this.idleTimer = this.timers.setTimeout(() => {
      this.idleTimer = null;
      void this.lock('idle');
    }, minutes * 60_000);
    // Never keep a CLI or test process alive just to lock it later.
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  private disarmIdleTimer(): void {
    if (this.idleTimer) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
