import { expect, type Locator, type Page } from '@playwright/test';

/** The deadlines dashboard on the library home. */
export class DeadlinesPage {
  readonly dashboard: Locator;
  readonly rows: Locator;
  readonly window: Locator;
  readonly none: Locator;

  constructor(readonly page: Page) {
    this.dashboard = page.getByTestId('deadlines-dashboard');
    this.rows = this.dashboard.getByTestId('deadline');
    this.window = this.dashboard.getByTestId('deadlines-window');
    this.none = this.dashboard.getByTestId('deadlines-none');
  }

  /** "Add deadline": due day (YYYY-MM-DD), what is due, and for whom. */
  async add(deadline: { due: string; title: string; person?: string }): Promise<void> {
    await this.dashboard.getByTestId('add-deadline').click();
    const form = this.dashboard.getByTestId('add-deadline-form');
    await form.getByTestId('deadline-due-input').fill(deadline.due);
    await form.getByTestId('deadline-title-input').fill(deadline.title);
    if (deadline.person) await form.getByTestId('deadline-person-input').selectOption({ label: deadline.person });
    await form.getByTestId('deadline-add-submit').click();
    await expect(form).toBeHidden();
  }

  forPerson(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('deadline-person').filter({ hasText: name }) });
  }
}
