import { deflateSync } from 'node:zlib';
import { PDFDict, PDFName, type PDFContext, type PDFRef } from 'pdf-lib';
import { registerStream } from './bytesStream';
import { FACE_RESOURCE, type EmbeddedFonts } from './fontEmbedding';
import type { FaceName, TextStyle, Typefaces } from './fonts';

/** A number as PDF content writes it: at most 3 decimals, no exponent. */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? '0' : String(rounded);
}

export type Matrix = [number, number, number, number, number, number];

/** The box of an invisible word, in points (PDF user space, origin bottom left). */
export interface WordBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * DejaVu Sans spans 0.236 em below the baseline to 0.928 em above it (hhea descent/ascent, 483 and 1901
 * of 2048 units): an OCR word box, which runs from the top of its tallest letter to the bottom of its
 * lowest, is about 1.164 em tall.
 */
const WORD_BOX_EMS = 1.164;
const WORD_DESCENT_EMS = 0.236;

/**
 * One page's content stream, written as PDF operators. Visible text is drawn as Typefaces sets a line:
 * glyphs left to right, in runs of one face. The OCR layer is text render mode 3 (neither filled nor
 * stroked) with each word stretched by horizontal scaling (Tz) across its box, so selecting and searching
 * the page find the words where the image shows them.
 */
export class PageContent {
  private readonly ops: string[] = [];
  private readonly faces = new Set<FaceName>();
  private readonly xObjects = new Map<string, PDFRef>();

  constructor(
    private readonly typefaces: Typefaces,
    private readonly fonts: EmbeddedFonts,
  ) {}

  /** Visible text with its baseline starting at (x, y). `grey` is the fill: 0 black, 1 white. */
  text(text: string, x: number, y: number, size: number, style: TextStyle = 'regular', grey = 0): void {
    if (!text) return;
    const shown = this.show(text, size, style);
    const colour = grey === 0 ? '' : `${num(grey)} g `;
    this.ops.push(`q ${colour}BT 1 0 0 1 ${num(x)} ${num(y)} Tm ${shown} ET Q`);
  }

  /** Visible text ending at x. */
  textRight(text: string, x: number, y: number, size: number, style: TextStyle = 'regular', grey = 0): void {
    this.text(text, x - this.typefaces.width(text, size, style), y, size, style, grey);
  }

  textCentred(text: string, x: number, y: number, size: number, style: TextStyle = 'regular', grey = 0): void {
    this.text(text, x - this.typefaces.width(text, size, style) / 2, y, size, style, grey);
  }

  /** The invisible OCR layer of a page: every word on its box. */
  invisibleWords(words: Array<{ text: string; box: WordBox }>): void {
    const parts: string[] = ['q BT 3 Tr'];
    for (const { text, box } of words) {
      if (!text || box.width <= 0 || box.height <= 0) continue;
      const size = box.height / WORD_BOX_EMS;
      const natural = (this.typefaces.width(text, 1, 'regular') * size) || 0;
      if (natural <= 0) continue;
      const scale = (100 * box.width) / natural;
      parts.push(`${num(scale)} Tz 1 0 0 1 ${num(box.x)} ${num(box.y + WORD_DESCENT_EMS * size)} Tm ${this.show(text, size, 'regular', true)}`);
    }
    if (parts.length === 1) return;
    parts.push('ET Q');
    this.ops.push(parts.join('\n'));
  }

  /** Draw an XObject (image or embedded page) with the transformation `matrix`. */
  xObject(ref: PDFRef, matrix: Matrix): void {
    const name = `X${this.xObjects.size}`;
    this.xObjects.set(name, ref);
    this.ops.push(`q ${matrix.map(num).join(' ')} cm /${name} Do Q`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, grey = 0): void {
    this.ops.push(`q ${num(grey)} G ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
  }

  /** The content stream (compressed) and the resources it names. */
  finish(context: PDFContext): { contents: PDFRef; resources: PDFDict } {
    const bytes = deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'));
    const contents = registerStream(context, bytes, { Filter: 'FlateDecode' });
    const fonts: Record<string, PDFRef> = {};
    for (const face of this.faces) fonts[FACE_RESOURCE[face]] = this.fonts.ref(face);
    const resources = PDFDict.withContext(context);
    if (this.faces.size) resources.set(PDFName.of('Font'), context.obj(fonts));
    if (this.xObjects.size) resources.set(PDFName.of('XObject'), context.obj(Object.fromEntries(this.xObjects)));
    return { contents, resources };
  }

  /**
   * The operators showing `text` at `size`: per run of one face a `Tf` and a `Tj` string, or a `TJ` array
   * where the font positions a glyph away from the plain advance (kerning, a mark over a letter), and a
   * text rise (`Ts`) for a glyph raised or lowered. The pen then moves by exactly the advances `line()`
   * summed, so the text ends where the layout measured it to end. On the invisible OCR layer a placeholder
   * copies as the characters it stands for: nothing is printed there, and search should find them.
   */
  private show(text: string, size: number, style: TextStyle, invisible = false): string {
    const out: string[] = [];
    let face: FaceName | null = null;
    let rise = 0;
    let parts: string[] = [];
    let hex = '';
    const flush = () => {
      if (hex) parts.push(`<${hex}>`);
      hex = '';
      if (parts.length === 1) out.push(`${parts[0]} Tj`);
      else if (parts.length) out.push(`[${parts.join(' ')}] TJ`);
      parts = [];
    };
    /** moves the pen right by `units` thousandths of the size (TJ numbers move it left) */
    const move = (units: number) => {
      if (units === 0) return;
      if (hex) parts.push(`<${hex}>`);
      hex = '';
      parts.push(num(-units));
    };
    for (const glyph of this.typefaces.line(text, style).glyphs) {
      const glyphRise = (glyph.dy * size) / 1000;
      if (glyph.face !== face || glyphRise !== rise) {
        flush();
        if (glyph.face !== face) {
          face = glyph.face;
          this.faces.add(face);
          out.push(`/${FACE_RESOURCE[face]} ${num(size)} Tf`);
        }
        if (glyphRise !== rise) out.push(`${num(glyphRise)} Ts`);
        rise = glyphRise;
      }
      move(glyph.dx);
      hex += this.fonts.hex(glyph, invisible && glyph.placeholderFor !== undefined ? glyph.placeholderFor : glyph.text);
      move(glyph.advance - glyph.width - glyph.dx);
    }
    flush();
    if (rise !== 0) out.push('0 Ts');
    return out.join(' ');
  }
}
