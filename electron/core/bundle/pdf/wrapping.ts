import { bidiClass, firstStrongDirection } from './bidi';
import { clusters } from './characters';

/** Characters a line may break after or before without a space: CJK ideographs, kana, Hangul, CJK punctuation. */
const CJK_RANGES = '\\u2e80-\\u303f\\u3040-\\u30ff\\u3100-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff00-\\uffef';
const TOKEN = new RegExp(`\\s+|[${CJK_RANGES}]|[^\\s${CJK_RANGES}]+`, 'gu');
const ELLIPSIS = '…';
const LRM = '\u200e';
const RLM = '\u200f';

const direction = (text: string) => firstStrongDirection([...text].map((char) => bidiClass(char.codePointAt(0)!)));

/**
 * `text` (already printable) broken into lines that `fits`: at spaces, between CJK characters, and inside
 * a word only when the word alone is wider than a line (a long file name, a hash), never between a
 * letter and its marks. At most `maxLines`; the last line kept ends in "…" when text was cut.
 *
 * Lines are broken in reading order and each is reordered for display on its own (bidi.ts), which decides
 * a line's direction by its first strong letter. A line that would be judged otherwise than its paragraph
 * (the second line of a Uyghur title starting with "ID 2020") starts with an invisible direction mark
 * (RLM, LRM), so every line of a paragraph runs in the paragraph's direction.
 */
export function wrapText(text: string, fits: (line: string) => boolean, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKEN) ?? []) {
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
    for (const cluster of clusters(token)) {
      if (line && !fits(line + cluster)) {
        lines.push(line);
        line = '';
      }
      line += cluster;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) {
    let last = clusters(kept[maxLines - 1]!);
    while (last.length && !fits(last.join('') + ELLIPSIS)) last = last.slice(0, -1);
    kept[maxLines - 1] = last.join('').trimEnd() + ELLIPSIS;
  }
  const paragraph = direction(text);
  if (!paragraph || kept.length < 2) return kept;
  return kept.map((each) => ((direction(each) ?? 'ltr') === paragraph ? each : (paragraph === 'rtl' ? RLM : LRM) + each));
}
