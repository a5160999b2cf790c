import { describe, expect, it } from 'vitest';
import type { BackupSchedule } from '../../../../shared/ipc/contract';
import { ERROR_CODES } from '../../../../shared/ipc/errors';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import { backupFraction, backupSize, choicesWith, lastBackupErrorKey, lastBackupView, nextBackupView, suggestedBackupName } from './backupStatus';

const schedule = (change: Partial<BackupSchedule> = {}): BackupSchedule => ({
  folder: '/media/usb/backups',
  everyHours: 24,
  keep: 7,
  last: null,
  nextAt: '2026-12-05T10:00:00.000Z',
  ...change,
});

describe('lastBackupView', () => {
  it('says none was made yet, or when the last one worked', () => {
    expect(lastBackupView(schedule())).toEqual({ kind: 'none' });
    const at = '2026-12-04T10:00:00.000Z';
    expect(lastBackupView(schedule({ last: { at, ok: true, file: '/media/usb/backups/a.dalelbackup', error: null } }))).toEqual({
      kind: 'ok',
      at,
      file: '/media/usb/backups/a.dalelbackup',
    });
  });

  it('says a missing folder is most likely a drive that is not plugged in', () => {
    const last = { at: '2026-12-04T10:00:00.000Z', ok: false, file: null, error: { code: 'validation' as const, message: 'The backup folder /media/usb is not there (is the drive plugged in?).' } };
    expect(lastBackupView(schedule({ last }))).toEqual({ kind: 'failed', at: last.at, key: 'backup.lastError.folderMissing' });
  });

  it('has plain words in every language for every code a backup can fail with', () => {
    for (const language of LANGUAGES) {
      const { t } = createI18n(language);
      for (const code of ERROR_CODES) {
        const key = lastBackupErrorKey(code);
        expect(t(key), `${language} ${code}`).not.toBe(key);
      }
    }
  });
});

describe('nextBackupView', () => {
  const now = new Date('2026-12-05T09:00:00.000Z');

  it('is off without a folder', () => {
    expect(nextBackupView(schedule({ folder: null, nextAt: null }), now)).toEqual({ kind: 'off' });
  });

  it('says "due now" rather than a time already past', () => {
    expect(nextBackupView(schedule({ nextAt: '2026-12-05T08:59:00.000Z' }), now)).toEqual({ kind: 'due-now' });
    expect(nextBackupView(schedule({ nextAt: '2026-12-05T10:00:00.000Z' }), now)).toEqual({ kind: 'at', at: '2026-12-05T10:00:00.000Z' });
  });
});

describe('suggestedBackupName', () => {
  it('names the vault and the day, with the backup extension', () => {
    expect(suggestedBackupName('/home/aigerim/Dalel Vault', new Date(2026, 11, 5, 14, 30))).toBe('Dalel Vault 2026-12-05.dalelbackup');
    expect(suggestedBackupName('C:\\Users\\a\\Cases\\', new Date(2026, 0, 9))).toBe('Cases 2026-01-09.dalelbackup');
  });
});

describe('choicesWith', () => {
  it('keeps a value set elsewhere in the list, in order', () => {
    expect(choicesWith([6, 12, 24], 24)).toEqual([6, 12, 24]);
    expect(choicesWith([6, 12, 24], 8)).toEqual([6, 8, 12, 24]);
  });
});

describe('backupFraction', () => {
  it('grows through the phases and ends at one', () => {
    const steps = [
      backupFraction(null),
      backupFraction({ phase: 'checking', done: 1, total: 1, scheduled: false }),
      backupFraction({ phase: 'copying', done: 50, total: 100, scheduled: false }),
      backupFraction({ phase: 'verifying', done: 10, total: 100, scheduled: false }),
      backupFraction({ phase: 'done', done: 100, total: 100, scheduled: false }),
    ];
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(1);
    for (let i = 1; i < steps.length; i += 1) expect(steps[i]).toBeGreaterThan(steps[i - 1]!);
  });
});

describe('backupSize', () => {
  it('picks the unit and formats the number in the language', () => {
    expect(backupSize(512, 'en')).toEqual({ amount: '512', unit: 'bytes' });
    expect(backupSize(1_400_000, 'en')).toEqual({ amount: '1.4', unit: 'MB' });
    expect(backupSize(1_400_000, 'ru')).toEqual({ amount: '1,4', unit: 'MB' });
  });

  it('has unit words in every language, Cyrillic in Russian and Kazakh', () => {
    for (const language of LANGUAGES) {
      const { t } = createI18n(language);
      const text = t('backup.units.MB', { amount: '1,4' });
      expect(text).toContain('1,4');
      if (language !== 'en') expect(text).toMatch(/МБ/);
    }
  });
});
