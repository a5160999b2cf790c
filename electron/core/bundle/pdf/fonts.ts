import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { bidiClass, bidiLevels, mirrorOf, visualOrder, type BidiClass } from './bidi';
import { INVISIBLE, clusters, printable } from './characters';
import { isJoiningLetter, shapeWord, type ShapedGlyph } from './shaping';
import { wrapText } from './wrapping';

/**
 * The bundle's three typefaces and how a line of text is set in them. DejaVu Sans covers Latin, Cyrillic,
 * every Kazakh letter and the Arabic script with every Uyghur letter and its joining forms; Droid Sans
 * Fallback covers CJK. Each character (with its combining marks) goes to the first face of its style that
 * has it — bold falls back to regular before CJK — so "Шешім 决定" is set as a DejaVu run and a Droid run.
 *
 * Latin, Cyrillic and CJK are set glyph by glyph from the fonts' cmaps, without kerning or ligatures:
 * these scripts need none. Arabic-script words are shaped (shaping.ts) and a line with right-to-left text
 * in it is reordered (bidi.ts). Either way a line is a list of glyphs whose advances are exactly what
 * the PDF draws, so widths measured here equal the widths drawn and the layout computed without a PDF
 * is the one written. A character no face has prints as a visible placeholder (U+FFFD) and copies as
 * U+FFFD too, so the page and its text layer say the same thing (the bookmarks and the document title
 * keep the exact text); `unprintable()` names such characters beforehand. Only the invisible OCR layer,
 * where nothing is seen, copies a placeholder as the characters it stands for, so search still finds them.
 */

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  cjk: 'DroidSansFallbackFull.ttf',
} as const;

export type FaceName = keyof typeof FONT_FILES;
export type TextStyle = 'regular' | 'bold';

/** A glyph in a face, as drawn (see ShapedGlyph). */
export interface SetGlyph extends ShapedGlyph {
  face: FaceName;
  /** for a placeholder: the characters it stands for (the invisible OCR layer copies them as they are) */
  placeholderFor?: string;
}

/** What moves as one when a line is reordered: a character with its marks, or an Arabic-script word. */
interface Piece {
  glyphs: SetGlyph[];
  /** in thousandths of the font size */
  width: number;
  bidi: BidiClass;
  /** a single character that has a mirrored glyph of the same width (a bracket), and that glyph */
  mirrored?: SetGlyph;
}

/** A line as drawn: glyphs left to right. */
export interface SetLine {
  glyphs: SetGlyph[];
  /** in thousandths of the font size */
  width: number;
}

export interface TypefaceOptions {
  /** false: every character in its style's own face. Only for the controls of scriptsPdf.test.ts. */
  fallback?: boolean;
  /** false: lines left in reading order, left to right. Only for the controls of scriptsPdf.test.ts. */
  bidi?: boolean;
}

export const PLACEHOLDER = '\ufffd';

interface FontFiles {
  fonts: Record<FaceName, Font>;
  files: Record<FaceName, Uint8Array>;
}

export class Typefaces {
  private static readonly loaded = new Map<string, FontFiles>();

  /**
   * The faces in `dir`. The fonts are read and parsed once per folder (fontkit parses lazily: ~70 ms for
   * the three files); the set lines are cached per instance, one a bundle plan, because they hold the
   * words of the bundle's titles — names among them — which should not outlive the bundle in memory.
   */
  static load(dir: string, options: TypefaceOptions = {}): Typefaces {
    const key = resolve(dir);
    let faces = Typefaces.loaded.get(key);
    if (!faces) {
      const read = (face: FaceName) => readFileSync(join(key, FONT_FILES[face]));
      const files = { regular: read('regular'), bold: read('bold'), cjk: read('cjk') };
      const open = (face: FaceName) => fontkit.create(files[face]);
      faces = { files, fonts: { regular: open('regular'), bold: open('bold'), cjk: open('cjk') } };
      Typefaces.loaded.set(key, faces);
    }
    return new Typefaces(faces, options);
  }

  readonly fonts: Record<FaceName, Font>;
  /** the font files, which the PDF embeds subsets of */
  readonly files: Record<FaceName, Uint8Array>;
  private readonly chains: Record<TextStyle, FaceName[]>;
  private readonly pieceCache: Record<TextStyle, Map<string, Piece>> = { regular: new Map(), bold: new Map() };

  private constructor(
    faces: FontFiles,
    private readonly options: TypefaceOptions,
  ) {
    this.fonts = faces.fonts;
    this.files = faces.files;
    this.chains = options.fallback === false ? { regular: ['regular'], bold: ['bold'] } : { regular: ['regular', 'cjk'], bold: ['bold', 'regular', 'cjk'] };
  }

  /** `text` set as one line at the font size of 1000: glyphs in visual order. */
  line(text: string, style: TextStyle): SetLine {
    const pieces = this.pieces(text, style);
    const width = pieces.reduce((sum, piece) => sum + piece.width, 0);
    if (this.options.bidi === false) return { glyphs: pieces.flatMap((piece) => piece.glyphs), width };
    const { levels } = bidiLevels(pieces.map((piece) => piece.bidi));
    const shown = pieces.map((piece, i) => (levels[i]! % 2 && piece.mirrored ? { ...piece, glyphs: [piece.mirrored] } : piece));
    return { glyphs: visualOrder(shown, levels).flatMap((piece) => piece.glyphs), width };
  }

