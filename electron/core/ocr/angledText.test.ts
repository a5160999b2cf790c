/**
 * Text at an angle of its own on an upright page (angledText.ts): a name in a picture pasted sideways,
 * upside down or tilted on a typed letter is read, with its angle, where the picture is. Pages are made
 * here: typed lines and a picture of a name turned by a chosen angle, in Latin, Cyrillic and Chinese.
 * The words are put back on the page as given (wordsOnRendered, as the print reading does), so the
 * engine's turning of the whole page and the mapping back are tested together.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { OcrLanguage, Word } from '../../../shared/domain/document';
import { textPicture } from '../import/testing/printedPdf';
import { wordsOnRendered } from '../import/overlayPlacement';
import { tempDir } from '../testing/fixtures';
import { seededRandom } from '../testing/seededRandom';
import { renderPdfPagePng } from '../testing/pdfRender';
import { hasPdftoppm, hasTool } from '../testing/tools';
import { browserPdf, CHROMIUM, hasChromium } from '../import/testing/browserPdf';
import { nativeTesseract } from './testing/nativeTesseract';
import { lineDirection } from './angledText';
import { normalizedDegrees } from './pageGeometry';
import { createTesseractEngine } from './tesseractEngine';
import { defaultTessdataDir } from './tessdata';

const squeeze = (text: string) => text.normalize('NFC').toLowerCase().replace(/[\s\-·.,:;|“”"']+/gu, '');

/** Points of `lines` parallel text-like lines (dashes of ink with gaps) running at `angle` degrees. */
function linePoints(angle: number, random: () => number, lines = 3): { xs: Float32Array; ys: Float32Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  const radians = (angle * Math.PI) / 180;
  for (let line = 0; line < lines; line++) {
    const offset = (line - (lines - 1) / 2) * 24;
    for (let along = -150; along < 150; along += 1) {
      if ((along + 300) % 14 > 9) continue; // gaps between letters
      for (let k = 0; k < 3; k++) {
        const across = offset + (random() - 0.5) * 10; // a letter's height
        const a = along + random();
        xs.push(a * Math.cos(radians) - across * Math.sin(radians));
        ys.push(a * Math.sin(radians) + across * Math.cos(radians));
      }
    }
  }
  return { xs: Float32Array.from(xs), ys: Float32Array.from(ys) };
}

describe('the direction of lines of ink', () => {
  it('is found at any angle, to within a degree', () => {
    const random = seededRandom(0x5eed);
    for (let i = 0; i < 40; i++) {
      const angle = Math.round((random() * 180 - 90) * 10) / 10;
      const { xs, ys } = linePoints(angle, random, 1 + Math.floor(random() * 4));
      const found = lineDirection(xs, ys, 400);
      const error = Math.abs(normalizedDegrees(found.angle - angle));
      expect(Math.min(error, 180 - error), `lines at ${angle}° found at ${found.angle}°`).toBeLessThanOrEqual(1);
      expect(found.ratio).toBeGreaterThan(3); // angledText.ts LINE_RATIO
    }
  });

  it('is not found in a blob without lines (a photo, an emblem): the control', () => {
    const random = seededRandom(7);
    const xs = Float32Array.from({ length: 3000 }, () => (random() - 0.5) * 200);
    const ys = Float32Array.from({ length: 3000 }, () => (random() - 0.5) * 200);
    expect(lineDirection(xs, ys, 400).ratio).toBeLessThan(1.3);
  });
});

const LETTER = [
  'Ministry of Internal Affairs, Migration Service',
  'Re: the application of the applicant for a residence permit',
  'We have reviewed the documents submitted with the application.',
  'The copy of the notice received from abroad is attached below.',
  'Please submit the originals to the office within ten working days.',
  'Head of department, signature and seal of the office.',
];

interface Case {
  name: string;
  angle: number;
  languages: OcrLanguage[];
  /** pieces of the name that must be read on the picture */
  pieces: string[];
}

const CASES: Case[] = [
  { name: 'Zhanar Toleubekkyzy', angle: 90, languages: ['eng'], pieces: ['zhanar', 'toleubek'] },
  { name: 'Жанар Төлеубекқызы', angle: 270, languages: ['rus', 'kaz', 'eng'], pieces: ['жанар'] },
  { name: 'Zhanar Toleubekkyzy', angle: 180, languages: ['eng'], pieces: ['zhanar', 'toleubek'] },
  { name: 'Zhanar Toleubekkyzy', angle: 12, languages: ['eng'], pieces: ['zhanar', 'toleubek'] },
  { name: 'Жанар Төлеубекқызы', angle: -23, languages: ['rus', 'kaz', 'eng'], pieces: ['жанар'] },
  { name: '加娜尔托列乌别克', angle: 180, languages: ['chi_sim', 'eng'], pieces: ['加娜尔'] },
];

/** A typed letter at 200 dpi with a picture of `name` turned by `angle` pasted below its lines. */
async function letterPage(name: string, angle: number): Promise<{ page: Buffer; width: number; height: number; picture: [number, number, number, number] }> {
  const width = 1654;
  const height = 2339;
  const typed = await textPicture(LETTER, 12);
  const turned = await sharp(await textPicture(name, 28))
    .rotate(angle, { background: '#ffffff' })
    .png()
    .toBuffer();
  const meta = await sharp(turned).metadata();
  const left = 220;
  const top = 1000;
  const page = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([
      { input: typed, left: 160, top: 200 },
      { input: turned, left, top },
    ])
    .grayscale()
    .png()
    .toBuffer();
  return { page, width, height, picture: [left, top, left + meta.width!, top + meta.height!] };
}

