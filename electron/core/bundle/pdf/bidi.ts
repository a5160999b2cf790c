/**
 * A minimal Unicode bidirectional algorithm (UAX #9) for one printed line: enough to set a Uyghur title
 * right to left with Latin, Cyrillic, Chinese and numbers in it, in the order a reader of either script
 * expects. Written here rather than added as a dependency (bidi-js and the like carry the whole
 * algorithm and its data tables): the part the bundle's titles need is small enough to test completely.
 *
 * What it does, per line: the paragraph direction from the first strong character (P2–P3), unless the
 * caller fixes it (wrapping.ts starts a line with RLM or LRM to keep a wrapped paragraph's direction);
 * weak types (W1–W7: marks take their base's type, European numbers after Arabic letters become Arabic
 * numbers, separators inside numbers, terminators next to numbers); neutrals (N1–N2) take the direction
 * of the strong text around them, or the paragraph's; levels (I1–I2); trailing whitespace back to the
 * paragraph level (L1); reordering (L2); mirrored brackets at right-to-left levels (L4).
 *
 * What it does not:
 * - explicit embeddings, overrides and isolates: LRE, RLO, LRI, PDF, PDI… are ignored like any invisible
 *   character, so `a ⁧b c⁩` reads as if they were not there (and a hidden override pasted into a title
 *   cannot make the bundle print a name or a number in a misleading order);
 * - bracket pairs (N0): a bracket takes the direction of its neighbours, not of the pair it belongs to;
 * - segment separators and more than one paragraph in a line (titles are one line of text);
 * - the full Unicode data: classes come from the ranges below, which cover the scripts of the casework;
 *   a script not listed (Thaana, Syriac marks…) may be classed a little off.
 */

export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'BN' | 'WS' | 'ON';

const R_RANGES: Array<[number, number]> = [
  [0x0590, 0x05ff], // Hebrew
  [0x07c0, 0x085f], // N'Ko, Samaritan, Mandaic
  [0xfb1d, 0xfb4f], // Hebrew presentation forms
  [0x10800, 0x10fff], // historic right-to-left scripts
  [0x1e800, 0x1edff],
];
const AL_RANGES: Array<[number, number]> = [
  [0x0600, 0x07bf], // Arabic, Syriac, Arabic Supplement, Thaana
  [0x0860, 0x08ff], // Syriac Supplement, Arabic Extended
  [0xfb50, 0xfdff], // Arabic presentation forms A
  [0xfe70, 0xfeff], // Arabic presentation forms B
  [0x1ee00, 0x1eeff],
];
/** European digits: ASCII, Extended Arabic-Indic (Persian and Urdu digits count as European), fullwidth, super- and subscript. */
const EN_RANGES: Array<[number, number]> = [
  [0x30, 0x39],
  [0x06f0, 0x06f9],
  [0xff10, 0xff19],
  [0xb2, 0xb3],
  [0xb9, 0xb9],
  [0x2070, 0x2070],
  [0x2074, 0x2079],
  [0x2080, 0x2089],
];
const AN = new Set([0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x066b, 0x066c, 0x06dd, 0x08e2]);
const ES = new Set([0x2b, 0x2d, 0x207a, 0x207b, 0x208a, 0x208b, 0x2212, 0xfb29, 0xfe62, 0xfe63, 0xff0b, 0xff0d]);
const CS = new Set([0x2c, 0x2e, 0x2f, 0x3a, 0xa0, 0x060c, 0x202f, 0x2044, 0xfe50, 0xfe52, 0xfe55, 0xff0c, 0xff0e, 0xff0f, 0xff1a]);
const ET = new Set([0x23, 0x24, 0x25, 0xa2, 0xa3, 0xa4, 0xa5, 0xb0, 0xb1, 0x066a, 0x2030, 0x2031, 0x2032, 0x2033, 0x2034, 0x212e, 0x2213]);

const inRanges = (cp: number, ranges: Array<[number, number]>) => ranges.some(([from, to]) => cp >= from && cp <= to);

/** The bidi class of a code point, from ranges covering the scripts of the casework (see the header). */
export function bidiClass(cp: number): BidiClass {
  const char = String.fromCodePoint(cp);
  if (cp === 0x200e) return 'L'; // LRM
  if (cp === 0x200f) return 'R'; // RLM
  if (cp === 0x061c) return 'AL'; // ALM
  if (/\p{Default_Ignorable_Code_Point}/u.test(char)) return 'BN';
  if (/[\p{Mn}\p{Me}]/u.test(char)) return 'NSM';
  if (inRanges(cp, EN_RANGES)) return 'EN';
  if ((cp >= 0x0660 && cp <= 0x0669) || AN.has(cp)) return 'AN';
  if (ES.has(cp)) return 'ES';
  if (CS.has(cp)) return 'CS';
  if (ET.has(cp) || /\p{Sc}/u.test(char)) return 'ET';
  if (inRanges(cp, R_RANGES)) return 'R';
  if (inRanges(cp, AL_RANGES)) return 'AL';
  if (/\s/u.test(char)) return 'WS';
  if (/[\p{L}\p{Mc}\p{Nd}\p{Nl}]/u.test(char) || cp >= 0xe000 && cp <= 0xf8ff) return 'L';
  return 'ON';
}

export type Direction = 'ltr' | 'rtl';

