import type { Locator, Page } from '@playwright/test';

/** "Try Dalel with sample documents", the demo vault's banner and its unlock notice. */
export class DemoPage {
  readonly tryButton: Locator;
  readonly banner: Locator;
  readonly bannerPassphrase: Locator;
  readonly leaveButton: Locator;
  readonly unlockNotice: Locator;
  readonly openButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.tryButton = page.getByTestId('try-demo-button');
    this.banner = page.getByTestId('demo-banner');
    this.bannerPassphrase = page.getByTestId('demo-banner-passphrase');
    this.leaveButton = page.getByTestId('demo-leave-button');
    this.unlockNotice = page.getByTestId('demo-unlock-notice');
    this.openButton = page.getByTestId('open-demo-button');
    this.error = page.getByTestId('demo-error');
  }
}
