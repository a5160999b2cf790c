import { expect, type Locator, type Page } from '@playwright/test';

type Box = [number, number, number, number];

/**
 * The bundle wizard's redaction review: the boxes over the page images (each with what it covers and
 * where it was read, moved and resized by mouse or keyboard), the list under each page, and the notices
 * above the pages — pages still being read as they print, pages not fully checked, other people named.
 */
export class RedactionReviewPage {
  readonly root: Locator;
  readonly summary: Locator;
  readonly keysHint: Locator;
  readonly printPending: Locator;
  readonly unchecked: Locator;
  readonly otherPeople: Locator;
  readonly terms: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('bundle-redact');
    this.summary = page.getByTestId('redact-summary');
    this.keysHint = page.getByTestId('redact-keys-hint');
    this.printPending = page.getByTestId('redact-print-pending');
    this.unchecked = page.getByTestId('redact-unchecked');
    this.otherPeople = page.getByTestId('redact-other-people');
    this.terms = page.getByTestId('redact-term');
  }

  /** The review of one document (by its file name). */
  document(fileName: string): Locator {
    return this.page.locator(`[data-testid="redact-document"][data-file-name="${fileName}"]`);
  }

  /** Boxes over the page images within `scope`, by reason and where they were read. */
  boxes(scope: Locator, filter: { reason?: string; origin?: string } = {}): Locator {
    return scope.locator(`[data-testid="redaction-box"]${attributes(filter)}`);
  }

  /** The lines under the page images within `scope`, by reason and where they were read. */
  items(scope: Locator, filter: { reason?: string; origin?: string } = {}): Locator {
    return scope.locator(`[data-testid="redaction-item"]${attributes(filter)}`);
  }

  /** One person in the "other people named" warning. */
  otherPerson(name: string): Locator {
    return this.otherPeople.getByTestId('other-person').filter({ has: this.page.getByTestId('other-person-name').getByText(name, { exact: true }) });
  }

  /** Where a box is, in page-image pixels, as the review has it now. */
  async boxOf(box: Locator): Promise<Box> {
    const value = await box.getAttribute('data-box');
    if (!value) throw new Error('the box says nothing of where it is');
    return value.split(',').map(Number) as Box;
  }

  /** Focuses a box and presses keys on it (ArrowRight, Shift+ArrowDown, Alt+ArrowRight, …). */
  async pressOn(box: Locator, keys: string[]): Promise<void> {
    await box.focus();
    for (const key of keys) await box.press(key);
  }

  /** Drags a box by its middle with the mouse, by (dx, dy) screen pixels. */
  async dragBox(box: Locator, dx: number, dy: number): Promise<void> {
    const at = await box.boundingBox();
    if (!at) throw new Error('the box is not shown');
    await this.dragFromMiddleOf(at, dx, dy);
  }

  /** Drags one of a box's corner handles by (dx, dy) screen pixels with the mouse. */
  async dragCorner(box: Locator, corner: 'nw' | 'ne' | 'sw' | 'se', dx: number, dy: number): Promise<void> {
    await box.hover();
    const handle = box.locator(`[data-corner="${corner}"]`);
    const at = await handle.boundingBox();
    if (!at) throw new Error(`the ${corner} handle is not shown`);
    await this.dragFromMiddleOf(at, dx, dy);
  }

  /** Presses the mouse in the middle of `at`, moves it by (dx, dy) in two legs, and lets go. */
  private async dragFromMiddleOf(at: { x: number; y: number; width: number; height: number }, dx: number, dy: number): Promise<void> {
    const [x, y] = [at.x + at.width / 2, at.y + at.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  /** "Add a box" on a page from the keyboard: placed, moved and sized with keys, then given its reason. */
  async addBoxWithKeys(redactPage: Locator, keys: string[], reason: string): Promise<void> {
    await redactPage.getByTestId('redact-add-box').focus();
    await this.page.keyboard.press('Enter');
    const added = redactPage.getByTestId('redaction-pending');
    await expect(added).toBeFocused();
    for (const key of keys) await this.page.keyboard.press(key);
    await redactPage.getByTestId('redact-reason').fill(reason);
    await redactPage.getByTestId('redact-reason').press('Enter');
    await expect(added).toHaveCount(0);
  }
}

function attributes(filter: { reason?: string; origin?: string }): string {
  return `${filter.reason ? `[data-reason="${filter.reason}"]` : ''}${filter.origin ? `[data-origin="${filter.origin}"]` : ''}`;
}
