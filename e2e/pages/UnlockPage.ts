import { expect, type Locator, type Page } from '@playwright/test';

export class UnlockPage {
  readonly root: Locator;
  readonly vaultPath: Locator;
  readonly passphrase: Locator;
  readonly recoveryCode: Locator;
  readonly modeToggle: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('unlock-screen');
    this.vaultPath = page.getByTestId('unlock-vault-path');
    this.passphrase = page.getByTestId('unlock-passphrase-input');
    this.recoveryCode = page.getByTestId('unlock-recovery-input');
    this.modeToggle = page.getByTestId('unlock-mode-toggle');
    this.submit = page.getByTestId('unlock-button');
    this.error = page.getByTestId('unlock-error');
    this.notice = page.getByTestId('lock-notice');
  }

  async unlockWithPassphrase(passphrase: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.passphrase.fill(passphrase);
    await this.submit.click();
  }

  async unlockWithRecoveryCode(code: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.modeToggle.click();
    await this.recoveryCode.fill(code);
    await this.submit.click();
  }
}
