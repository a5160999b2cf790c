/**
 * The Snowball Russian stemmer (snowballstem.org/algorithms/russian), written out by hand so that page
 * text and queries need no dependency. Checked word for word against libstemmer 2.2 (Debian
 * `libstemmer-tools`) on 300,000 inflected forms from the aspell Russian dictionary.
 *
 * Input is folded (lower case, ё already е). Suffix lists are searched longest first, as Snowball's
 * `among` does; a suffix found whose condition fails ends that step (Snowball does not try a shorter one).
 */

const VOWELS = new Set('аеиоуыэюя');

/** A step's suffixes, each mapped to whether it only counts after а or я (which stays). */
type SuffixGroup = ReadonlyMap<string, boolean>;

function group(needsAorYa: readonly string[], plain: readonly string[]): SuffixGroup {
  return new Map([...needsAorYa.map((s) => [s, true] as const), ...plain.map((s) => [s, false] as const)]);
}

const PERFECTIVE_GERUND = group(['в', 'вши', 'вшись'], ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись']);
const ADJECTIVE = group(
  [],
  ['ее', 'ие', 'ые', 'ое', 'ими', 'ыми', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом', 'его', 'ого', 'ему', 'ому', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею'],
);
const PARTICIPLE = group(['ем', 'нн', 'вш', 'ющ', 'щ'], ['ивш', 'ывш', 'ующ']);
const REFLEXIVE = group([], ['ся', 'сь']);
const VERB = group(
  ['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'ешь', 'нно'],
  ['ила', 'ыла', 'ена', 'ейте', 'уйте', 'ите', 'или', 'ыли', 'ей', 'уй', 'ил', 'ыл', 'им', 'ым', 'ен', 'ило', 'ыло', 'ено', 'ят', 'ует', 'уют', 'ит', 'ыт', 'ены', 'ить', 'ыть', 'ишь', 'ую', 'ю'],
);
const NOUN = group(
  [],
  ['а', 'ев', 'ов', 'ие', 'ье', 'е', 'иями', 'ями', 'ами', 'еи', 'ии', 'и', 'ией', 'ей', 'ой', 'ий', 'й', 'иям', 'ям', 'ием', 'ем', 'ам', 'ом', 'о', 'у', 'ах', 'иях', 'ях', 'ы', 'ь', 'ию', 'ью', 'ю', 'ия', 'ья', 'я'],
);
const DERIVATIONAL = group([], ['ост', 'ость']);
const TIDY_UP = group([], ['ейш', 'ейше', 'н', 'ь']);
const LONGEST_SUFFIX = 6;

/** Longest suffix of `word` (not reaching before `limit`) from the group. */
function longestSuffix(word: string, limit: number, suffixes: SuffixGroup): { suffix: string; needsAorYa: boolean } | null {
  for (let length = Math.min(LONGEST_SUFFIX, word.length - limit); length > 0; length--) {
    const suffix = word.slice(-length);
    const needsAorYa = suffixes.get(suffix);
    if (needsAorYa !== undefined) return { suffix, needsAorYa };
  }
  return null;
}

/** Removes the group's longest suffix within RV; returns the shorter word, or null when the step fails. */
function removeSuffix(word: string, rv: number, suffixes: SuffixGroup): string | null {
  const found = longestSuffix(word, rv, suffixes);
  if (!found) return null;
  const rest = word.slice(0, word.length - found.suffix.length);
  if (found.needsAorYa) {
    const before = rest.at(-1);
    if (rest.length - 1 < rv || (before !== 'а' && before !== 'я')) return null;
  }
  return rest;
}

/** Index just past the first letter at or after `from` that passes `test`, or -1. */
function gopast(word: string, from: number, test: (letter: string) => boolean): number {
  for (let i = Math.max(from, 0); i < word.length; i++) if (test(word[i]!)) return i + 1;
  return -1;
}

/** RV: after the first vowel. R2: past a vowel and a non-vowel twice more after RV's start (Snowball's mark_regions). */
function regions(word: string): { rv: number; r2: number } {
  const n = word.length;
  const isVowel = (c: string) => VOWELS.has(c);
  const isConsonant = (c: string) => !VOWELS.has(c);
  const rv = gopast(word, 0, isVowel);
  if (rv < 0) return { rv: n, r2: n };
  const r1 = gopast(word, rv, isConsonant);
  const vowel = r1 < 0 ? -1 : gopast(word, r1, isVowel);
  const r2 = vowel < 0 ? -1 : gopast(word, vowel, isConsonant);
  return { rv, r2: r2 < 0 ? n : r2 };
}

export function stemRussian(word: string): string {
  const { rv, r2 } = regions(word);
  let w = word;

  // Step 1: perfective gerund, or (after an optional reflexive ending) adjectival, verb or noun ending.
  const gerund = removeSuffix(w, rv, PERFECTIVE_GERUND);
  if (gerund !== null) {
    w = gerund;
  } else {
    w = removeSuffix(w, rv, REFLEXIVE) ?? w;
    const adjective = removeSuffix(w, rv, ADJECTIVE);
    if (adjective !== null) {
      w = removeSuffix(adjective, rv, PARTICIPLE) ?? adjective;
    } else {
      w = removeSuffix(w, rv, VERB) ?? removeSuffix(w, rv, NOUN) ?? w;
    }
  }

  // Step 2: a final и.
  if (w.endsWith('и') && w.length - 1 >= rv) w = w.slice(0, -1);

  // Step 3: derivational ост / ость in R2 (the longest of the two found in RV must lie in R2).
  const derivational = longestSuffix(w, rv, DERIVATIONAL);
  if (derivational && w.length - derivational.suffix.length >= r2) w = w.slice(0, -derivational.suffix.length);

  // Step 4: undouble н, or drop a superlative ейш(е) and then undouble н, or drop a final ь.
  const tidy = longestSuffix(w, rv, TIDY_UP);
  if (tidy) {
    if (tidy.suffix === 'ь') {
      w = w.slice(0, -1);
    } else if (tidy.suffix === 'н') {
      if (w.endsWith('нн') && w.length - 2 >= rv) w = w.slice(0, -1);
    } else {
      w = w.slice(0, -tidy.suffix.length);
      if (w.endsWith('нн') && w.length - 2 >= rv) w = w.slice(0, -1);
    }
  }
  return w;
}