/** The direction of the first strong character (P2–P3), or null when there is none. */
export function firstStrongDirection(classes: BidiClass[]): Direction | null {
  for (const type of classes) {
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return null;
}

/**
 * The embedding level of each item of a line, given its bidi classes (one per item: a character, or a
 * cluster of a base and its marks). BN items get the level of the item before them.
 */
export function bidiLevels(input: BidiClass[], direction?: Direction): { levels: number[]; paragraph: 0 | 1 } {
  const paragraph: 0 | 1 = (direction ?? firstStrongDirection(input) ?? 'ltr') === 'rtl' ? 1 : 0;
  const sos: BidiClass = paragraph ? 'R' : 'L';
  // X9: BN items are left out of the resolution and take their neighbour's level at the end.
  const kept = input.flatMap((type, i) => (type === 'BN' ? [] : [i]));
  const t = kept.map((i) => input[i]!);
  const n = t.length;

  for (let i = 0; i < n; i++) if (t[i] === 'NSM') t[i] = i === 0 ? sos : t[i - 1]!; // W1
  let strong: BidiClass = sos;
  for (let i = 0; i < n; i++) {
    if (t[i] === 'L' || t[i] === 'R' || t[i] === 'AL') strong = t[i]!;
    else if (t[i] === 'EN' && strong === 'AL') t[i] = 'AN'; // W2
  }
  for (let i = 0; i < n; i++) if (t[i] === 'AL') t[i] = 'R'; // W3
  for (let i = 1; i < n - 1; i++) {
    const [before, after] = [t[i - 1], t[i + 1]];
    if (t[i] === 'ES' && before === 'EN' && after === 'EN') t[i] = 'EN'; // W4
    else if (t[i] === 'CS' && before === after && (before === 'EN' || before === 'AN')) t[i] = before!;
  }
  for (let i = 0; i < n; i++) {
    if (t[i] !== 'ET') continue;
    let end = i;
    while (end < n && t[end] === 'ET') end++;
    if ((i > 0 && t[i - 1] === 'EN') || (end < n && t[end] === 'EN')) for (let j = i; j < end; j++) t[j] = 'EN'; // W5
    i = end - 1;
  }
  for (let i = 0; i < n; i++) if (t[i] === 'ES' || t[i] === 'ET' || t[i] === 'CS') t[i] = 'ON'; // W6
  strong = sos;
  for (let i = 0; i < n; i++) {
    if (t[i] === 'L' || t[i] === 'R') strong = t[i]!;
    else if (t[i] === 'EN' && strong === 'L') t[i] = 'L'; // W7
  }
  // N1–N2: numbers count as right-to-left; sos and eos are the paragraph's direction.
  const side = (type: BidiClass | undefined): 'L' | 'R' => (type === undefined ? sos : type === 'L' ? 'L' : 'R') as 'L' | 'R';
  for (let i = 0; i < n; i++) {
    if (t[i] !== 'WS' && t[i] !== 'ON') continue;
    let end = i;
    while (end < n && (t[end] === 'WS' || t[end] === 'ON')) end++;
    const before = side(i > 0 ? t[i - 1] : undefined);
    const after = side(end < n ? t[end] : undefined);
    const resolved = before === after ? before : sos;
    for (let j = i; j < end; j++) t[j] = resolved;
    i = end - 1;
  }
  // I1–I2: on an even paragraph level R goes up one and numbers two; on an odd one L and numbers go up one.
  const levels = t.map((type) => (paragraph === 0 ? (type === 'R' ? 1 : type === 'AN' || type === 'EN' ? 2 : 0) : type === 'R' ? 1 : 2));
  // L1: whitespace at the end of the line goes back to the paragraph level.
  for (let i = n - 1; i >= 0 && input[kept[i]!] === 'WS'; i--) levels[i] = paragraph;

  const out: number[] = [];
  let k = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] === 'BN') out.push(k > 0 ? levels[k - 1]! : paragraph);
    else out.push(levels[k++]!);
  }
  return { levels: out, paragraph };
}

/** L2: the items in visual order (left to right), each run at level ≥ k reversed, from the highest level down to 1. */
export function visualOrder<T>(items: T[], levels: number[]): T[] {
  const order = items.map((item, i) => ({ item, level: levels[i]! }));
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.max(1, Math.min(...levels.map((level) => (level % 2 ? level : level + 1))));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if (order[i]!.level < level) continue;
      let end = i;
      while (end < order.length && order[end]!.level >= level) end++;
      order.splice(i, end - i, ...order.slice(i, end).reverse());
      i = end;
    }
  }
  return order.map((entry) => entry.item);
}

/** Bidi_Mirrored pairs among brackets and quotation marks (L4); a character at an odd level shows its mirror. */
const MIRROR_PAIRS = ['()<>[]{}«»‹›⁅⁆⁽⁾₍₎', '〈〉《》「」『』【】〔〕〖〗〘〙〚〛', '﹙﹚﹛﹜﹝﹞﹤﹥（）＜＞［］｛｝｟｠｢｣'].join('');
// eslint-disable-next-line no-restricted-syntax -- a lookup table filled from MIRROR_PAIRS just below, at load time
const MIRROR = new Map<number, number>();
for (let i = 0; i < MIRROR_PAIRS.length; i += 2) {
  const [open, close] = [MIRROR_PAIRS.codePointAt(i)!, MIRROR_PAIRS.codePointAt(i + 1)!];
  MIRROR.set(open, close);
  MIRROR.set(close, open);
}

export function mirrorOf(cp: number): number | undefined {
  return MIRROR.get(cp);
}
