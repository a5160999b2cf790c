import { closeSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { BackupProgress, BackupReport, BackupSchedule } from '../../../shared/schemas/vault';
import { checkTarget } from '../bundle/exportTargets';
import { DalelFailure, failureFrom } from '../errors';
import type { VaultLifecycle, VaultSession } from '../session/vaultSession';
import type { Vault } from '../vault/vault';
import { backupVault } from './backup';
import { BACKUP_EXTENSION, BACKUP_MAGIC } from './backupFile';

/** vault_meta row holding the schedule (inside the encrypted vault: the folder says where copies are). */
const SCHEDULE_KEY = 'backup.schedule';
/** How often an open vault looks whether a scheduled backup is due. Cheap: one row read. */
export const SCHEDULE_CHECK_MS = 10 * 60_000;
/** A first look soon after unlock, not at once: the unlock itself and the first screens come first. */
export const FIRST_CHECK_MS = 60_000;
const DEFAULT_SCHEDULE = { everyHours: 24, keep: 7 };

interface StoredSchedule {
  folder: string | null;
  everyHours: number;
  keep: number;
  last: BackupSchedule['last'];
}

export interface BackupServicePorts {
  session: VaultSession;
  onProgress?(progress: BackupProgress): void;
  logError?(error: unknown): void;
  clock?: () => Date;
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
}

/**
 * Backups of the open vault: one at a time, now (to a file the lawyer chose) or on a schedule (into a
 * folder, such as an encrypted USB drive, keeping the last N). Scheduled backups run only while the
 * vault is unlocked — a backup is read through the open vault, and checked before it counts. A drive that
 * is not plugged in is a failed attempt, recorded and shown, and tried again at the next check.
 *
 * Locking the vault stops a running backup (nothing is kept) before the database closes.
 */
export class BackupService implements VaultLifecycle {
  private running: { controller: AbortController; done: Promise<unknown> } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly clock: () => Date;
  private readonly timers: NonNullable<BackupServicePorts['timers']>;

  constructor(private readonly ports: BackupServicePorts) {
    this.clock = ports.clock ?? (() => new Date());
    this.timers = ports.timers ?? { setTimeout, clearTimeout };
  }

  opened(): void {
    this.arm(FIRST_CHECK_MS);
  }

  async closing(): Promise<void> {
    this.disarm();
    if (this.running) {
      this.running.controller.abort();
      await this.running.done.catch(() => undefined);
    }
  }

  /** Back up now to `path` (from the save dialog): never over an existing file, never into the vault folder. */
  backupNow(path: string): Promise<BackupReport> {
    return this.run(path, false);
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.controller.abort();
    return true;
  }

  schedule(): BackupSchedule {
    const stored = this.stored(this.ports.session.vault());
    return { ...stored, nextAt: this.nextAt(stored)?.toISOString() ?? null };
  }

  setSchedule(change: { folder: string | null; everyHours: number; keep: number }): BackupSchedule {
    const vault = this.ports.session.vault();
    const folder = change.folder === null ? null : resolve(change.folder);
    if (folder !== null) checkFolder(folder, vault);
    const stored = { ...this.stored(vault), folder, everyHours: change.everyHours, keep: change.keep };
    vault.db.transaction(() => {
      this.store(vault, stored);
      vault.audit({ action: 'backup.schedule-set', subject: null, details: { folder, everyHours: change.everyHours, keep: change.keep } });
    })();
    this.arm(FIRST_CHECK_MS);
    return this.schedule();
  }

  /**
   * Make the scheduled backup if one is due: into the folder, named after the vault and the time, then
   * the oldest of this vault's scheduled backups beyond `keep` are removed. Returns what happened, or null
   * when nothing was due. Exposed for the timer and for tests.
   */
  async runIfDue(): Promise<BackupSchedule['last'] | null> {
    let vault: Vault;
    try {
      vault = this.ports.session.vault();
    } catch {
      return null;
    }
    const stored = this.stored(vault);
    const next = this.nextAt(stored);
    if (!stored.folder || !next || next > this.clock() || this.running) return null;
    const now = this.clock();
    const target = join(stored.folder, scheduledName(vault.dir, now));
    let last: NonNullable<BackupSchedule['last']>;
    try {
      checkFolder(stored.folder, vault);
      const report = await this.run(target, true, now);
      pruneScheduled(stored.folder, vault.dir, stored.keep, report.file);
      last = { at: now.toISOString(), ok: true, file: report.file, error: null };
    } catch (error) {
      const failure = failureFrom(error);
      if (!failure) this.ports.logError?.(error);
      last = { at: now.toISOString(), ok: false, file: null, error: failure ? { code: failure.code, message: failure.message } : { code: 'internal', message: 'The scheduled backup failed.' } };
    }
    try {
      if (this.ports.session.vault() === vault) this.store(vault, { ...this.stored(vault), last });
    } catch {
      // locked meanwhile: the next unlock looks again
    }
    return last;
  }

  private async run(path: string, scheduled: boolean, now?: Date): Promise<BackupReport> {
    if (this.running) throw new DalelFailure('conflict', 'A backup is already being made. Wait for it to finish.').because('backup-running');
    const vault = this.ports.session.vault();
    const controller = new AbortController();
    const work = backupVault(vault, path, {
      signal: controller.signal,
      now: now ?? this.clock(),
      onProgress: (progress) => this.ports.onProgress?.({ ...progress, scheduled }),
    });
    this.running = { controller, done: work };
    try {
      const report = await work;
      this.ports.onProgress?.({ phase: 'done', done: report.bytes, total: report.bytes, scheduled });
      return report;
    } finally {
      this.running = null;
    }
  }

  private nextAt(stored: StoredSchedule): Date | null {
    if (!stored.folder) return null;
    // A failed attempt is retried at the next check, not a whole interval later.
    if (!stored.last) return this.clock();
    const from = new Date(stored.last.at);
    return stored.last.ok ? new Date(from.getTime() + stored.everyHours * 3_600_000) : new Date(from.getTime() + SCHEDULE_CHECK_MS);
  }

  private stored(vault: Vault): StoredSchedule {
    const row = vault.db.prepare('SELECT value FROM vault_meta WHERE key = ?').get(SCHEDULE_KEY) as { value: string } | undefined;
    if (!row) return { folder: null, ...DEFAULT_SCHEDULE, last: null };
    try {
      const value = JSON.parse(row.value) as StoredSchedule;
      return { folder: value.folder ?? null, everyHours: value.everyHours ?? DEFAULT_SCHEDULE.everyHours, keep: value.keep ?? DEFAULT_SCHEDULE.keep, last: value.last ?? null };
    } catch {
      return { folder: null, ...DEFAULT_SCHEDULE, last: null };
    }
  }

  private store(vault: Vault, schedule: StoredSchedule): void {
    vault.db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SCHEDULE_KEY, JSON.stringify(schedule));
  }

  private arm(delay: number): void {
    this.disarm();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.runIfDue()
        .catch((error) => this.ports.logError?.(error))
        .finally(() => {
          if (this.isOpen()) this.arm(SCHEDULE_CHECK_MS);
        });
    }, delay);
    // Never keep a CLI or test process alive for a backup check.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private disarm(): void {
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private isOpen(): boolean {
    try {
      this.ports.session.vault();
      return true;
    } catch {
      return false;
    }
  }
}

