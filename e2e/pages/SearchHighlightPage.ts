import type { Locator, Page } from '@playwright/test';

/** In the viewer: a search's matches on the scan and in the text, and stepping between them. */
export class SearchHighlightPage {
  readonly bar: Locator;
  readonly position: Locator;
  readonly next: Locator;
  readonly prev: Locator;
  readonly clear: Locator;
  readonly boxes: Locator;
  readonly currentBox: Locator;
  readonly marks: Locator;
  readonly currentMark: Locator;

  constructor(readonly page: Page) {
    this.bar = page.getByTestId('hit-bar');
    this.position = page.getByTestId('hit-position');
    this.next = page.getByTestId('hit-next');
    this.prev = page.getByTestId('hit-prev');
    this.clear = page.getByTestId('hit-clear');
    this.boxes = page.getByTestId('match-box');
    this.currentBox = page.locator('[data-testid="match-box"][data-current="true"]');
    this.marks = page.getByTestId('text-match');
    this.currentMark = page.locator('[data-testid="text-match"][data-current="true"]');
  }

  /** The match boxes that do not lie wholly on the page image (there should be none). */
  async boxesOutside(image: Locator): Promise<string[]> {
    const frame = await image.boundingBox();
    if (!frame) throw new Error('The page image is not shown.');
    const outside: string[] = [];
    // A pixel of slack for rounding between the page's pixels and the display's.
    const slack = 1;
    for (const box of await this.boxes.all()) {
      const rect = await box.boundingBox();
      if (!rect || rect.width <= 0 || rect.height <= 0) {
        outside.push('an empty box');
        continue;
      }
      const inside =
        rect.x >= frame.x - slack &&
        rect.y >= frame.y - slack &&
        rect.x + rect.width <= frame.x + frame.width + slack &&
        rect.y + rect.height <= frame.y + frame.height + slack;
      if (!inside) outside.push(JSON.stringify(rect));
    }
    return outside;
  }
}
