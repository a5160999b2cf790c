/**
 * Finding what must be redacted: every spelling of a protected person, and every redaction term, in a
 * page's words or in a text Dalel prints itself. Matching is deliberately generous — a missed name is a
 * leak, an extra black box is only an extra black box — but not so generous that a client's
 * patronymic (Dauletkyzy) is taken for the protected father's given name (Daulet).
 *
 * Text is cut into units: runs of letters and digits (folded as search folds them, with the
 * cross-script key beside), and single Han characters (a Chinese name is contiguous characters, which
 * OCR may have split into several words, with its middle dot read as anything or nothing).
 */
import type { Word } from '../../../shared/domain/document';
import { editDistance } from '../search/fuzzy';
import { fold, translitKey } from '../search/text';

export interface TextUnit {
  /** folded letters, or the Han character itself */
  fold: string;
  key: string;
  han: boolean;
  /** [start, end) UTF-16 offsets in the text the unit was cut from */
  start: number;
  end: number;
}

/** One thing to find: the units of one spelling, with who or what it stands for. */
export interface RedactionPattern {
  /** who or what it stands for (see redactionRules) */
  source: string;
  units: TextUnit[];
  /**
   * A person's spelling gives way where it lies wholly inside another person's name: the register
   * records 努尔兰 and NUERLAN as spellings of Aruzhan Nurlankyzy (her father's name is her surname),
   * which must not black out her father, Nurlan Askaruly, wherever he is named.
   */
  person?: boolean;
}

/** What is redacted, and the names of persons who are not, which a person's spelling gives way to. */
export interface MatchRules {
  patterns: readonly RedactionPattern[];
  claims?: readonly RedactionPattern[];
}

const UNIT = /(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{Nd}\u00AD])+)/gu;
const HAN_NAME_SEPARATORS = /[·・•‧.．\-\s]+/u;
/** One wrong letter is tolerated from this length on (OCR damage); shorter words must agree exactly. */
const FUZZY_MIN_LETTERS = 5;

export function textUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  for (const match of text.matchAll(UNIT)) {
    const surface = match[0];
    const start = match.index;
    if (match[1]) {
      units.push({ fold: surface, key: surface, han: true, start, end: start + surface.length });
      continue;
    }
    const folded = fold(surface);
    if (!folded) continue;
    units.push({ fold: folded, key: translitKey(folded), han: false, start, end: start + surface.length });
  }
  return units;
}

const letters = (unit: TextUnit) => [...unit.fold].length;

/** Whether a unit of the page may be this unit of a spelling. */
export function unitMatches(pattern: TextUnit, page: TextUnit): boolean {
  if (pattern.han || page.han) return pattern.han === page.han && pattern.fold === page.fold;
  if (pattern.fold === page.fold) return true;
  // OCR reads l as 1 and o as 0 inside words (Kosherbaiu1y): a name has no digits, so read them as letters.
  if (/\d/.test(page.fold) && /\p{L}/u.test(page.fold) && !/\d/.test(pattern.fold)) {
    const letters = fold(page.fold.replace(/1/g, 'l').replace(/0/g, 'o'));
    page = { ...page, fold: letters, key: translitKey(letters) };
    if (pattern.fold === page.fold) return true;
  }
  const a = letters(pattern);
  const b = letters(page);
  const digits = /\d/.test(pattern.fold) || /\d/.test(page.fold);
  // The same skeleton across scripts (Асқарұлы / Askaruly / Аскарулы), unless one word is visibly
  // longer: then it is another word built on the name (Dauletkyzy on Daulet).
  const close = Math.abs(a - b) <= Math.max(2, Math.floor(Math.min(a, b) / 4));
  if (pattern.key === page.key && close && !digits) return true;
  if (digits || a < FUZZY_MIN_LETTERS || b < FUZZY_MIN_LETTERS) return false;
  if (editDistance(pattern.fold, page.fold, 1) <= 1) return true;
  return close && pattern.key.length >= FUZZY_MIN_LETTERS && editDistance(pattern.key, page.key, 1) <= 1;
}

/**
 * The units of a spelling. A Chinese name's separators are dropped (OCR reads the middle dot as a full
 * stop, a hyphen or nothing), so its characters are one contiguous run.
 */
export function patternUnits(spelling: string): TextUnit[] {
  const clean = spelling.normalize('NFC').trim();
  if (!clean) return [];
  return textUnits(/\p{Script=Han}/u.test(clean) ? clean.replace(HAN_NAME_SEPARATORS, '') : clean);
}