  /** Width in points of `text` set at `size`: the same as drawn, whatever the order of its parts. */
  width(text: string, size: number, style: TextStyle = 'regular'): number {
    let units = 0;
    for (const piece of this.pieces(text, style)) units += piece.width;
    return (units * size) / 1000;
  }

  /** The characters of `text` (clusters, once each) that no face has: they print as U+FFFD. */
  unprintable(text: string): string[] {
    return [...new Set(clusters(text).filter((cluster) => this.faceFor(cluster, 'regular') === null))];
  }

  /** `text` in lines no wider than `maxWidth` (see wrapping.ts). */
  wrap(text: string, size: number, style: TextStyle, maxWidth: number, maxLines = Infinity): string[] {
    return wrapText(printable(text), (line) => this.width(line, size, style) <= maxWidth, maxLines);
  }

  /** The first face of the style that has every visible character of `cluster`, or null. */
  private faceFor(cluster: string, style: TextStyle): FaceName | null {
    return this.chains[style].find((face) => this.hasAll(face, cluster)) ?? null;
  }

  /** The pieces of `text` in reading order. */
  private pieces(text: string, style: TextStyle): Piece[] {
    const parts = clusters(text);
    const pieces: Piece[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (!isJoiningLetter(parts[i]!.codePointAt(0)!)) {
        pieces.push(this.cluster(parts[i]!, style));
        continue;
      }
      let end = i;
      while (end < parts.length && isJoiningLetter(parts[end]!.codePointAt(0)!)) end++;
      pieces.push(...this.word(parts.slice(i, end), style));
      i = end - 1;
    }
    return pieces;
  }

  /** One cluster, glyph by glyph, or its placeholder. */
  private cluster(cluster: string, style: TextStyle): Piece {
    const cache = this.pieceCache[style];
    let piece = cache.get(cluster);
    if (piece) return piece;
    const face = this.faceFor(cluster, style);
    const first = cluster.codePointAt(0)!;
    if (face === null) {
      piece = { glyphs: [this.placeholder(cluster, style)], width: 0, bidi: bidiClass(first) };
    } else {
      const glyphs = [...cluster].filter((char) => !INVISIBLE.test(char)).map((char) => this.glyph(face, char.codePointAt(0)!, char));
      piece = { glyphs, width: 0, bidi: bidiClass(first) };
      const mirror = cluster.length === 1 ? mirrorOf(first) : undefined;
      if (mirror !== undefined && this.fonts[face].hasGlyphForCodePoint(mirror)) {
        const mirrored = this.glyph(face, mirror, cluster);
        if (mirrored.width === glyphs[0]!.width) piece.mirrored = mirrored;
      }
    }
    piece.width = piece.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0);
    cache.set(cluster, piece);
    return piece;
  }

  /** A run of joining letters, shaped in the first face that has them all (else face by face). */
  private word(parts: string[], style: TextStyle): Piece[] {
    const whole = this.chains[style].find((face) => parts.every((part) => this.hasAll(face, part)));
    const faces = parts.map((part) => whole ?? this.faceFor(part, style));
    const pieces: Piece[] = [];
    for (let i = 0; i < parts.length; i++) {
      const face = faces[i];
      if (face === null || face === undefined) {
        pieces.push(this.cluster(parts[i]!, style));
        continue;
      }
      let end = i;
      while (end < parts.length && faces[end] === face) end++;
      const word = parts.slice(i, end).join('');
      const key = `\u0000${face}\u0000${word}`;
      let piece = this.pieceCache[style].get(key);
      if (!piece) {
        const glyphs = shapeWord(this.fonts[face], word).map((glyph) => ({ ...glyph, face }));
        piece = { glyphs, width: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0), bidi: 'AL' };
        this.pieceCache[style].set(key, piece);
      }
      pieces.push(piece);
      i = end - 1;
    }
    return pieces;
  }

  /** Whether `face` has a glyph for every visible character of `cluster`. */
  private hasAll(face: FaceName, cluster: string): boolean {
    return [...cluster].every((char) => INVISIBLE.test(char) || this.fonts[face].hasGlyphForCodePoint(char.codePointAt(0)!));
  }

  private glyph(face: FaceName, codePoint: number, text: string): SetGlyph {
    const font = this.fonts[face];
    const glyph = font.glyphForCodePoint(codePoint);
    const width = Math.round((glyph.advanceWidth * 1000) / font.unitsPerEm);
    return { face, gid: glyph.id, text, width, advance: width, dx: 0, dy: 0 };
  }

  /** U+FFFD in the style's own face: a visible mark where a character could not be printed. */
  private placeholder(cluster: string, style: TextStyle): SetGlyph {
    const face = this.chains[style][0]!;
    const glyph = this.glyph(face, PLACEHOLDER.codePointAt(0)!, PLACEHOLDER);
    return { ...glyph, placeholderFor: cluster };
  }
}
