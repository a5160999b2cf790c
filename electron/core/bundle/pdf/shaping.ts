import type { Font } from '@pdf-lib/fontkit';

/**
 * Arabic-script words (Uyghur in this casework) set through fontkit's OpenType layout engine and its
 * Arabic shaper: each letter in its isolated, initial, medial or final form and lam-alef as one ligature,
 * as the font's GSUB says, and marks placed by its GPOS. Only words of joining letters go through here:
 * shaping joins letters within a word, never across a space, so a word is shaped once, cached, and a
 * line's width is the sum of its words' and characters' widths, whatever order they end up in.
 */

/** A glyph as it is drawn; lengths in thousandths of the font size. */
export interface ShapedGlyph {
  gid: number;
  /**
   * The characters it shows, for copying and searching: one letter, both letters of a ligature, or
   * nothing for the second glyph of a letter the font draws as two. A right-to-left ligature's letters
   * are given right to left (alef, lam for lam-alef): text extractors (poppler, pdf.js) spread a glyph's
   * characters over its width from the left and then read a right-to-left line from the right.
   */
  text: string;
  /** its own advance, the /W width written for it */
  width: number;
  /** how far the pen moves after it; differs from `width` where the font kerns or a mark sits on a letter */
  advance: number;
  /** where it is drawn relative to the pen */
  dx: number;
  dy: number;
}

/** `word` shaped in `font`, its glyphs in visual order (left to right). */
export function shapeWord(font: Font, word: string): ShapedGlyph[] {
  const run = font.layout(word); // script (arab) and direction (rtl) detected from the text
  const scale = 1000 / font.unitsPerEm;
  return run.glyphs.map((glyph, i) => {
    const position = run.positions[i]!;
    return {
      gid: glyph.id,
      text: String.fromCodePoint(...(run.direction === 'rtl' ? [...glyph.codePoints].reverse() : glyph.codePoints)),
      width: Math.round(glyph.advanceWidth * scale),
      advance: Math.round(position.xAdvance * scale),
      dx: Math.round(position.xOffset * scale),
      dy: Math.round(position.yOffset * scale),
    };
  });
}

/**
 * Characters that join to their neighbours and so are shaped as words: letters of the Arabic script (bidi
 * class AL). Arabic digits, the Arabic comma and marks on their own are set one by one like any other.
 */
export function isJoiningLetter(cp: number): boolean {
  return cp >= 0x0600 && ARABIC_LETTER.test(String.fromCodePoint(cp)); // nothing below U+0600 is Arabic: most text stops here
}

const ARABIC_LETTER = /^(?=\p{Script=Arabic})\p{L}$/u;