/**
 * Every spelling of a person: the name, the variants, and each part of a Latin or Cyrillic name alone
 * — a relative's given name alone ("his mother Kulash") names them too, and parts alone also cover any
 * order (Мухаметкызы Куляш). Initials alone are not parts: N. would redact every N. A Chinese name is
 * looked for whole: its second part is usually the father's given name (阿茹将·努尔兰 is Nurlan's
 * daughter), which alone would black out the father wherever he is named.
 */
export function personSpellings(person: { name: string; variants: readonly string[] }): string[] {
  const spellings = new Set<string>();
  for (const spelling of [person.name, ...person.variants]) {
    spellings.add(spelling);
    if (/\p{Script=Han}/u.test(spelling)) continue;
    const parts = textUnits(spelling).map((unit) => spelling.slice(unit.start, unit.end));
    if (parts.length < 2) continue;
    for (const part of parts) if ([...part].length >= 3) spellings.add(part);
  }
  return [...spellings];
}

/** A Chinese name this long may have one character misread by OCR and still be found. */
const HAN_FUZZY_MIN = 5;

export function patternsFor(source: string, spellings: readonly string[], person = false): RedactionPattern[] {
  const seen = new Set<string>();
  const patterns: RedactionPattern[] = [];
  for (const spelling of spellings) {
    const units = patternUnits(spelling);
    if (units.length === 0) continue;
    const signature = units.map((unit) => unit.fold).join(' ');
    if (seen.has(signature)) continue;
    seen.add(signature);
    patterns.push(person ? { source, units, person } : { source, units });
  }
  return patterns;
}

/** Where a pattern meets a run of units: [first, last] unit indices, inclusive. */
export interface UnitMatch {
  source: string;
  first: number;
  last: number;
}

export function findMatches(units: readonly TextUnit[], rules: MatchRules): UnitMatch[] {
  const matches = rawMatches(units, rules.patterns);
  if (!rules.claims?.length || !rules.patterns.some((pattern) => pattern.person)) return matches;
  const claimed = new Set<number>();
  for (const claim of rawMatches(units, rules.claims)) for (let i = claim.first; i <= claim.last; i++) claimed.add(i);
  return matches.filter((match) => {
    if (!match.person) return true;
    for (let i = match.first; i <= match.last; i++) if (!claimed.has(i)) return true;
    return false;
  });
}

function rawMatches(units: readonly TextUnit[], patterns: readonly RedactionPattern[]): Array<UnitMatch & { person: boolean }> {
  const matches: Array<UnitMatch & { person: boolean }> = [];
  for (const pattern of patterns) {
    const length = pattern.units.length;
    const han = pattern.units.every((unit) => unit.han);
    const misreadsAllowed = han && length >= HAN_FUZZY_MIN ? 1 : 0;
    for (let i = 0; i + length <= units.length; i++) {
      let misreads = 0;
      for (let k = 0; k < length && misreads <= misreadsAllowed; k++) {
        const unit = units[i + k]!;
        if (unitMatches(pattern.units[k]!, unit)) continue;
        // Only another Han character may stand for a misread one, and never the first or last.
        misreads += han && unit.han && k > 0 && k < length - 1 ? 1 : misreadsAllowed + 1;
      }
      if (misreads <= misreadsAllowed) matches.push({ source: pattern.source, first: i, last: i + length - 1, person: pattern.person === true });
    }
  }
  return matches;
}

export const REDACTED_TEXT = '[redacted]';

/** A text Dalel prints (a title, a description, a file name) with every match replaced by "[redacted]". */
export function scrubText(text: string, rules: MatchRules): string {
  if (!text || rules.patterns.length === 0) return text;
  const units = textUnits(text);
  const spans = findMatches(units, rules)
    .map((match) => [units[match.first]!.start, units[match.last]!.end] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    if (end <= cursor) continue;
    out += text.slice(cursor, Math.max(cursor, start));
    if (start >= cursor) out += REDACTED_TEXT;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The units of a page's words, each knowing its word. */
export function wordUnits(words: readonly Word[]): Array<TextUnit & { word: number }> {
  return words.flatMap((word, index) => textUnits(word.text).map((unit) => ({ ...unit, word: index })));
}

/** The words a pattern covers on a page, per match: word index ranges [first, last]. */
export function findInWords(words: readonly Word[], rules: MatchRules): Array<{ source: string; first: number; last: number }> {
  const units = wordUnits(words);
  return findMatches(units, rules).map((match) => ({ source: match.source, first: units[match.first]!.word, last: units[match.last]!.word }));
}
