import { expect, type Locator, type Page } from '@playwright/test';

/** The search box in the header and the results that replace the library while a query is typed. */
export class SearchPage {
  readonly bar: Locator;
  readonly input: Locator;
  readonly clear: Locator;
  readonly results: Locator;
  readonly count: Locator;
  readonly pending: Locator;
  readonly problem: Locator;
  readonly empty: Locator;
  readonly hits: Locator;
  readonly partial: Locator;
  readonly more: Locator;

  constructor(readonly page: Page) {
    this.bar = page.getByTestId('search-bar');
    this.input = page.getByTestId('search-input');
    this.clear = page.getByTestId('search-clear');
    this.results = page.getByTestId('search-results');
    this.count = page.getByTestId('search-count');
    this.pending = page.getByTestId('search-pending');
    this.problem = page.getByTestId('search-problem');
    this.empty = page.getByTestId('search-empty');
    this.hits = page.getByTestId('search-hit');
    this.partial = page.getByTestId('search-partial');
    this.more = page.getByTestId('search-more');
  }

  /** Types a query as the lawyer would, after Ctrl+K, and waits for its answer. */
  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.input).toBeFocused();
    await this.input.pressSequentially(query, { delay: 20 });
    await this.answered();
  }

  async answered(): Promise<void> {
    await expect(this.results).toHaveAttribute('data-state', 'done');
  }

  /** The result for one page of the document imported from `fileName`. */
  hit(fileName: string, page = 1): Locator {
    return this.page.locator(`[data-testid="search-hit"][data-file-name="${fileName}"][data-page="${page}"]`);
  }

  /** A language's box, under the Languages chip (opened when it is folded). */
  async languageFilter(code: string): Promise<Locator> {
    const box = this.page.getByTestId(`search-filter-language-${code}`);
    if (!(await box.isVisible())) await this.page.getByTestId('search-filter-languages').click();
    return box;
  }
}
