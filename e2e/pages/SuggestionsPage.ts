import { expect, type Locator, type Page } from '@playwright/test';

/** The viewer's Suggestions tab: suggestions by kind, the unknown-name chooser, the document's tags. */
export class SuggestionsPage {
  readonly tab: Locator;
  readonly panel: Locator;
  readonly items: Locator;
  readonly tags: Locator;
  readonly box: Locator;
  readonly readAgain: Locator;
  readonly acceptAllKnown: Locator;
  readonly chooser: Locator;
  readonly manual: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('viewer-tab-suggestions');
    this.panel = page.getByTestId('suggestions-panel');
    this.items = page.getByTestId('suggestion');
    this.tags = page.getByTestId('document-tag');
    this.box = page.getByTestId('suggestion-box');
    this.readAgain = page.getByTestId('read-again');
    this.acceptAllKnown = page.getByTestId('accept-all-known');
    this.chooser = page.getByTestId('name-chooser');
    this.manual = page.getByTestId('manual-tag-form');
  }

  /** Opens the tab and waits until the document has been read for suggestions. */
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
    await expect(this.panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expect(this.panel.getByTestId('document-tags')).toBeVisible();
  }

  ofKind(kind: string): Locator {
    return this.panel.locator(`[data-testid="suggestion"][data-kind="${kind}"]`);
  }

  tagsOfKind(kind: string): Locator {
    return this.panel.locator(`[data-testid="document-tag"][data-kind="${kind}"]`);
  }

  /** Accepts one suggestion and waits until it has become a tag (it leaves the list of open ones). */
  async accept(item: Locator): Promise<void> {
    await item.getByTestId('suggestion-accept').click();
    await expect(this.panel).toHaveAttribute('aria-busy', 'false');
  }

  /** Tags the document by hand: a person or a type by its label, a law by its label (and article), a date as YYYY-MM-DD. */
  async addByHand(tag: { person: string } | { law: string; article?: string } | { type: string } | { date: string }): Promise<void> {
    const form = this.manual;
    if ('person' in tag) {
      await form.getByTestId('manual-tag-kind').selectOption('person');
      await form.getByTestId('manual-tag-person').selectOption({ label: tag.person });
    } else if ('law' in tag) {
      await form.getByTestId('manual-tag-kind').selectOption('law');
      await form.getByTestId('manual-tag-law').selectOption({ label: tag.law });
      if (tag.article) await form.getByTestId('manual-tag-article').fill(tag.article);
    } else if ('type' in tag) {
      await form.getByTestId('manual-tag-kind').selectOption('type');
      await form.getByTestId('manual-tag-type').selectOption({ label: tag.type });
    } else {
      await form.getByTestId('manual-tag-kind').selectOption('document-date');
      await form.getByTestId('manual-tag-date').fill(tag.date);
    }
    await form.getByTestId('manual-tag-add').click();
    await expect(this.panel).toHaveAttribute('aria-busy', 'false');
  }

  async removeTag(tag: Locator): Promise<void> {
    await tag.getByTestId('document-tag-remove').click();
    await expect(this.panel).toHaveAttribute('aria-busy', 'false');
  }

  /** Accepts an unknown name as a new person, named as typed (the spelling on the page by default). */
  async acceptAsNewPerson(item: Locator, name?: string): Promise<void> {
    await item.getByTestId('suggestion-accept').click();
    const chooser = item.getByTestId('name-chooser');
    await expect(chooser).toBeVisible();
    if (name) await chooser.getByTestId('chooser-name').fill(name);
    await chooser.getByTestId('chooser-add-new').click();
    await expect(chooser).toBeHidden();
    await expect(this.panel).toHaveAttribute('aria-busy', 'false');
  }
}
