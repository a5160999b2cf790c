import { expect, type Locator, type Page } from '@playwright/test';

/** Settings, in its three sections: General, Backup and Security. */
export class SettingsPage {
  readonly dialog: Locator;
  readonly backupReport: Locator;
  readonly backupStatus: Locator;
  readonly scheduleFolder: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('settings-dialog');
    this.backupReport = this.dialog.getByTestId('backup-report');
    this.backupStatus = this.dialog.getByTestId('backup-status');
    this.scheduleFolder = this.dialog.getByTestId('backup-schedule-folder');
  }

  async open(section: 'general' | 'backup' | 'security'): Promise<Locator> {
    if (!(await this.dialog.isVisible())) await this.page.getByTestId('settings-button').click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByTestId(`settings-tab-${section}`).click();
    await expect(this.dialog.getByTestId(`settings-tab-${section}`)).toHaveAttribute('aria-selected', 'true');
    return this.dialog;
  }

  /** "Back up now…": the test host's save dialog accepts the suggested name; returns the report shown. */
  async backUpNow(): Promise<Locator> {
    await this.open('backup');
    await this.dialog.getByTestId('backup-now-button').click();
    await expect(this.backupReport).toBeVisible({ timeout: 60_000 });
    return this.backupReport;
  }

  /** Chooses a folder (the test host makes a new one), the interval and how many to keep, and saves. */
  async schedule(everyHours: number, keep: number): Promise<void> {
    await this.open('backup');
    await this.dialog.getByTestId('backup-choose-folder').click();
    await expect(this.scheduleFolder).toContainText('backup-folder');
    await this.dialog.getByTestId('backup-every').selectOption(String(everyHours));
    await this.dialog.getByTestId('backup-keep').selectOption(String(keep));
    await this.dialog.getByTestId('backup-schedule-save').click();
    await expect(this.dialog.getByTestId('backup-schedule-saved')).toBeVisible();
  }

  async rotateKey(current: string, next: string): Promise<void> {
    await this.open('security');
    await this.dialog.getByTestId('security-rotate-key').click();
    const form = this.dialog.getByTestId('rotate-key-form');
    await form.getByTestId('rotate-current-input').fill(current);
    await form.getByTestId('rotate-new-input').fill(next);
    await form.getByTestId('rotate-confirm-input').fill(next);
    await form.getByTestId('rotate-key-submit').click();
  }

  async newRecoveryCode(current: string): Promise<void> {
    await this.open('security');
    await this.dialog.getByTestId('security-new-recovery').click();
    const form = this.dialog.getByTestId('new-recovery-form');
    await form.getByTestId('new-recovery-current-input').fill(current);
    await form.getByTestId('new-recovery-submit').click();
  }

  /** Opens "Wipe this vault" and returns its form, not yet confirmed. */
  async openWipe(): Promise<Locator> {
    await this.open('security');
    await this.dialog.getByTestId('security-wipe').click();
    const form = this.dialog.getByTestId('wipe-form');
    await expect(form).toBeVisible();
    return form;
  }
}
