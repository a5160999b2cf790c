import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  readonly root: Locator;
  readonly vaultPath: Locator;
  readonly empty: Locator;
  readonly lockButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('library-screen');
    this.vaultPath = page.getByTestId('library-vault-path');
    this.empty = page.getByTestId('library-empty');
    this.lockButton = page.getByTestId('lock-button');
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }

  /** Opens "Verify audit log" and returns the dialog once the verdict is shown. */
  async verifyAudit(): Promise<Locator> {
    await this.page.getByTestId('verify-audit-button').click();
    const dialog = this.page.getByTestId('verify-audit-dialog');
    await expect(dialog.getByTestId('verify-result')).not.toHaveAttribute('data-status', 'checking');
    return dialog;
  }

  async openSettings(): Promise<Locator> {
    await this.page.getByTestId('settings-button').click();
    const dialog = this.page.getByTestId('settings-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fills in and submits "Change passphrase"; returns the dialog, which shows the outcome. */
  async changePassphrase(current: string, next: string): Promise<Locator> {
    let dialog = this.page.getByTestId('change-passphrase-dialog');
    if (!(await dialog.isVisible())) {
      await this.page.getByTestId('change-passphrase-button').click();
      dialog = this.page.getByTestId('change-passphrase-dialog');
    }
    await dialog.getByTestId('current-passphrase-input').fill(current);
    await dialog.getByTestId('new-passphrase-input').fill(next);
    await dialog.getByTestId('new-passphrase-confirm-input').fill(next);
    await dialog.getByTestId('change-passphrase-submit').click();
    return dialog;
  }

  async chooseLanguage(language: 'en' | 'ru' | 'kk'): Promise<void> {
    const dialog = await this.openSettings();
    await dialog.getByTestId('language-select').selectOption(language);
    await dialog.getByTestId('settings-save').click();
    await expect(dialog).toBeHidden();
  }
}
