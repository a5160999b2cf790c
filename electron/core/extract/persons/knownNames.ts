/**
 * Known persons' names among a page's Latin and Cyrillic words: a given name and surname together in
 * either order, a surname with initials on either side, and a single word that is one part of a name.
 * A single word is only a proposal here: which person it is (if any) is settled for the whole document
 * (see resolve in personMentions.ts), since a given name alone is weak evidence.
 */
import { allowedEdits, editDistance } from '../../text/fuzzy';
import { givenLike } from './nameShapes';
import { followsInitial, joinsName, type KeyHow, type NameWord } from './nameWords';
import { collapse, type NamePart, type PartRef, type PartRole, type Register, type RegisteredPerson } from './personRegister';

export type FindingKind = 'name' | 'surname' | 'given';

export interface Option {
  person: RegisteredPerson;
  /** name: the whole name, or a surname with initials; surname / given: that part alone */
  kind: FindingKind;
  /** a whole name's confidence; for a part alone, a factor on what the document's other mentions allow */
  confidence: number;
  explanation: string;
}

/** A place on a page that names one of `options` (several when the text alone cannot tell which). */
export interface Finding {
  page: number;
  start: number;
  end: number;
  options: Option[];
}

interface WordRef extends PartRef {
  /** fuzzy: a surname a letter or two away, or cut short (see closeKeys) */
  how: KeyHow | 'fuzzy';
  /** the word carries a surname ending exactly when a recorded spelling with its key does */
  fits: boolean;
}

const HOW_RANK: Record<WordRef['how'], number> = { spelling: 3, case: 2, ocr: 1, fuzzy: 0 };
const rank = (r: WordRef) => (r.fits ? 4 : 0) + HOW_RANK[r.how];

/** The name parts a word may be, one per person and part, the best reading of each. */
export function refsOf(word: NameWord, register: Register): WordRef[] {
  const best = new Map<NamePart, WordRef>();
  for (const form of word.forms) {
    for (const ref of register.byKey.get(form.key) ?? []) {
      const candidate: WordRef = { ...ref, how: form.how, fits: ref.part.keys.get(form.key)!.has(form.ending) };
      const previous = best.get(ref.part);
      if (!previous || rank(candidate) > rank(previous)) best.set(ref.part, candidate);
    }
  }
  return [...best.values()];
}

/**
 * Keys of a name part as OCR may garble it, or as a transcription drifts: within the edits search allows
 * for a word of its length (Есимханон for Есимханов, Өтегенова for Утегенова, Куляш for Kulash), or, for
 * a surname, sharing all but its last letter and then running on (Сарсенбагввой for Сарсенбаевой).
 * Only ever used next to a second sign of the same person (an initial that fits, the other part).
 */
function closeKeys(word: string, key: string, role: PartRole): boolean {
  if (key.length < 5 || word.length < 5) return false;
  if (editDistance(word, key, 2) <= allowedEdits(key.length)) return true;
  if (role !== 'surname') return false;
  let prefix = 0;
  while (prefix < word.length && word[prefix] === key[prefix]) prefix++;
  return prefix >= Math.max(6, key.length - 1);
}

function fuzzyRefs(word: NameWord, register: Register, role: PartRole, persons: ReadonlySet<RegisteredPerson> | null): WordRef[] {
  if (!nameLike(word) || (role === 'given' && word.forms[0]!.ending)) return [];
  const key = word.forms[0]!.key;
  const refs: WordRef[] = [];
  for (const [partKey, parts] of register.byKey) {
    for (const ref of parts) {
      if (ref.part.role !== role || (persons && !persons.has(ref.person)) || refs.some((r) => r.part === ref.part)) continue;
      if (closeKeys(key, partKey, role)) refs.push({ ...ref, how: 'fuzzy', fits: true });
    }
  }
  return refs;
}

/** A word that can be part of a name: capitalised, not an initial, two letters at least. */
export const nameLike = (w: NameWord | undefined): w is NameWord => !!w && w.caps !== 'lower' && !w.initial && [...w.surface].length >= 2;

/** Whether an initial (Н, N, Ә, Y) may stand for the person's given name. */
export function initialFits(initial: NameWord, person: RegisteredPerson): boolean {
  const given = person.parts.find((p) => p.role === 'given');
  if (!given) return false;
  const letter = initial.folded;
  if (given.initials.has(letter)) return true;
  const key = initial.forms[0]!.key;
  const keys = [...given.keys.keys()];
  // Latin Y stands for Е (Yerzhan), Ю and Я as well as for И.
  return keys.some((k) => k.startsWith(key) || (key === 'i' && /^(?:e|iu|ia)/.test(k)));
}

const surfaceOf = (text: string, start: number, end: number) => text.slice(start, end).replace(/\s+/gu, ' ');

function scriptName(text: string): string {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'cyrillic';
  if (/\p{Script=Latin}/u.test(text)) return 'latin';
  return 'other';
}

