import { expect, type Locator, type Page } from '@playwright/test';

export class CreateVaultPage {
  readonly root: Locator;
  readonly folder: Locator;
  readonly passphrase: Locator;
  readonly confirmation: Locator;
  readonly strength: Locator;
  readonly passphraseProblem: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('create-vault-screen');
    this.folder = page.getByTestId('vault-path-input');
    this.passphrase = page.getByTestId('passphrase-input');
    this.confirmation = page.getByTestId('passphrase-confirm-input');
    this.strength = page.getByTestId('strength-meter');
    this.passphraseProblem = page.getByTestId('passphrase-problem');
    this.submit = page.getByTestId('create-vault-button');
  }

  async fill(passphrase: string, confirmation = passphrase): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.confirmation.fill(confirmation);
  }

  /** Waits until the meter has rated what was typed, so a screenshot shows the verdict. */
  async expectRated(): Promise<void> {
    await expect(this.strength).toHaveAttribute('data-score', /^[0-4]$/);
  }

  async create(passphrase: string): Promise<void> {
    await this.fill(passphrase);
    await this.submit.click();
  }
}
