import { expect, type Locator, type Page } from '@playwright/test';

/** The law register: the list of laws, editing one, adding one. */
export class LawsPage {
  readonly button: Locator;
  readonly view: Locator;
  readonly cards: Locator;
  readonly addForm: Locator;
  readonly editForm: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('laws-button');
    this.view = page.getByTestId('laws-view');
    this.cards = page.getByTestId('law-card');
    this.addForm = page.getByTestId('add-law-form');
    this.editForm = page.getByTestId('edit-law-form');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.view).toBeVisible();
  }

  async backToDocuments(): Promise<void> {
    await this.page.getByTestId('laws-back').click();
    await expect(this.view).toBeHidden();
  }

  card(title: string): Locator {
    return this.cards.filter({ hasText: title });
  }

  private async fill(form: Locator, law: { number?: string; kind?: string; en?: string; ru?: string; kk?: string }): Promise<void> {
    if (law.number !== undefined) await form.getByTestId('law-number').fill(law.number);
    if (law.kind !== undefined) await form.getByTestId('law-kind').selectOption(law.kind);
    if (law.en !== undefined) await form.getByTestId('law-title-en').fill(law.en);
    if (law.ru !== undefined) await form.getByTestId('law-title-ru').fill(law.ru);
    if (law.kk !== undefined) await form.getByTestId('law-title-kk').fill(law.kk);
  }

  async add(law: { number: string; kind?: string; en: string; ru: string; kk: string }): Promise<void> {
    await this.fill(this.addForm, law);
    await this.addForm.getByTestId('law-save').click();
    await expect(this.card(law.en)).toHaveCount(1);
  }

  async edit(title: string, change: { number?: string; kind?: string; en?: string; ru?: string; kk?: string }): Promise<void> {
    await this.card(title).getByTestId('law-edit').click();
    await expect(this.editForm).toBeVisible();
    await this.fill(this.editForm, change);
    await this.editForm.getByTestId('law-save').click();
    await expect(this.editForm).toBeHidden();
  }
}
