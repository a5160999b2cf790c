import type { BackupProgress, BackupSchedule } from '../../../../shared/ipc/contract';
import type { ErrorCode } from '../../../../shared/ipc/errors';
import { folderName } from '../vault/folderName';

/**
 * What Settings → Backup says about scheduled backups, as translation keys and values: the last attempt
 * (when, and whether it worked or why not, in plain words) and when the next one is due.
 */
export type LastBackupView =
  | { kind: 'none' }
  | { kind: 'ok'; at: string; file: string | null }
  | { kind: 'failed'; at: string; key: LastBackupErrorKey };

export type NextBackupView = { kind: 'off' } | { kind: 'due-now' } | { kind: 'at'; at: string };

export type LastBackupErrorKey = (typeof LAST_ERROR_KEYS)[keyof typeof LAST_ERROR_KEYS] | 'backup.lastError.other';

/**
 * The codes a scheduled backup fails with (electron/core/backup/backupService.ts). `validation` is the
 * folder that is not there or is not a folder: most often a USB drive that is not plugged in.
 */
const LAST_ERROR_KEYS = {
  validation: 'backup.lastError.folderMissing',
  'disk-full': 'backup.lastError.diskFull',
  'read-only': 'backup.lastError.readOnly',
  'unsafe-target': 'backup.lastError.unsafeTarget',
  cancelled: 'backup.lastError.cancelled',
  'vault-locked': 'backup.lastError.locked',
} as const satisfies Partial<Record<ErrorCode, string>>;

export function lastBackupErrorKey(code: ErrorCode): LastBackupErrorKey {
  return (LAST_ERROR_KEYS as Partial<Record<ErrorCode, LastBackupErrorKey>>)[code] ?? 'backup.lastError.other';
}

export function lastBackupView(schedule: BackupSchedule): LastBackupView {
  const last = schedule.last;
  if (!last) return { kind: 'none' };
  if (last.ok) return { kind: 'ok', at: last.at, file: last.file };
  return { kind: 'failed', at: last.at, key: lastBackupErrorKey(last.error?.code ?? 'internal') };
}

/** "Due now" rather than a time already past: the open vault looks every few minutes (SCHEDULE_CHECK_MS). */
export function nextBackupView(schedule: BackupSchedule, now: Date): NextBackupView {
  if (!schedule.folder || !schedule.nextAt) return { kind: 'off' };
  const next = new Date(schedule.nextAt);
  if (Number.isNaN(next.getTime()) || next.getTime() <= now.getTime()) return { kind: 'due-now' };
  return { kind: 'at', at: schedule.nextAt };
}

/** "Dalel Vault 2026-12-05.dalelbackup": says which vault and which day; the save dialog may change it. */
export function suggestedBackupName(vaultPath: string, now: Date): string {
  const stem = folderName(vaultPath).replace(/[\\/:*?"<>|]+/g, '_').trim() || 'vault';
  const two = (value: number) => String(value).padStart(2, '0');
  return `${stem} ${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.dalelbackup`;
}

/**
 * How often and how many, offered in Settings. A day and a week of dailies are the defaults the core
 * starts with (backupService.ts DEFAULT_SCHEDULE); a value set elsewhere (the CLI) is kept and listed.
 */
export const EVERY_HOURS_CHOICES = [6, 12, 24, 48, 168] as const;
export const KEEP_CHOICES = [3, 7, 14, 30] as const;

export function choicesWith(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}

/** Share of the whole backup done: the checks before are quick, copying and reading back take the time. */
const PHASES: Record<BackupProgress['phase'], [start: number, span: number]> = {
  checking: [0, 0.05],
  copying: [0.05, 0.6],
  verifying: [0.65, 0.35],
  done: [1, 0],
};

export function backupFraction(progress: BackupProgress | null): number {
  if (!progress) return 0;
  const [start, span] = PHASES[progress.phase];
  const within = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  return Math.min(1, start + span * within);
}

export type SizeUnit = 'bytes' | 'kB' | 'MB' | 'GB';

/**
 * A backup's size as a number in the interface language's format and a unit whose words are in the
 * locales: Chromium's ICU data has no Kazakh unit names and would show "MB".
 */
export function backupSize(bytes: number, language: string): { amount: string; unit: SizeUnit } {
  const units: SizeUnit[] = ['bytes', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const amount = new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return { amount, unit: units[unit]! };
}
