import { expect, type Locator, type Page } from '@playwright/test';

/** The cases (list and "Open a case"), one case's page, the "Add to case…" control and the library's case filter. */
export class CasesPage {
  readonly button: Locator;
  readonly view: Locator;
  readonly cards: Locator;
  readonly casePage: Locator;
  readonly title: Locator;
  readonly documents: Locator;
  readonly persons: Locator;
  readonly addTo: Locator;
  readonly addedStatus: Locator;
  /** The cases the person or document on screen is already in ("Add to case…"). */
  readonly memberOf: Locator;
  readonly memberOfTitles: Locator;
  readonly libraryFilter: Locator;
  readonly clearFilters: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('cases-button');
    this.view = page.getByTestId('cases-view');
    this.cards = page.getByTestId('case-card');
    this.casePage = page.getByTestId('case-page');
    this.title = page.getByTestId('case-title');
    this.documents = page.getByTestId('case-document');
    this.persons = page.getByTestId('case-person');
    this.addTo = page.getByTestId('add-to-case-select');
    this.addedStatus = page.getByTestId('add-to-case-status');
    this.memberOf = page.getByTestId('member-case');
    this.memberOfTitles = page.getByTestId('member-case-title');
    this.libraryFilter = page.getByTestId('library-filter-case');
    this.clearFilters = page.getByTestId('library-filters-clear');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.view).toBeVisible();
  }

  /** Open a new case from the cases list; lands on its page. */
  async openNew(title: string, notes = ''): Promise<void> {
    await this.page.getByTestId('case-title-input').fill(title);
    if (notes) await this.page.getByTestId('case-notes-input').fill(notes);
    await this.page.getByTestId('open-case-submit').click();
    await expect(this.title).toHaveText(title);
  }

  /** Takes the person or document on screen out of a case, from "Add to case…". */
  async takeOutOf(title: string): Promise<void> {
    await this.memberOf.filter({ hasText: title }).getByTestId('member-case-remove').click();
    await expect(this.memberOf.filter({ hasText: title })).toHaveCount(0);
  }

  /** From a case's page or the list, back to the documents. */
  async backToDocuments(): Promise<void> {
    if (await this.casePage.isVisible()) await this.page.getByTestId('case-back').click();
    await this.page.getByTestId('cases-back').click();
    await expect(this.view).toBeHidden();
  }
}
