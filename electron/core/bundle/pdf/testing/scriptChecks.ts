/**
 * Checks that a bundle prints what it was given, in every script, read back the way a reader would: the
 * fonts as pdffonts lists them, the text as pdftotext extracts it, and the ink as pdftoppm renders it.
 * Each check returns the problems it found (empty when all is well), so that its control can show it
 * finding them on a deliberately broken bundle.
 */
import { execFileSync } from 'node:child_process';
import type { TextStyle, Typefaces } from '../fonts';
import { A4 } from '../geometry';
import { pdftotext } from './pdfTools';
import { renderPdfPage } from '../../../testing/pdfRender';

/** Bidi controls pdftotext puts around right-to-left lines (RLE … PDF), and direction marks. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** pdffonts: every font embedded, as a subset, with a ToUnicode map; and every face of `faces` among them. */
export function fontProblems(file: string, faces: string[]): string[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((row) => row.trim());
  const problems: string[] = [];
  const names: string[] = [];
  for (const row of rows) {
    const cells = row.trim().split(/\s+/);
    const [emb, sub, uni] = cells.slice(-5, -2);
    const name = cells[0]!;
    names.push(name.replace(/^[A-Z]{6}\+/, ''));
    if (emb !== 'yes' || sub !== 'yes' || uni !== 'yes') problems.push(`${name}: emb ${emb}, sub ${sub}, uni ${uni}`);
  }
  for (const face of faces) if (!names.includes(face)) problems.push(`${face} is not in the PDF (fonts: ${names.join(', ')})`);
  return problems;
}

/** The text of a page as pdftotext gives it, in NFC, without the bidi controls it adds. */
export function extractedText(file: string, page: number): string {
  return pdftotext(file, page).normalize('NFC').replace(BIDI_CONTROLS, '');
}

/** Lines of extracted text, whitespace collapsed. */
export function extractedLines(file: string, page: number): string[] {
  return extractedText(file, page)
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
}

function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.normalize('NFC').replace(/\s+/gu, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/**
 * Characters of `texts` that `extracted` holds fewer times than they occur: a multiset comparison, as the
 * order of a line mixing right-to-left and left-to-right text is the extractor's own guess.
 */
export function missingCharacters(extracted: string, texts: string[]): string[] {
  const have = characterCounts(extracted);
  const problems: string[] = [];
  for (const [char, wanted] of characterCounts(texts.join(''))) {
    const found = have.get(char) ?? 0;
    if (found < wanted) problems.push(`“${char}” (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) extracted ${found} of ${wanted} times`);
  }
  return problems;
}

export function scriptOf(text: string): string {
  if (/\p{Script=Han}|[\u3000-\u303f\uff00-\uffef]/u.test(text)) return 'Chinese';
  if (/\p{Script=Arabic}/u.test(text)) return 'Uyghur';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'Cyrillic';
  if (/\p{Script=Latin}/u.test(text)) return 'Latin';
  if (/\p{Nd}/u.test(text)) return 'digits';
  return 'other';
}

export interface PrintedLine {
  text: string;
  x: number;
  baseline: number;
  size: number;
}

/**
 * Ink where every glyph of `lines` was drawn: each glyph's cell (its advance, from a quarter of the size
 * below the baseline to the ascender), narrowed to its middle so a neighbour's joining stroke does not
 * count, must hold a few dark pixels. Glyph positions come from the same line setting the writer used; the
 * pixels come from poppler, so a glyph that is in the text layer but draws nothing is found.
 */
export function inkProblems(file: string, page: number, typefaces: Typefaces, lines: PrintedLine[], style: TextStyle): string[] {
  const dpi = 144;
  const scale = dpi / 72;
  const { width, pixels } = renderPdfPage(file, page, dpi, { gray: true });
  const problems: string[] = [];
  for (const line of lines) {
    let pen = line.x;
    for (const glyph of typefaces.line(line.text, style).glyphs) {
      const left = pen + (glyph.dx * line.size) / 1000;
      const glyphWidth = (glyph.width * line.size) / 1000;
      pen += (glyph.advance * line.size) / 1000;
      if (!glyph.text.trim() || glyph.advance === 0) continue;
      const [x0, x1] = [Math.round((left + 0.2 * glyphWidth) * scale), Math.round((left + 0.8 * glyphWidth) * scale)];
      const [y0, y1] = [Math.round((A4.height - line.baseline - 0.95 * line.size) * scale), Math.round((A4.height - line.baseline + 0.25 * line.size) * scale)];
      let dark = 0;
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (pixels[y * width + x]! < 128) dark++;
      if (dark < 3) problems.push(`no ink for “${glyph.text}” (${scriptOf(glyph.text)}) at x ${left.toFixed(1)} in “${line.text}”`);
    }
  }
  return problems;
}
