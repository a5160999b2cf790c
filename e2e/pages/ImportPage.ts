import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.pdf': 'application/pdf',
};

interface BrowserGlobals {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
  atob(data: string): string;
}

/** Dropping files on the window, the "Import…" button, and the import panel. */
export class ImportPage {
  readonly dropZone: Locator;
  readonly importButton: Locator;
  readonly panel: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.dropZone = page.getByTestId('drop-zone');
    this.importButton = page.getByTestId('import-button');
    this.panel = page.getByTestId('import-panel');
    this.rows = page.getByTestId('import-file-row');
  }

  row(fileName: string): Locator {
    return this.rows.filter({ has: this.page.locator('.import-file-name', { hasText: fileName }) });
  }

  /** The password field in a protected PDF's row. */
  passwordField(fileName: string): Locator {
    return this.row(fileName).getByTestId('import-password');
  }

  /** Types the password into the file's row and sends it with Enter, as a lawyer would. */
  async enterPassword(fileName: string, password: string): Promise<void> {
    const field = this.passwordField(fileName);
    await field.fill(password);
    await field.press('Enter');
  }

  /**
   * Drags files from "the desktop" over the window: a DataTransfer of File objects made in the page
   * from the files' bytes, as Chromium builds one for a real drop. `drop: false` stops while dragging.
   */
  async dragFiles(paths: string[], { drop = true } = {}): Promise<void> {
    const files = paths.map((path) => ({
      name: basename(path),
      type: MIME[extname(path).toLowerCase()] ?? '',
      base64: readFileSync(path).toString('base64'),
    }));
    const dataTransfer = await this.page.evaluateHandle((dropped) => {
      // Runs in the page; this file is type-checked without the DOM's types.
      const browser = globalThis as unknown as BrowserGlobals;
      const transfer = new browser.DataTransfer();
      for (const file of dropped) {
        const bytes = Uint8Array.from(browser.atob(file.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new browser.File([bytes], file.name, { type: file.type }));
      }
      return transfer;
    }, files);
    await this.dropZone.dispatchEvent('dragenter', { dataTransfer });
    await this.dropZone.dispatchEvent('dragover', { dataTransfer });
    await expect(this.dropZone).toHaveAttribute('data-dragging', 'true');
    if (drop) await this.dropZone.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }
}
