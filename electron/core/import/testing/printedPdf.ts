/**
 * A typed letter as an adversary (or a busy office) makes one: a text layer that says nothing of what
 * else the page prints — a name pasted in as a picture, a filled form field, a FreeText note — and an
 * annotation that does not print at all. For the tests of the print reading; nothing here is shipped.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import sharp from 'sharp';
import { type PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFString, rgb, setCharacterSpacing, type PDFFont, type PDFPage } from 'pdf-lib';
import { renderPdfPagePng } from '../../testing/pdfRender';

const FONTS = join(__dirname, '../../../../resources/fonts');

/** DejaVu Sans for Latin and Cyrillic (Kazakh letters too), Droid Sans Fallback whole for Chinese. */
async function fontFor(doc: PDFDocument, text: string): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  // pdf-lib's subsetter loses Droid's odd-length glyphs (see bundle/pdf/trueTypeSubset.ts): embedded whole.
  if (/\p{Script=Han}/u.test(text)) return doc.embedFont(readFileSync(join(FONTS, 'DroidSansFallbackFull.ttf')), { subset: false });
  return doc.embedFont(readFileSync(join(FONTS, 'DejaVuSans.ttf')), { subset: true });
}

export interface PrintedPdfOptions {
  /** typed as the page's text layer (or, with `scan`, drawn into the page's one picture) */
  lines: string[];
  /** the whole page is one picture, as a scanner makes it: no text layer at all */
  scan?: boolean;
  /** typed with wide character spacing (Tc), one letter apart from the next */
  spacedLine?: string;
  /** printed only inside a picture pasted on the page */
  pictureText?: string;
  /** degrees (clockwise) the picture is turned on the page: pasted sideways, upside down or tilted */
  pictureAngle?: number;
  /** a black box drawn over the whole picture, as a sender "redacts" a PDF: nothing of it shows */
  pictureCovered?: boolean;
  /** the value of a filled text field */
  fieldValue?: string;
  /** a FreeText note with an appearance */
  noteText?: string;
  /** a FreeText note flagged Hidden (and one without the Print flag): never printed */
  hiddenText?: string;
  /** a line marked with an ActualText other than what it shows, and a figure whose Alt is the same text */
  actualText?: { shown: string; actual: string };
}

/** A picture of `lines` (black on white, 200 DPI), rasterised by poppler from a PDF pdf-lib writes. */
export async function textPicture(lines: string | string[], size = 28): Promise<Buffer> {
  const rows = typeof lines === 'string' ? [lines] : lines;
  const doc = await PDFDocument.create();
  const font = await fontFor(doc, rows.join(' '));
  const width = Math.max(...rows.map((row) => font.widthOfTextAtSize(row, size))) + 48;
  const page = doc.addPage([width, size * 1.8 * rows.length + size]);
  rows.forEach((row, i) => page.drawText(row, { x: 24, y: page.getHeight() - size * 1.6 * (i + 1), size, font }));
  const dir = mkdtempSync(join(tmpdir(), 'dalel-picture-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), await doc.save());
    return await renderPdfPagePng(join(dir, 'in.pdf'), 1, 200, { gray: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A FreeText annotation with its own appearance stream (what viewers and printers draw). */
function freeText(doc: PDFDocument, page: PDFPage, text: string, rect: [number, number, number, number], flags: number): void {
  const [x0, y0, x1, y1] = rect;
  const helvetica = doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
  const content = `BT /F1 14 Tf 4 ${(y1 - y0) / 2 - 5} Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const appearance = doc.context.stream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, x1 - x0, y1 - y0],
    Resources: { Font: { F1: doc.context.register(helvetica) } },
  });
  const annotation = doc.context.obj({
    Type: 'Annot',
    Subtype: 'FreeText',
    Rect: rect,
    Contents: PDFString.of(text),
    DA: PDFString.of('/Helv 14 Tf 0 g'),
    F: PDFNumber.of(flags),
    AP: { N: doc.context.register(appearance) },
  });
  const ref = doc.context.register(annotation);
  const existing = page.node.lookup(PDFName.of('Annots'));
  if (existing) (existing as unknown as { push(value: unknown): void }).push(ref);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
}

/** An inline property list for BDC: pdf-lib writes a dictionary operand as it is, but its types allow names and strings only. */
const inline = (dict: PDFDict) => dict as unknown as PDFName;

/** Annotation flags (PDF 32000-1, 12.5.3): Hidden 2, Print 4. */
const PRINT = 4;
const HIDDEN = 2;

export async function printedPdf(options: PrintedPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  if (options.scan) {
    const picture = await doc.embedPng(await textPicture(options.lines, 24));
    const scale = Math.min(475 / (picture.width * 0.36), 1) * 0.36;
    page.drawImage(picture, { x: 60, y: 800 - picture.height * scale, width: picture.width * scale, height: picture.height * scale });
    return doc.save();
  }
  const font = await fontFor(doc, [...options.lines, options.spacedLine ?? ''].join(' '));
  options.lines.forEach((line, i) => page.drawText(line, { x: 60, y: 770 - i * 20, size: 12, font }));
  if (options.spacedLine) {
    page.pushOperators(setCharacterSpacing(5));
    page.drawText(options.spacedLine, { x: 60, y: 600, size: 12, font });
    page.pushOperators(setCharacterSpacing(0));
  }
  if (options.pictureText) {
    const drawn = await textPicture(options.pictureText);
    const picture = await doc.embedPng(options.pictureAngle ? await sharp(drawn).rotate(options.pictureAngle, { background: '#ffffff' }).png().toBuffer() : drawn);
    const scale = 72 / 200;
    page.drawImage(picture, { x: 60, y: 520, width: picture.width * scale, height: picture.height * scale });
    if (options.pictureCovered) page.drawRectangle({ x: 56, y: 516, width: picture.width * scale + 8, height: picture.height * scale + 8, color: rgb(0, 0, 0) });
  }
  if (options.fieldValue) {
    const field = doc.getForm().createTextField('applicant.relative');
    field.setText(options.fieldValue);
    const fieldFont = await fontFor(doc, options.fieldValue);
    field.addToPage(page, { x: 60, y: 440, width: 300, height: 26, font: fieldFont });
    field.updateAppearances(fieldFont);
  }
  if (options.actualText) {
    const { shown, actual } = options.actualText;
    const marked = (tag: string, key: string, draw: () => void) => {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(tag), inline(doc.context.obj({ [key]: PDFHexString.fromText(actual) }))]));
      draw();
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    };
    marked('Span', 'ActualText', () => page.drawText(shown, { x: 60, y: 680, size: 12, font }));
    marked('Figure', 'Alt', () => page.drawRectangle({ x: 60, y: 620, width: 120, height: 40, borderWidth: 1 }));
  }
  if (options.noteText) freeText(doc, page, options.noteText, [60, 360, 400, 390], PRINT);
  if (options.hiddenText) {
    freeText(doc, page, options.hiddenText, [60, 300, 400, 330], PRINT | HIDDEN);
    freeText(doc, page, `${options.hiddenText} (on screen only)`, [60, 250, 400, 280], 0);
  }
  return doc.save();
}