function checkFolder(folder: string, vault: Vault): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new DalelFailure('validation', `The backup folder ${folder} is not there (is the drive plugged in?).`, { path: folder }).because('backup-folder-missing');
  }
  if (!isFolder) throw new DalelFailure('validation', `${folder} is not a folder. Choose a folder for the backups.`).because('folder-is-file');
  // The same rule as every export: nothing goes in or below the vault folder, whatever path leads there.
  checkTarget(join(folder, scheduledName(vault.dir, new Date(0))), 'backup', { vaultDir: vault.dir, overwrite: true });
}

/** `<vault folder name>-2026-12-05-143000.dalelbackup`: sorts by time, and says which vault it is. */
export function scheduledName(vaultDir: string, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return `${vaultStem(vaultDir)}-${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}-${stamp.slice(9)}${BACKUP_EXTENSION}`;
}

function vaultStem(vaultDir: string): string {
  return basename(resolve(vaultDir)).replace(/[^\p{L}\p{N}_.-]+/gu, '_') || 'vault';
}

/**
 * Remove this vault's oldest scheduled backups beyond `keep`. Only files with the scheduler's own names
 * for this vault that start like a Dalel backup are touched — never a file the lawyer put there — and
 * never the one just written.
 */
export function pruneScheduled(folder: string, vaultDir: string, keep: number, justWritten: string): string[] {
  const stem = vaultStem(vaultDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${stem}-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\${BACKUP_EXTENSION}$`, 'u');
  const ours = readdirSync(folder)
    .filter((name) => pattern.test(name) && startsLikeBackup(join(folder, name)))
    .sort()
    .reverse();
  const removed: string[] = [];
  for (const name of ours.slice(keep)) {
    if (resolve(folder, name) === resolve(justWritten)) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function startsLikeBackup(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const start = Buffer.alloc(BACKUP_MAGIC.length);
    return readSync(fd, start, 0, start.length, 0) === start.length && start.equals(BACKUP_MAGIC);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
