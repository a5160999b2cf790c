/**
 * A passport's machine-readable zone read again in its own alphabet (machineZone.ts): on a scanned
 * passport page read in rus+kaz+eng, OCR gave the zone's name line in Cyrillic look-alikes and digits
 * («Р<КА?АВІІ КА55ҮМОУА<<5ДІ ТАМАТ<<<…»), and a protected relative's name in it was found by nothing.
 * Here the page is printed by Chromium, and the page's words are given as that reading gave them. And
 * the Latin given name beside the Cyrillic one («SALTANAT» read «5АГТАМАТ»), read again in English alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain/document';
import { findInWords, patternsFor, personSpellings } from '../bundle/redactionMatcher';
import { browserPdf, CHROMIUM, hasChromium } from '../import/testing/browserPdf';
import { tempDir } from '../testing/fixtures';
import { renderPdfPagePng } from '../testing/pdfRender';
import { hasPdftoppm } from '../testing/tools';
import { createTesseractEngine } from './tesseractEngine';
import { defaultTessdataDir } from './tessdata';

const ZONE = ['P<KAZTOLEUBEKKYZY<<ZHANAR<<<<<<<<<<<<<<<<<<<<<<', 'N128405712KAZ8307222F3102085830722400318<26'];
const rules = { patterns: patternsFor('p1', personSpellings({ name: 'Zhanar Toleubekkyzy', variants: [] }), true), claims: [] };

const missing = [...(hasChromium ? [] : [CHROMIUM]), ...(hasPdftoppm ? [] : ['pdftoppm'])];
if (missing.length) console.log(`machine-readable zone tests skipped: missing ${missing.join(', ')} (bash scripts/dev.sh test installs them)`);

describe.skipIf(missing.length > 0)('a machine-readable zone read in its own alphabet', { timeout: 300_000 }, () => {
  const engine = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  afterAll(() => engine.close());

  it('reads the name line whole where the page’s reading garbled it, its word covering the row, and a Latin name the Cyrillic models garbled', async () => {
    const dir = tempDir('dalel-zone-');
    try {
      const file = join(dir.path, 'passport.pdf');
      const escaped = ZONE.map((line) => line.replaceAll('<', '&lt;'));
      writeFileSync(file, await browserPdf(`<p>ТӨЛҚҰЖАТ / ПАСПОРТ / PASSPORT</p><p>Тегі / Фамилия / Surname</p><p>Аты / Имя / Given names: ЖАНАР / ZHANAR</p><div style="font-family:monospace;font-size:12pt">${escaped.join('<br>')}</div>`));
      const image = await renderPdfPagePng(file, 1, 200, { gray: true });
      const read = await engine.recognize({ image, languages: ['rus', 'kaz', 'eng'], dpi: 200 });
      // The page's words, the zone's name line as the scanned page's reading gave it: the control.
      const zoneWords = read.words.filter((word) => word.text.includes('<<') && word.text.startsWith('P') && word.angle === undefined);
      expect(zoneWords).toHaveLength(1);
      const [x0, y0, x1, y1] = zoneWords[0]!.bbox;
      const third = Math.round((x1 - x0) / 3);
      const garbled: Word[] = [
        ...read.words.filter((word) => !zoneWords.includes(word) && word.angle === undefined && !/^ZHANAR$|ЖАНАР/u.test(word.text)),
        { text: 'Р<КА?ТОІЕ', bbox: [x0, y0, x0 + third, y1], conf: 37 },
        { text: 'ИВЕККҮ2Ү<<2НА', bbox: [x0 + third + 10, y0, x0 + 2 * third, y1], conf: 75 },
        { text: 'НАЯ<<<<<<<<<<<<<<<', bbox: [x0 + 2 * third + 10, y0, x1, y1], conf: 91 },
      ];
      expect(findInWords(garbled, rules)).toEqual([]);
      const again = await engine.readAngled({ image, languages: ['rus', 'kaz', 'eng'], dpi: 200, words: garbled });
      const zone = again.filter((word) => word.text.startsWith('P<KAZ'));
      expect(zone).toHaveLength(1);
      expect(zone[0]!.text).toContain('TOLEUBEKKYZY<<ZHANAR');
      expect(zone[0]!.angle).toBe(0); // covered whole
      expect(zone[0]!.bbox).toEqual([x0, y0, x1, y1]);
      expect(findInWords([...garbled, ...again], rules).length).toBeGreaterThan(0);
      // the zone's other line, with one filler, is no name line and is not read again
      expect(again.some((word) => word.text.startsWith('N1284'))).toBe(false);

      // The Latin given name beside the Cyrillic one, as the Cyrillic models read it («2НАМАЯ»): read
      // again in English alone, it joins the words, its box whole.
      const latin = read.words.find((word) => word.text === 'ZHANAR' && word.angle === undefined);
      expect(latin).toBeDefined();
      const mixed: Word[] = [...garbled, { text: '2НАМАЯ', bbox: latin!.bbox, conf: 71 }];
      expect(findInWords(mixed, rules)).toEqual(findInWords(garbled, rules)); // nothing more: the control
      const words = await engine.readAngled({ image, languages: ['rus', 'kaz', 'eng'], dpi: 200, words: mixed });
      expect(words.filter((word) => word.text === 'ZHANAR')).toEqual([{ text: 'ZHANAR', bbox: latin!.bbox, conf: expect.any(Number), angle: 0 }]);
    } finally {
      dir.remove();
    }
  });
});
