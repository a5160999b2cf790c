import { expect, type Locator, type Page } from '@playwright/test';

/** "Restore from a backup…", from the first-run or the unlock screen. */
export class RestorePage {
  readonly root: Locator;
  readonly report: Locator;
  readonly checks: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('restore-screen');
    this.report = page.getByTestId('restore-report');
    this.checks = page.getByTestId('restore-check');
    this.error = page.getByTestId('restore-error');
  }

  async start(): Promise<void> {
    await this.page.getByTestId('restore-backup').click();
    await expect(this.root).toHaveAttribute('data-step', 'form');
  }

  /** The test host's open dialog answers with the fixture's backup, its folder dialog with a new empty folder. */
  async choose(): Promise<void> {
    await this.root.getByTestId('restore-choose-file').click();
    await expect(this.root.getByTestId('restore-file')).toContainText('.dalelbackup');
    await this.root.getByTestId('restore-choose-folder').click();
    await expect(this.root.getByTestId('restore-folder-input')).toHaveValue(/restore-vault/);
  }

  async restoreWith(secret: { passphrase: string } | { recoveryCode: string }): Promise<void> {
    if ('passphrase' in secret) await this.root.getByTestId('restore-passphrase-input').fill(secret.passphrase);
    else {
      await this.root.getByTestId('restore-mode-toggle').click();
      await this.root.getByTestId('restore-recovery-input').fill(secret.recoveryCode);
    }
    await this.root.getByTestId('restore-submit').click();
  }
}
