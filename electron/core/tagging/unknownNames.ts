import { fold, translitKey } from '../text';

/**
 * Names on a document that match nobody in the register, grouped: one person written in several scripts
 * or cases on one document (Аскарулы Ерлан, Askaruly Yerlan, Асқарұлына Ерланға) is one candidate with
 * its spellings, not four (issue 13), and a new person is proposed under the name's base form, not the
 * dative or genitive the letter happens to use.
 */
export interface UnknownName {
  surface: string;
  confidence: number;
}

export interface UnknownNameGroup<T extends UnknownName> {
  /** the member shown (best evidence) */
  best: T;
  members: T[];
  /** every distinct spelling, best first */
  spellings: string[];
  /** the name as a new person would be called: the base form among the spellings */
  baseName: string;
}

const NAME_WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;
/** Keys shorter than this are too weak to join two names (initials, particles). */
const MIN_KEY = 3;

function words(surface: string): string[] {
  return surface.match(NAME_WORD) ?? [];
}

function wordKey(word: string): string {
  // Case endings known for sure come off first (Бекенұлына → Бекенұлы), then the cross-script key.
  return translitKey(fold(baseWord(word)));
}

/**
 * Two name words are the same name when their cross-script keys agree but for an inflected end (the
 * shorter a prefix of the longer) or a transcription's letter (Baurzhan / Бауыржан: one edit in seven
 * letters or more, none below five).
 */
function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_KEY) return short === long;
  if (long.startsWith(short) && long.length - short.length <= 4) return true;
  const allowed = short.length >= 7 ? 2 : short.length >= 5 ? 1 : 0;
  return allowed > 0 && editDistance(short, long, allowed) <= allowed;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Every word of the shorter name pairs with a distinct word of the other (order free: surname first or last). */
function sameName(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.length === 1 || b.length === 1) return a.length === b.length && sameWord(a[0]!, b[0]!);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  const used = new Set<number>();
  for (const key of short) {
    const index = long.findIndex((other, i) => !used.has(i) && sameWord(key, other));
    if (index < 0) return false;
    used.add(index);
  }
  return true;
}

export function groupUnknownNames<T extends UnknownName>(names: readonly T[]): Array<UnknownNameGroup<T>> {
  const groups: Array<{ keys: string[]; members: T[] }> = [];
  const sorted = [...names].sort((x, y) => y.confidence - x.confidence);
  for (const name of sorted) {
    const keys = words(name.surface).map(wordKey);
    const group = groups.find((candidate) => sameName(candidate.keys, keys));
    if (group) group.members.push(name);
    else groups.push({ keys, members: [name] });
  }
  return groups.map(({ members }) => {
    const spellings = [...new Set(members.map((member) => member.surface.replace(/\s+/g, ' ').trim()))];
    return { best: members[0]!, members, spellings, baseName: baseName(spellings) };
  });
}

/**
 * Kazakh case endings after a patronymic (-ұлы, -қызы and their Russian spellings): Асқарұлына →
 * Асқарұлы, Мұхаметқызының → Мұхаметқызы. Only after those endings, where the base is certain; a name
 * ending in -на by itself (Жанна) is never cut.
 */
const PATRONYMIC_CASE = /^(.*(?:ұлы|улы|қызы|кызы))(?:на|не|ға|ге|ның|нің|ны|ні|нан|нен|мен|да|де)$/iu;
/** Russian surnames in -ов/-ев/-ин: dative -у (Аскарову → Аскаров), feminine oblique -ой (Аскаровой → Аскарова). */
const RUSSIAN_SURNAME_DATIVE = /^(.+(?:ов|ев|ёв|ин|ын))у$/iu;
const RUSSIAN_SURNAME_FEMININE = /^(.+(?:ов|ев|ёв|ин|ын))ой$/iu;

function baseWord(word: string): string {
  return word.replace(PATRONYMIC_CASE, '$1').replace(RUSSIAN_SURNAME_DATIVE, '$1').replace(RUSSIAN_SURNAME_FEMININE, '$1а');
}

/** A man's name, told by a surname or patronymic form (Бекенұлы, Жумабеков, Askaruly, -ович). */
const MASCULINE_WORD = /(?:ұлы|улы|uly|ов|ев|ёв|ин|ов[ау]|ев[ау]|ович|ov|ev)$/iu;
const FEMININE_WORD = /(?:қызы|кызы|kyzy|qyzy|ова|ева|ина|овой|евой|иной|овна|ova|eva|ina)$/iu;
/**
 * A man's given name ending in a consonant takes case endings a woman's does not look like: Russian
 * Ерлана, Ерлану, Ерланом, Ерлане and Kazakh Ерланға, Ерланның, Ерланды → Ерлан. Applied only when the
 * name's other word says it is a man's, since Динара, Жанна end in -а in the nominative.
 */
const MASCULINE_GIVEN_CASE = /^(.{2,}[бвгджзйклмнпрстфхцчшщқғңһ])(?:а|у|ом|е|ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті|нан|нен|дан|ден|тан|тен|мен|бен|пен)$/iu;

/**
 * The base form among a group's spellings: a spelling every word of which is a prefix of the matching
 * word in the others is the uninflected one (Ерлан beside Ерланға); failing that, case endings known for
 * sure are taken off the best spelling, word by word.
 */
export function baseName(spellings: readonly string[]): string {
  const best = spellings[0] ?? '';
  // Spellings in the best one's script: a prefix is only meaningful within one script.
  const cyrillic = (text: string) => /[\u0400-\u04FF]/u.test(text);
  const alike = spellings.filter((other) => cyrillic(other) === cyrillic(best));
  const shortest = [...alike].sort((a, b) => a.length - b.length).find((candidate) =>
    alike.every((other) => {
      const mine = words(candidate);
      const theirs = words(other);
      return mine.length === theirs.length && mine.every((word, i) => theirs[i]!.toLowerCase().startsWith(word.toLowerCase()));
    }),
  );
  const chosen = shortest ?? best;
  const all = spellings.flatMap(words);
  const masculine = all.some((word) => MASCULINE_WORD.test(word)) && !all.some((word) => FEMININE_WORD.test(word));
  return chosen.replace(NAME_WORD, (word) => {
    const base = baseWord(word);
    if (base !== word || !masculine || MASCULINE_WORD.test(word)) return base;
    return word.replace(MASCULINE_GIVEN_CASE, '$1');
  });
}
