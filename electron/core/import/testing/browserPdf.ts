/**
 * A page printed to PDF by Chromium (Skia), the way a letter typed in a web form or exported from an
 * online editor arrives: another producer than pdf-lib, with its own text layer (right-to-left text
 * as shaped glyphs, a glyph or two per positioned run, in the order they print). For the tests of the
 * print reading and redaction; nothing here is shipped. Debian's Chromium, as the journeys use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM = process.env.DALEL_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const FONTS = join(__dirname, '../../../../resources/fonts');

/**
 * `body` (HTML) on an A4 page, in DejaVu Sans (Latin, Cyrillic, Arabic script) loaded from the app's own
 * fonts, or in another of them (DroidSansFallbackFull.ttf for Chinese).
 */
export async function browserPdf(body: string, fontFile = 'DejaVuSans.ttf'): Promise<Uint8Array> {
  const font = readFileSync(join(FONTS, fontFile)).toString('base64');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    @font-face { font-family: Doc; src: url(data:font/ttf;base64,${font}); }
    body { font-family: Doc; font-size: 13pt; margin: 2cm; }
  </style></head><body>${body}</body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.evaluate('document.fonts.ready.then(() => true)');
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}
