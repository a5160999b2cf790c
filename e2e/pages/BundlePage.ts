import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The bundles list and the bundle wizard: arrangement, redaction review (see RedactionReviewPage for
 * its boxes and notices), the page-by-page preview and export.
 */
export class BundlePage {
  readonly navButton: Locator;
  readonly list: Locator;
  readonly cards: Locator;
  readonly wizard: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly saveStatus: Locator;
  readonly problems: Locator;
  readonly sections: Locator;
  readonly entries: Locator;
  readonly redactPages: Locator;
  readonly redactionBoxes: Locator;
  readonly summary: Locator;
  readonly previewTotal: Locator;
  /** The one page of the bundle the preview shows, as it will print. */
  readonly previewPage: Locator;
  readonly previewImage: Locator;
  readonly previewNext: Locator;
  readonly previewPrevious: Locator;
  readonly previewDocuments: Locator;
  readonly exportResult: Locator;

  constructor(readonly page: Page) {
    this.navButton = page.getByTestId('bundles-button');
    this.list = page.getByTestId('bundles-view');
    this.cards = page.getByTestId('bundle-card');
    this.wizard = page.getByTestId('bundle-wizard');
    this.next = page.getByTestId('wizard-next');
    this.back = page.getByTestId('bundle-wizard-back');
    this.saveStatus = page.getByTestId('bundle-save-status');
    this.problems = page.getByTestId('bundle-problems');
    this.sections = page.getByTestId('bundle-section');
    this.entries = page.getByTestId('bundle-entry');
    this.redactPages = page.getByTestId('redact-page');
    this.redactionBoxes = page.getByTestId('redaction-box');
    this.summary = page.getByTestId('redact-summary');
    this.previewTotal = page.getByTestId('preview-total');
    this.previewPage = page.getByTestId('preview-page');
    this.previewImage = this.previewPage.getByTestId('preview-image');
    this.previewNext = page.getByTestId('preview-next');
    this.previewPrevious = page.getByTestId('preview-prev');
    this.previewDocuments = page.getByTestId('preview-document');
    this.exportResult = page.getByTestId('export-result');
  }

  async atStep(step: 'select' | 'arrange' | 'redact' | 'preview' | 'export'): Promise<void> {
    await expect(this.wizard).toHaveAttribute('data-step', step);
  }

  /** The entry of the document imported from `fileName`. */
  entry(fileName: string): Locator {
    return this.page.locator(`[data-testid="bundle-entry"][data-file-name="${fileName}"]`);
  }

  section(index: number): Locator {
    return this.sections.nth(index);
  }

  /** The review's pages of one document (by its file name). */
  redactDocument(fileName: string): Locator {
    return this.page.locator(`[data-testid="redact-document"][data-file-name="${fileName}"]`);
  }

  /** Waits until the preview shows page `number` of the bundle, rendered. */
  /**
   * On the select step, picks by hand every document the library offers (`count`, once all are listed:
   * `.all()` takes only the options shown at that moment) and adds them to the bundle.
   */
  async addEveryOffered(count: number): Promise<void> {
    const options = this.page.getByTestId('bundle-add-option');
    await expect(options).toHaveCount(count);
    for (const option of await options.all()) await option.getByRole('checkbox').check();
    await this.page.getByTestId('bundle-add-chosen').click();
    await expect(this.page.getByTestId('bundle-chosen')).toHaveCount(count);
  }

  /**
   * Chooses where the bundle PDF (or the ZIP) goes (the test host's save dialog answers with a new path
   * each time) and waits until the export step shows that path: Export clicked before it arrives is
   * refused ("Choose where to save the bundle PDF first"), which a busy machine once made happen.
   */
  async chooseTarget(kind: 'pdf' | 'zip' = 'pdf'): Promise<string> {
    const path = this.page.getByTestId(`export-${kind}-path`);
    const before = (await path.textContent()) ?? '';
    await this.page.getByTestId(`export-pick-${kind}`).click();
    await expect(path).toHaveText(kind === 'pdf' ? /\.pdf$/ : /\.zip$/);
    await expect(path).not.toHaveText(before);
    return (await path.textContent())!;
  }

  async previewShows(number: number): Promise<void> {
    await expect(this.previewPage).toHaveAttribute('data-page', String(number));
    await expect(this.previewImage).toBeVisible({ timeout: 60_000 });
  }

  /** Types a page number into "Go to page". */
  async previewGoTo(number: number): Promise<void> {
    await this.page.getByTestId('preview-goto-input').fill(String(number));
    await this.page.getByTestId('preview-goto').click();
    await this.previewShows(number);
  }

  /** Drags an entry by its handle and drops it on `target` (an entry: before it; a section's end zone: at the end). */
  async drag(entry: Locator, target: Locator): Promise<void> {
    await entry.getByTestId('bundle-entry-handle').dragTo(target);
  }

  /** Draws a rectangle over a page image in the review, from and to points as fractions of the shown image. */
  async drawBox(redactPage: Locator, from: [number, number], to: [number, number], reason: string): Promise<void> {
    await redactPage.getByTestId('redact-draw-toggle').click();
    const layer = redactPage.getByTestId('redact-draw-layer');
    const box = await layer.boundingBox();
    if (!box) throw new Error('the drawing layer is not on the page');
    await this.page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2), { steps: 4 });
    await this.page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
    await this.page.mouse.up();
    await redactPage.getByTestId('redact-reason').fill(reason);
    await redactPage.getByTestId('redact-reason-add').click();
  }
}
