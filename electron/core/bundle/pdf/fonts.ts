import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';

/**
 * The bundle's three typefaces and how text is set in them. DejaVu Sans covers Latin, Cyrillic and every
 * Kazakh letter; Droid Sans Fallback covers CJK. Each character goes to the first face of its style that
 * has a glyph for it, so "Шешім 决定" is set as a DejaVu run and a Droid run.
 *
 * Text is set glyph by glyph from the fonts' cmaps, without shaping (no kerning, no ligatures): the
 * scripts of this casework need none, widths measured here are exactly the widths written to the PDF
 * (so the layout computed without a PDF equals the one drawn), and the invisible OCR layer needs no more.
 */

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  cjk: 'DroidSansFallbackFull.ttf',
} as const;

export type FaceName = keyof typeof FONT_FILES;
export type TextStyle = 'regular' | 'bold';

/** The face a character is set in, its glyph there, and its advance in thousandths of the font size. */
export interface GlyphChoice {
  face: FaceName;
  gid: number;
  width: number;
}

/** A stretch of text set in one face. */
export interface TextRun {
  face: FaceName;
  codePoints: number[];
  /** in thousandths of the font size */
  width: number;
}

const FALLBACK: Record<TextStyle, FaceName[]> = { regular: ['regular', 'cjk'], bold: ['bold', 'cjk'] };

/** Characters a line may break after or before without a space: CJK ideographs, kana, Hangul, CJK punctuation. */
const CJK = /[\u2e80-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;
const TOKEN = new RegExp(`\\s+|${CJK.source}|[^\\s\\u2e80-\\u303f\\u3040-\\u30ff\\u3100-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff00-\\uffef]+`, 'gu');
const ELLIPSIS = '…';

/** Text as it is printed: NFC, control characters and line breaks as single spaces, trimmed. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

export class Typefaces {
  private static readonly loaded = new Map<string, Typefaces>();

  /** The faces in `dir`, read once per folder (fontkit parses lazily: ~70 ms for the three files). */
  static load(dir: string): Typefaces {
    const key = resolve(dir);
    let faces = Typefaces.loaded.get(key);
    if (!faces) {
      faces = new Typefaces(key);
      Typefaces.loaded.set(key, faces);
    }
    return faces;
  }

  readonly fonts: Record<FaceName, Font>;
  private readonly choices: Record<TextStyle, Map<number, GlyphChoice>> = { regular: new Map(), bold: new Map() };

  private constructor(dir: string) {
    const open = (file: string) => fontkit.create(readFileSync(join(dir, file)));
    this.fonts = { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold), cjk: open(FONT_FILES.cjk) };
  }

  glyph(codePoint: number, style: TextStyle): GlyphChoice {
    const cache = this.choices[style];
    let choice = cache.get(codePoint);
    if (!choice) {
      const faces = FALLBACK[style];
      // No face has it: the primary face's .notdef, still mapped to the character for copy and search.
      const face = faces.find((name) => this.fonts[name].hasGlyphForCodePoint(codePoint)) ?? faces[0]!;
      const font = this.fonts[face];
      const glyph = font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint) : font.getGlyph(0);
      choice = { face, gid: glyph.id, width: Math.round((glyph.advanceWidth * 1000) / font.unitsPerEm) };
      cache.set(codePoint, choice);
    }
    return choice;
  }

  runs(text: string, style: TextStyle): TextRun[] {
    const runs: TextRun[] = [];
    let run: TextRun | undefined;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const choice = this.glyph(codePoint, style);
      if (!run || run.face !== choice.face) {
        run = { face: choice.face, codePoints: [], width: 0 };
        runs.push(run);
      }
      run.codePoints.push(codePoint);
      run.width += choice.width;
    }
    return runs;
  }

  /** Width in points of `text` set at `size`. */
  width(text: string, size: number, style: TextStyle = 'regular'): number {
    let units = 0;
    for (const char of text) units += this.glyph(char.codePointAt(0)!, style).width;
    return (units * size) / 1000;
  }

  /**
   * `text` broken into lines no wider than `maxWidth`: at spaces, between CJK characters, and inside a
   * word only when the word alone is wider than a line (a long file name, a hash). At most `maxLines`;
   * the last line kept ends in "…" when text was cut.
   */
  wrap(text: string, size: number, style: TextStyle, maxWidth: number, maxLines = Infinity): string[] {
    const lines: string[] = [];
    let line = '';
    const fits = (candidate: string) => this.width(candidate, size, style) <= maxWidth;
    for (const token of printable(text).match(TOKEN) ?? []) {
      if (/^\s/u.test(token)) {
        if (line) line += ' ';
        continue;
      }
      if (fits(line + token)) {
        line += token;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      for (const char of token) {
        if (line && !fits(line + char)) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last && !fits(last + ELLIPSIS)) last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = last.trimEnd() + ELLIPSIS;
    return kept;
  }
}