function describe(surface: string, person: RegisteredPerson, refs: WordRef[], what: string | null): string {
  const recorded = person.recorded.has(collapse(surface));
  const notes: string[] = [];
  if (!recorded && refs.some((r) => r.how === 'case')) notes.push('case form');
  if (refs.some((r) => r.how === 'ocr')) notes.push('letters as OCR misreads them');
  if (refs.some((r) => r.how === 'fuzzy')) notes.push('close spelling, perhaps misread by OCR');
  if (refs.some((r) => !r.fits)) notes.push('surname without its patronymic or -ов ending');
  if (what === null && refs[0]?.part.role === 'surname' && refs.length > 1) notes.push('surname first');
  let head: string;
  if (what !== null) head = what;
  else if (recorded) head = 'name as recorded for this person';
  else head = scriptName(surface) === scriptName(person.name) ? 'same name, another spelling' : 'same name in another script';
  return `${head}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}: ${surface} = ${person.name}`;
}

function fullNameConfidence(surface: string, person: RegisteredPerson, refs: WordRef[]): number {
  if (refs.some((r) => r.how === 'ocr' || r.how === 'fuzzy')) return 0.75;
  let confidence = person.recorded.has(collapse(surface)) ? 0.95 : refs.some((r) => r.how === 'case') ? 0.88 : 0.9;
  if (refs.some((r) => !r.fits)) confidence -= 0.05;
  return confidence;
}

interface Match {
  last: number;
  finding: Finding;
}

/** Given name and surname (and a third part, if the person has one) next to each other, either order. */
function fullName(words: NameWord[], i: number, page: number, text: string, register: Register): Match | null {
  const first = words[i]!;
  const second = words[i + 1];
  if (!nameLike(first) || !nameLike(second) || !joinsName(first.gapAfter, first, second)) return null;
  // In a full name a surname may lack its ending (Нурлан Аскар), but a word with one is no given name.
  const partRefs = (w: NameWord) => refsOf(w, register).filter((r) => r.fits || !w.forms.some((f) => f.ending));
  const firstRefs = partRefs(first);
  const secondRefs = partRefs(second);
  let pairs = firstRefs.flatMap((a) => secondRefs.filter((b) => a.person === b.person && a.part !== b.part).map((b) => [a, b] as const));
  if (pairs.length === 0) {
    // One part exactly right vouches for the other a letter or two off (OCR, or a transcription).
    const close = (exact: WordRef[], other: NameWord) =>
      exact.flatMap((ref) => {
        const role: PartRole = ref.part.role === 'given' ? 'surname' : 'given';
        return fuzzyRefs(other, register, role, new Set([ref.person])).map((fuzzy) => [ref, fuzzy] as const);
      });
    pairs = [...close(firstRefs, second), ...close(secondRefs, first).map(([a, b]) => [b, a] as const)];
  }
  const options: Option[] = [];
  let last = i + 1;
  for (const [a, b] of pairs) {
    const refs = [a, b];
    let end = i + 1;
    const third = words[i + 2];
    if (nameLike(third) && joinsName(second.gapAfter, second, third)) {
      const c = refsOf(third, register).find((r) => r.person === a.person && r.part !== a.part && r.part !== b.part);
      if (c) {
        refs.push(c);
        end = i + 2;
      }
    }
    const surface = surfaceOf(text, first.start, words[end]!.end);
    options.push({ person: a.person, kind: 'name', confidence: fullNameConfidence(surface, a.person, refs), explanation: describe(surface, a.person, refs, null) });
    last = Math.max(last, end);
  }
  if (options.length === 0) return null;
  return { last, finding: { page, start: first.start, end: words[last]!.end, options } };
}

/** Up to two initials from words[from], each followed by a full stop: the index of the last one. */
function initialsFrom(words: NameWord[], from: number): number {
  if (!words[from]?.initial) return -1;
  const next = words[from + 1];
  return next?.initial && /^\.[ \t]?$/.test(words[from]!.gapAfter) ? from + 1 : from;
}

/** Persons whose surname the word is and whose given name the initial fits; else those a garbled surname may be. */
function surnameWithInitials(surname: NameWord, initial: NameWord, register: Register): { refs: WordRef[]; exact: boolean } {
  const refs = refsOf(surname, register).filter((r) => r.part.role === 'surname' && r.fits);
  const fitting = refs.filter((r) => initialFits(initial, r.person));
  if (fitting.length > 0 || refs.length > 0) return { refs: fitting, exact: refs.length > 0 };
  return { refs: fuzzyRefs(surname, register, 'surname', null).filter((r) => initialFits(initial, r.person)), exact: false };
}

