import { expect, type Locator, type Page } from '@playwright/test';

/** The persons register (list and "Add person") and one person's page. */
export class PersonsPage {
  readonly button: Locator;
  readonly view: Locator;
  readonly cards: Locator;
  readonly form: Locator;
  readonly personPage: Locator;
  readonly name: Locator;
  readonly spellings: Locator;
  readonly timeline: Locator;
  readonly timelineEntries: Locator;
  readonly deadlines: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('persons-button');
    this.view = page.getByTestId('persons-view');
    this.cards = page.getByTestId('person-card');
    this.form = page.getByTestId('add-person-form');
    this.personPage = page.getByTestId('person-page');
    this.name = page.getByTestId('person-name');
    this.spellings = page.getByTestId('person-spelling');
    this.timeline = page.getByTestId('person-timeline');
    this.timelineEntries = page.getByTestId('timeline-entry');
    this.deadlines = page.getByTestId('person-deadlines').getByTestId('deadline');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.view).toBeVisible();
  }

  /** From a person's page or the list, back to the documents (and the deadlines). */
  async backToDocuments(): Promise<void> {
    if (await this.personPage.isVisible()) await this.page.getByTestId('person-back').click();
    await this.page.getByTestId('persons-back').click();
    await expect(this.view).toBeHidden();
  }

  card(name: string): Locator {
    return this.cards.filter({ hasText: name });
  }

  async add(person: { name: string; spellings: string[]; role?: string; protected?: boolean }): Promise<void> {
    await this.form.getByTestId('person-name-input').fill(person.name);
    await this.form.getByTestId('person-spellings-input').fill(person.spellings.join('\n'));
    if (person.role) await this.form.getByTestId('person-role-input').selectOption(person.role);
    if (person.protected) await this.form.getByTestId('person-protected-input').check();
    await this.form.getByTestId('add-person-submit').click();
    await expect(this.card(person.name)).toBeVisible();
  }

  async openPerson(name: string): Promise<void> {
    await this.card(name).click();
    await expect(this.name).toHaveText(name);
  }
}
