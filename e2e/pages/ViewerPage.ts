import type { Locator, Page } from '@playwright/test';

/** The document viewer: page image, text, and the page and view controls. */
export class ViewerPage {
  readonly root: Locator;
  readonly image: Locator;
  readonly frame: Locator;
  readonly text: Locator;
  readonly pageStatus: Locator;
  readonly boxesToggle: Locator;
  readonly boxes: Locator;
  readonly next: Locator;
  readonly prev: Locator;
  readonly indicator: Locator;
  readonly rotate: Locator;
  readonly zoomIn: Locator;
  readonly zoomOut: Locator;
  readonly zoomLevel: Locator;
  readonly rerun: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('viewer');
    this.image = page.getByTestId('viewer-page-image');
    this.frame = page.locator('.page-frame');
    this.text = page.getByTestId('viewer-text');
    this.pageStatus = page.getByTestId('viewer-page-status');
    this.boxesToggle = page.getByTestId('word-boxes-toggle');
    this.boxes = page.getByTestId('word-box');
    this.next = page.getByTestId('page-next');
    this.prev = page.getByTestId('page-prev');
    this.indicator = page.getByTestId('page-indicator');
    this.rotate = page.getByTestId('rotate-view');
    this.zoomIn = page.getByTestId('zoom-in');
    this.zoomOut = page.getByTestId('zoom-out');
    this.zoomLevel = page.getByTestId('zoom-level');
    this.rerun = page.getByTestId('rerun-ocr');
    this.back = page.getByTestId('viewer-back');
  }

  /** The page image's size as drawn, in CSS pixels. */
  async imageSize(): Promise<{ width: number; height: number }> {
    const box = await this.frame.boundingBox();
    if (!box) throw new Error('The page image is not shown.');
    return { width: box.width, height: box.height };
  }
}