/** «Аскарулы Н.», «Искаковой Н.А.», «Т. Есимханов», «N. Askaruly». */
function withInitials(words: NameWord[], i: number, page: number, text: string, register: Register): Match | 'other-initial' | null {
  const word = words[i]!;
  let surname: NameWord;
  let first: number;
  let last: number;
  if (word.initial) {
    const lastInitial = initialsFrom(words, i);
    surname = words[lastInitial + 1]!;
    if (!nameLike(surname) || !followsInitial(words[lastInitial]!.gapAfter)) return null;
    [first, last] = [i, lastInitial + 1];
  } else {
    if (!nameLike(word) || !/^[ \t\u00A0]*(?:\r?\n[ \t]*)?$/.test(word.gapAfter)) return null;
    const lastInitial = initialsFrom(words, i + 1);
    if (lastInitial < 0) return null;
    [surname, first, last] = [word, i, lastInitial];
  }
  const initial = word.initial ? word : words[i + 1]!;
  const { refs, exact } = surnameWithInitials(surname, initial, register);
  if (refs.length === 0) return exact ? 'other-initial' : null;
  const end = words[last]!.initial ? words[last]!.end + 1 : words[last]!.end;
  const surface = surfaceOf(text, words[first]!.start, end);
  const count = last - first;
  return {
    last,
    finding: {
      page,
      start: words[first]!.start,
      end,
      options: refs.map((ref) => ({
        person: ref.person,
        kind: 'name' as const,
        confidence: ref.person.recorded.has(collapse(surface)) ? 0.9 : ref.how === 'spelling' ? 0.85 : ref.how === 'fuzzy' ? 0.7 : 0.8,
        explanation: describe(surface, ref.person, [ref], count > 1 ? 'surname and initials' : 'surname and initial'),
      })),
    },
  };
}

/**
 * A known surname next to a given name that is not its bearer's is someone else of that family (Серик
 * Аскарулы is not Nurlan Askaruly): a capitalised given-name-like word after it, or before it a given
 * name the register knows for somebody else. (Before a surname stand too many capitalised role words,
 * «Истец», «Подсудимый», to read every one as a name.)
 */
function besideOtherGivenName(words: NameWord[], i: number, persons: Set<RegisteredPerson>, register: Register): boolean {
  const other = (w: NameWord | undefined, gap: string | undefined, anyWord: boolean) => {
    if (!givenLike(w) || !/^[ \t\u00A0]+$/.test(gap ?? '')) return false;
    const refs = refsOf(w, register);
    if (refs.some((r) => persons.has(r.person))) return false;
    return anyWord || refs.some((r) => r.part.role === 'given');
  };
  const before = words[i - 1];
  const beforeThat = words[i - 2];
  // Mid-sentence (after a lower-case word, no stop between) a capitalised word is a proper name.
  const midSentence = !!beforeThat && beforeThat.caps === 'lower' && /^[ \t\u00A0,]+$/.test(beforeThat.gapAfter);
  return other(words[i + 1], words[i]!.gapAfter, true) || other(before, before?.gapAfter, midSentence);
}

function singleWord(words: NameWord[], i: number, page: number, register: Register): Finding | null {
  const word = words[i]!;
  if (!nameLike(word) || [...word.surface].length < 3) return null;
  // A capitalised common word (Арман, "dream", at the start of a sentence) is no given name alone.
  const refs = refsOf(word, register).filter((r) => r.fits && (r.part.role === 'surname' || (r.part.role === 'given' && !word.common)));
  if (refs.length === 0 || besideOtherGivenName(words, i, new Set(refs.map((r) => r.person)), register)) return null;
  const surface = word.surface;
  return {
    page,
    start: word.start,
    end: word.end,
    options: refs.map((ref) => ({
      person: ref.person,
      kind: ref.part.role === 'surname' ? ('surname' as const) : ('given' as const),
      confidence: ref.how === 'ocr' ? 0.8 : 1,
      explanation: describe(surface, ref.person, [ref], ref.part.role === 'surname' ? 'surname only' : 'given name only'),
    })),
  };
}

/** Findings on one page, in text order, none overlapping; `taken` spans (Chinese, MRZ) are skipped. */
export function findKnownNames(words: NameWord[], page: number, text: string, register: Register, taken: Array<[number, number]>): Finding[] {
  const findings: Finding[] = [];
  const isTaken = (w: NameWord) => taken.some(([s, e]) => w.start < e && s < w.end);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (isTaken(word)) continue;
    const full = fullName(words, i, page, text, register);
    const initials = full ? null : withInitials(words, i, page, text, register);
    const match = full ?? (typeof initials === 'object' ? initials : null);
    if (match && !words.slice(i, match.last + 1).some(isTaken)) {
      findings.push(match.finding);
      i = match.last;
      continue;
    }
    // A surname with someone else's initial is another person (a relative, a namesake): not this one.
    if (initials === 'other-initial') {
      i += 1;
      continue;
    }
    const single = singleWord(words, i, page, register);
    if (single) findings.push(single);
  }
  return findings;
}
