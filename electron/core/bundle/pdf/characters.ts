/** Text as the bundle prints it: cleaned up, and cut into the characters a reader sees. */

/** Characters that are never drawn: zero-width joiners, variation selectors, bidi marks and controls. */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/** Text with none of these is one character per cluster, which spares the segmenter in the common case. */
const NEEDS_SEGMENTER = /[\p{M}\p{Default_Ignorable_Code_Point}\p{Emoji_Modifier}\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** `text` as user-perceived characters (grapheme clusters): a base with its combining marks, an emoji sequence. */
export function clusters(text: string): string[] {
  return NEEDS_SEGMENTER.test(text) ? Array.from(graphemes.segment(text), (part) => part.segment) : [...text];
}

/** Text as it is printed: NFC, control characters and line breaks as single spaces, trimmed. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}
