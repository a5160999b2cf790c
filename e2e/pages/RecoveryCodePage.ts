import { expect, type Locator, type Page } from '@playwright/test';

/** Crockford base32, 160 bits, in eight groups of four (electron/core/vault/recoveryCode.ts). */
export const RECOVERY_CODE_FORMAT = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/;

export class RecoveryCodePage {
  readonly code: Locator;
  readonly stored: Locator;
  readonly continueButton: Locator;

  constructor(readonly page: Page) {
    this.code = page.getByTestId('recovery-code');
    this.stored = page.getByTestId('recovery-stored-checkbox');
    this.continueButton = page.getByTestId('recovery-continue-button');
  }

  async readCode(): Promise<string> {
    await expect(this.code).toBeVisible();
    return (await this.code.textContent())?.trim() ?? '';
  }

  async confirmStored(): Promise<void> {
    await expect(this.continueButton).toBeDisabled();
    await this.stored.check();
    await expect(this.continueButton).toBeEnabled();
    await this.continueButton.click();
  }
}
