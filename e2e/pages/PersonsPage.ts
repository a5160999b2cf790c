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
  readonly notes: Locator;
  readonly protectedBadge: Locator;
  readonly editDialog: Locator;
  readonly mergeDialog: Locator;
  /** "Mentioned, not tagged": the documents that name the person but are not tagged with them */
  readonly mentionsSection: Locator;
  readonly mentions: Locator;

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
    this.notes = page.getByTestId('person-notes');
    this.protectedBadge = page.getByTestId('person-protected');
    this.editDialog = page.getByTestId('edit-person-dialog');
    this.mergeDialog = page.getByTestId('merge-person-dialog');
    this.mentionsSection = page.getByTestId('person-mentions');
    this.mentions = page.getByTestId('person-mention');
  }

  mention(title: string): Locator {
    return this.mentions.filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** Tick these documents under "Mentioned, not tagged" and tag them with the person. */
  async tagMentioned(titles: string[]): Promise<void> {
    for (const title of titles) await this.mention(title).getByTestId('person-mention-select').check();
    await this.mentionsSection.getByTestId('person-mentions-tag').click();
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

  /** On a person's page: change what the register says of them, through the edit dialog. */
  async edit(change: { name?: string; role?: string; dateOfBirth?: string; notes?: string; protected?: boolean }): Promise<void> {
    await this.page.getByTestId('person-edit').click();
    await expect(this.editDialog).toBeVisible();
    if (change.name !== undefined) await this.editDialog.getByTestId('edit-person-name').fill(change.name);
    if (change.role !== undefined) await this.editDialog.getByTestId('edit-person-role').selectOption(change.role);
    if (change.dateOfBirth !== undefined) await this.editDialog.getByTestId('edit-person-birth').fill(change.dateOfBirth);
    if (change.notes !== undefined) await this.editDialog.getByTestId('edit-person-notes').fill(change.notes);
    if (change.protected !== undefined) await this.editDialog.getByTestId('edit-person-protected').setChecked(change.protected);
  }

  async saveEdit(): Promise<void> {
    await this.editDialog.getByTestId('edit-person-save').click();
    await expect(this.editDialog).toBeHidden();
  }

  async addSpelling(spelling: string): Promise<void> {
    await this.page.getByTestId('add-spelling-input').fill(spelling);
    await this.page.getByTestId('add-spelling-submit').click();
    await expect(this.spellings.filter({ hasText: spelling })).toHaveCount(1);
  }

  async removeSpelling(spelling: string): Promise<void> {
    await this.page.getByTestId('person-spelling-row').filter({ hasText: spelling }).getByTestId('person-spelling-remove').click();
    await expect(this.spellings.filter({ hasText: spelling })).toHaveCount(0);
  }

  /** On a person's page: "Merge with…", the other person chosen, and which record is kept; the dialog stays open to be read. */
  async chooseMerge(other: string, keep: 'this' | 'other'): Promise<Locator> {
    await this.page.getByTestId('person-merge').click();
    await expect(this.mergeDialog).toBeVisible();
    await this.mergeDialog.getByTestId('merge-other').selectOption({ label: other });
    await this.mergeDialog.getByTestId(keep === 'this' ? 'merge-keep-this' : 'merge-keep-other').check();
    return this.mergeDialog.getByTestId('merge-summary');
  }

  async confirmMerge(): Promise<void> {
    await this.mergeDialog.getByTestId('merge-submit').click();
    await expect(this.mergeDialog).toBeHidden();
  }

  async openPerson(name: string): Promise<void> {
    await this.card(name).click();
    await expect(this.name).toHaveText(name);
  }
}
