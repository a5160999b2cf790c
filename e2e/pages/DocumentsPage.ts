import type { Locator, Page } from '@playwright/test';

/** The library's document list. */
export class DocumentsPage {
  readonly list: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('document-list');
    this.cards = page.getByTestId('document-card');
  }

  /** The card of the document imported from `fileName`. */
  card(fileName: string): Locator {
    return this.page.locator(`[data-testid="document-card"][data-file-name="${fileName}"]`);
  }
}
