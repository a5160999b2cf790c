/**
 * Boxes cut to the glyphs, on lines typeset here (pdf-lib, then poppler): where each character is, is
 * known from the font's advances, so every ink pixel of the name must fall inside the box and no ink
 * pixel of the characters beside it — whatever the reading's estimate got wrong. Chinese characters
 * made of parts (加 = 力 + 口) once lost half a character to a box snapped glyph part by glyph part.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { hasPdftoppm } from '../testing/tools';
import { glyphBox, type InkImage } from './redactionBoxes';
import { renderPdfPage } from '../testing/pdfRender';

const FONTS = join(__dirname, '../../../resources/fonts');
const DPI = 200;
const SIZE = 18;


/** A line typeset in `font`, its image, and where each character starts and ends in pixels. */
async function line(text: string, font: 'DroidSansFallbackFull.ttf' | 'DejaVuSans.ttf'): Promise<{ ink: InkImage; cells: Array<[number, number]>; top: number; bottom: number }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const face = await doc.embedFont(readFileSync(join(FONTS, font)), { subset: false });
  const page = doc.addPage([40 + face.widthOfTextAtSize(text, SIZE), 60]);
  page.drawText(text, { x: 20, y: 22, size: SIZE, font: face });
  const dir = mkdtempSync(join(tmpdir(), 'dalel-line-'));
  try {
    writeFileSync(join(dir, 'line.pdf'), await doc.save());
    const { pixels: data, width, height } = renderPdfPage(join(dir, 'line.pdf'), 1, DPI, { gray: true });
    const px = DPI / 72;
    let x = 20;
    const cells = [...text].map((char) => {
      const width = face.widthOfTextAtSize(char, SIZE);
      const cell: [number, number] = [x * px, (x + width) * px];
      x += width;
      return cell;
    });
    return { ink: { data, width, height }, cells, top: (60 - 22 - SIZE * 0.9) * px, bottom: (60 - 22 + SIZE * 0.15) * px };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ink pixels of the columns [from, to) that lie outside the box, and inside it. */
function inkAgainst(ink: InkImage, from: number, to: number, box: [number, number, number, number]): { outside: number; inside: number } {
  let outside = 0;
  let inside = 0;
  for (let y = 0; y < ink.height; y++) {
    for (let x = Math.ceil(from); x < Math.floor(to); x++) {
      if (ink.data[y * ink.width + x]! >= 128) continue;
      const within = x >= box[0] && x < box[0] + box[2] && y >= box[1] && y < box[1] + box[3];
      if (within) inside++;
      else outside++;
    }
  }
  return { outside, inside };
}

describe.skipIf(!hasPdftoppm)('boxes cut to the glyphs', () => {
  // The reading's estimate shifted by up to 40 % of a character either way, as OCR's word boxes and a
  // proportional split of a word are.
  it.each([-0.4, -0.2, 0, 0.2, 0.4])('Chinese name between other characters, estimate off by %f em', async (shift) => {
    const { ink, cells, top, bottom } = await line('兹通知加娜尔托列乌别克于二〇二〇年', 'DroidSansFallbackFull.ttf');
    const first = 3;
    const last = 10; // 加 … 克
    const em = cells[0]![1] - cells[0]![0];
    const estimate: [number, number, number, number] = [Math.round(cells[first]![0] + shift * em), Math.round(top), Math.round(cells[last]![1] + shift * em), Math.round(bottom)];
    const box = glyphBox(estimate, ink, { width: ink.width, height: ink.height }, true);
    // Every pixel of every character of the name is under the box…
    expect(inkAgainst(ink, cells[first]![0], cells[last]![1], box).outside).toBe(0);
    // …and no pixel of the characters beside it.
    expect(inkAgainst(ink, cells[first - 1]![0], cells[first - 1]![1], box).inside).toBe(0);
    expect(inkAgainst(ink, cells[last + 1]![0], cells[last + 1]![1], box).inside).toBe(0);
  });

  it('control: snapping glyph part by glyph part leaves part of 加 outside the box when the estimate is off', async () => {
    const { ink, cells, top, bottom } = await line('兹通知加娜尔托列乌别克于二〇二〇年', 'DroidSansFallbackFull.ttf');
    const em = cells[0]![1] - cells[0]![0];
    const estimate: [number, number, number, number] = [Math.round(cells[3]![0] + 0.4 * em), Math.round(top), Math.round(cells[10]![1] + 0.4 * em), Math.round(bottom)];
    const box = glyphBox(estimate, ink, { width: ink.width, height: ink.height }, false);
    expect(inkAgainst(ink, cells[3]![0], cells[10]![1], box).outside).toBeGreaterThan(0);
  });

  it.each([-0.3, 0, 0.3])('Latin name inside a line, estimate off by %f of a letter', async (shift) => {
    const text = 'mother Kulash Mukhametkyzy lives';
    const { ink, cells, top, bottom } = await line(text, 'DejaVuSans.ttf');
    const first = text.indexOf('Kulash');
    const last = text.indexOf(' lives') - 1;
    const letter = cells[first]![1] - cells[first]![0];
    const estimate: [number, number, number, number] = [Math.round(cells[first]![0] + shift * letter), Math.round(top), Math.round(cells[last]![1] + shift * letter), Math.round(bottom)];
    const box = glyphBox(estimate, ink, { width: ink.width, height: ink.height });
    expect(inkAgainst(ink, cells[first]![0], cells[last]![1], box).outside).toBe(0);
    expect(inkAgainst(ink, cells[first - 2]![0], cells[first - 2]![1], box).inside).toBe(0); // the r of "mother"
    expect(inkAgainst(ink, cells[last + 2]![0], cells[last + 2]![1], box).inside).toBe(0); // the l of "lives"
  });
});