if (!hasPdftoppm) console.log('angled text tests skipped: pdftoppm (poppler-utils) is missing; bash scripts/dev.sh test installs it');

describe.skipIf(!hasPdftoppm)('text at an angle of its own on an upright page', { timeout: 300_000 }, () => {
  const engine = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  afterAll(() => engine.close());

  async function read(name: string, angle: number, languages: OcrLanguage[]) {
    const made = await letterPage(name, angle);
    const result = await engine.recognize({ image: made.page, languages, dpi: 200 });
    // On the page as it was given, as the print reading keeps them.
    const words = wordsOnRendered(result.words, made, result);
    const onPicture = (word: Word) => {
      const [x0, y0, x1, y1] = word.bbox;
      const [px0, py0, px1, py1] = made.picture;
      return x0 >= px0 - 6 && y0 >= py0 - 6 && x1 <= px1 + 6 && y1 <= py1 + 6;
    };
    return { result, words, onPicture };
  }

  it.each(CASES.map((c) => [c.name, c.angle, c] as const))('%s turned %i° is read where the picture is, with its angle', async (_name, angle, c) => {
    const { words, onPicture } = await read(c.name, angle, c.languages);
    // Words on the picture that run the picture's way (to within 2°; a word read down the page by
    // tesseract itself says only that it runs down, not which way): redaction covers such a box whole.
    const alongPicture = (word: Word) => {
      if (word.angle === undefined) return false;
      const error = Math.abs(normalizedDegrees(word.angle - angle)) % 180;
      return Math.min(error, 180 - error) <= 2;
    };
    const there = words.filter((word) => onPicture(word) && alongPicture(word));
    const text = squeeze(there.map((word) => word.text).join(''));
    const seen = words.filter(onPicture).map((w) => `${w.text}@${w.angle ?? 0}`);
    for (const piece of c.pieces) expect(text, `read on the picture: ${seen.join(' ')}`).toContain(piece);
    // No piece of the name is read level (a level word's letters would be placed one by one).
    const level = squeeze(words.filter((w) => w.angle === undefined).map((w) => w.text).join(''));
    for (const piece of c.pieces) expect(level).not.toContain(piece);
    // The letter's own lines are still read, level.
    expect(squeeze(words.filter((w) => w.angle === undefined).map((w) => w.text).join(''))).toContain('migrationservice');
  });

  it('reads a level picture level, once: the control', async () => {
    const { result, words, onPicture } = await read('Zhanar Toleubekkyzy', 0, ['eng']);
    const there = words.filter(onPicture);
    expect(squeeze(there.map((w) => w.text).join(''))).toContain('zhanartoleubek');
    expect(there.every((w) => w.angle === undefined)).toBe(true);
    expect(result.text.match(/Toleubekkyzy/g)).toHaveLength(1);
  });
});

if (!hasChromium) console.log(`level-line tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!hasPdftoppm || !hasChromium)('level lines the page’s layout analysis leaves out', { timeout: 300_000 }, () => {
  const engine = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  afterAll(() => engine.close());

  it('reads a Chinese notice’s heading in large type, and puts it first, and the line naming the person whole', async () => {
    const dir = tempDir('dalel-heading-');
    try {
      const file = join(dir.path, 'notice.pdf');
      // (Of five headings tried, tesseract's layout analysis dropped this one, with or beside any name.)
      const heading = ['乌鲁木齐市公安局天山区分局', '传唤通知书'];
      writeFileSync(
        file,
        await browserPdf(
          `<p style="text-align:center;font-size:17pt">${heading[0]}</p><p style="text-align:center;font-size:19pt">${heading[1]}</p><p style="text-align:right">乌公（天）传字〔2023〕0418号</p><p>叶尔兰·赛里克：</p>` +
            '<p style="text-indent:2em">根据《中华人民共和国出境入境管理法》第十二条及有关规定，现传唤你于2023年5月9日上午10时到分局出入境管理大队接受询问。</p><p style="text-indent:2em">无正当理由拒不接受传唤的，依法强制传唤。</p>',
          'DroidSansFallbackFull.ttf',
        ),
      );
      const image = await renderPdfPagePng(file, 1, 200, { gray: true });
      // The control: the layout analysis of the page (as the native CLI runs it) reads the body, not the heading.
      // It also cuts the short line naming the person summoned into blocks and loses a character of the name.
      if (hasTool('tesseract')) {
        const native = squeeze((await nativeTesseract(image, ['chi_sim'], defaultTessdataDir(), { dpi: 200 })).text);
        expect(native).toContain('出境入境管理法');
        expect(native).not.toContain(heading[1]);
        expect(native).not.toContain('叶尔兰');
      }
      const result = await engine.recognize({ image, languages: ['chi_sim'], dpi: 200 });
      const text = squeeze(result.text);
      expect(text.startsWith(squeeze(heading.join('')))).toBe(true);
      expect(text.split(heading[1]!)).toHaveLength(2); // read once
      expect(text).toContain('出境入境管理法');
      // the name's line read again as a line (splitRows.ts): whole, so that redaction can find it
      expect(text).toContain('叶尔兰赛里克');
      // The heading's words are level words of the page, in reading order before the body's.
      const first = result.words.findIndex((word) => word.text.includes('传') || word.text.includes('唤'));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(result.words[first]!.angle).toBeUndefined();
    } finally {
      dir.remove();
    }
  });
});

