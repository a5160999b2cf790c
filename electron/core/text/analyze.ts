/**
 * Text → index tokens. The index and the query both go through `analyze`, so a word meets itself.
 *
 * - Words: maximal runs of letters (with their combining marks) or digits; apostrophes and hyphens
 *   split them (Әйгерім-Дәулетқызы is two words).
 * - Compound identifiers (477-IV, 3-1-17/А-1881, 02.04.2021, ЖТ-2021/118): groups joined by - / or .
 *   with no space, at least two groups and a digit. Their groups come first as ordinary tokens, then
 *   one `compound` token over the whole identifier with the separators dropped, whose key writes
 *   Cyrillic and Latin letters alike (3-1-17/А-1881 with Cyrillic А meets 3-1-17/A-1881). A full stop
 *   that ends a sentence is not part of it (… № 477-IV.).
 * - Chinese: OCR puts a space between Han characters, so Han characters apart by one space or line
 *   break are one run; a run gives overlapping bigrams (one character alone gives itself).
 */
import { fold } from './fold';
import { stem } from './stem';
import { compoundKey, translitKey } from './translitKey';

/** Bump whenever the tokens for some text change: the index is rebuilt when it differs. */
export const ANALYZER_VERSION = 3;

export type TokenKind = 'word' | 'number' | 'compound' | 'cjk';

export interface Token {
  /** [start, end) UTF-16 offsets of the token's surface in the analysed text. */
  start: number;
  end: number;
  kind: TokenKind;
  /** Folded surface (see fold); a compound without its separators. Never empty. */
  exact: string;
  /** Language-aware stem of `exact`; numbers, compounds and cjk: the same as `exact`. */
  stem: string;
  /** Cross-script key (see translitKey); cjk: the same as `exact`. */
  key: string;
}

// Letters but not Han: class subtraction, which needs the `v` flag, so the patterns are built with
// new RegExp (TypeScript rejects `v` in a literal below an ES2024 target).
const HAN = '\\p{Script=Han}';
const LETTER_OR_DIGIT = `[[\\p{L}\\p{Nd}\\p{Nl}]--${HAN}]`;
/** A soft hyphen inside a word (PDF text layers) does not split it. */
const GROUP = `${LETTER_OR_DIGIT}[[\\p{L}\\p{Nd}\\p{Nl}\\p{M}\\u00AD]--${HAN}]*`;
/** Hyphen-minus, hyphen and non-breaking hyphen, slash, full stop: not dashes, which separate ranges. */
const SEPARATOR = '[\\-\\u2010\\u2011\\/.]';
const HAN_RUN = `${HAN}(?:(?:\\r\\n|[ \\t\\n\\r\\u3000])?${HAN})*`;
const TOKEN = new RegExp(`(${HAN_RUN})|${GROUP}(?:${SEPARATOR}${GROUP})*`, 'gv');
const GROUP_ONLY = new RegExp(GROUP, 'gv');
const HAN_CHAR = new RegExp(HAN, 'u');
const DIGIT = /\p{Nd}/u;
const DIGITS_ONLY = /^\p{Nd}+$/u;

/** Folding, stemming and keying a word depend on the word alone: each spelling is worked out once. */
const WORD_MEMO_LIMIT = 100_000;
// eslint-disable-next-line no-restricted-syntax -- a bounded memo of a pure function (spelling → folded, stem, key)
const wordMemo = new Map<string, Pick<Token, 'kind' | 'exact' | 'stem' | 'key'> | null>();

function analyseWord(surface: string): Pick<Token, 'kind' | 'exact' | 'stem' | 'key'> | null {
  let entry = wordMemo.get(surface);
  if (entry !== undefined) return entry;
  const exact = fold(surface);
  if (exact === '') entry = null;
  else {
    const isNumber = DIGITS_ONLY.test(exact);
    entry = { kind: isNumber ? 'number' : 'word', exact, stem: isNumber ? exact : stem(exact), key: isNumber ? exact : translitKey(exact) };
  }
  if (wordMemo.size >= WORD_MEMO_LIMIT) wordMemo.clear();
  wordMemo.set(surface, entry);
  return entry;
}

function wordToken(surface: string, start: number): Token | null {
  const entry = analyseWord(surface);
  return entry && { start, end: start + surface.length, ...entry };
}

function pushHanRun(run: string, offset: number, tokens: Token[]): void {
  const chars: Array<{ char: string; start: number }> = [];
  let at = offset;
  for (const char of run) {
    if (HAN_CHAR.test(char)) chars.push({ char, start: at });
    at += char.length;
  }
  const add = (first: number, last: number) => {
    const exact = fold(chars.slice(first, last + 1).map((c) => c.char).join(''));
    const end = chars[last]!.start + chars[last]!.char.length;
    tokens.push({ start: chars[first]!.start, end, kind: 'cjk', exact, stem: exact, key: exact });
  };
  if (chars.length === 1) add(0, 0);
  for (let i = 0; i + 1 < chars.length; i++) add(i, i + 1);
}

/** A separator within a run: without one the run is a single word (most runs are). */
const HAS_SEPARATOR = /[-\u2010\u2011/.]/;

function pushCompoundRun(run: string, offset: number, tokens: Token[]): void {
  if (!HAS_SEPARATOR.test(run)) {
    const token = wordToken(run, offset);
    if (token) tokens.push(token);
    return;
  }
  const groups: Token[] = [];
  for (const match of run.matchAll(GROUP_ONLY)) {
    const token = wordToken(match[0], offset + match.index);
    if (token) groups.push(token);
  }
  tokens.push(...groups);
  if (groups.length < 2 || !DIGIT.test(run)) return;
  const exact = groups.map((g) => g.exact).join('');
  tokens.push({
    start: offset,
    end: offset + run.length,
    kind: 'compound',
    exact,
    stem: exact,
    key: compoundKey(groups.map((g) => g.exact)),
  });
}

export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[1] !== undefined) pushHanRun(match[0], match.index, tokens);
    else pushCompoundRun(match[0], match.index, tokens);
  }
  return tokens;
}
