import { allowedEdits, editDistance, Vocabulary } from '../text/fuzzy';
import { analyze, fold } from '../text';

/**
 * The register's persons as search knows them: every spelling cut into the parts of the name (given
 * name, surname or patronymic, …), and the parts of one person's spellings lined up, so that a query
 * naming a person, or only a part of the name, in one script also finds the other spellings.
 *
 * Lining up: the person's main name gives the slots (Nurlan | Askaruly). A part of another spelling
 * joins the slot whose parts have its cross-script key (Нұрлан, NURLAN) or a key one or two letters
 * off (the dative Нурлану, the pinyin Nuerlan); the parts no key places (Chinese 努尔兰·阿斯卡尔,
 * Uyghur Arabic) take the free slots in their order, when the spelling has as many parts as there
 * are slots: transcriptions keep the order of the name they transcribe. A spelling of one part that
 * nothing places yet (努尔兰 alone) is tried again once the others have been placed.
 *
 * Only parts a person can be told by are searched alone: an initial (Н.) never, a single Chinese
 * character never (it would meet every page with a Chinese name in it), other parts from two
 * letters on (Li, Ma).
 */

export interface NamePart {
  /** as written in the spelling */
  text: string;
  /** cross-script key (Latin and Cyrillic letters), the characters themselves otherwise */
  key: string;
  script: 'keyed' | 'han' | 'other';
  /** one letter, with or without a full stop: matches no query on its own */
  initial: boolean;
}

/** What a query that names (part of) registered persons also searches for. */
export interface PersonAliases {
  /**
   * The whole name of each person the query names (in full or in part): for each part of the name, its
   * spellings. A page with one spelling of every part, in any order (Галымулы Жандосу, SAILIKE<<NUERJIANG),
   * has the whole name.
   */
  names: string[][][];
  /** for a person named in full: a part with the initial of another (Мұратұлы Е., Y. Muratuly) */
  initials: string[];
  /** parts of names to find on their own (the matched parts of each person, in every spelling) */
  parts: string[];
}

/** Between the parts of a name: spaces, the middle dots of Chinese transcriptions, MRZ fillers. */
const PART_SEPARATOR = /[\s\u00B7\u30FB\u2022\u2027\u16EB<,;:()«»"„“”]+/u;
const HAN = /^\p{Script=Han}+$/u;
const KEYED = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;
const MIN_FUZZY_PART = 5;

/** The parts of a spelling, in order. */
export function nameParts(text: string): NamePart[] {
  const out: NamePart[] = [];
  for (const chunk of text.split(PART_SEPARATOR)) {
    if (!chunk) continue;
    const compact = fold(chunk).replace(/[.\-‐‑']/g, '');
    if (HAN.test(compact)) {
      out.push({ text: chunk, key: compact, script: 'han', initial: false });
      continue;
    }
    // A hyphenated or apostrophised chunk is as many parts as the analyser makes words of it.
    for (const token of analyze(chunk)) {
      // Han inside a mixed chunk is not a part anyone types alone; numbers and codes are no names.
      if (token.kind !== 'word') continue;
      const initial = [...token.exact].length === 1;
      out.push({ text: chunk.slice(token.start, token.end), key: token.key, script: KEYED.test(token.exact) ? 'keyed' : 'other', initial });
    }
  }
  return out;
}

/** A part that may be searched on its own: not an initial, not a single Chinese character. */
function distinctive(part: NamePart): boolean {
  return !part.initial && [...part.key].length >= 2;
}

/** Keys one or two letters apart, as fuzzy.ts allows for a word of that length. */
function near(a: string, b: string): boolean {
  const edits = allowedEdits(Math.min([...a].length, [...b].length));
  return edits > 0 && editDistance(a, b, edits) <= edits;
}

interface PlacedPart extends NamePart {
  slot: number | null;
}

interface Person {
  spellings: Array<{ text: string; parts: PlacedPart[] }>;
  /**
   * The distinct spellings of each slot: one a key in each of Latin, Russian and Kazakh letters (a
   * Cyrillic one meets its language's case forms by their stems: Жандос, Жандосу; Дәулетқызы,
   * Дәулетқызының — a Kazakh spelling kept apart from the Russian Даулеткызы with the same key, whose
   * forms are not Kazakh ones), one for each other spelling.
   */
  slots: Array<Map<string, NamePart>>;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const alphabetOf = (text: string) => (KAZAKH_LETTER.test(text) ? 'k' : CYRILLIC.test(text) ? 'c' : 'l');
const variantOf = (part: NamePart) => (part.script === 'keyed' ? `${alphabetOf(part.text)}:${part.key}` : part.key);
const hasKey = (slot: Map<string, NamePart>, key: string) => [...slot.values()].some((part) => part.key === key);

/** The spelling whose parts give the slots: the main name, unless another has more parts. */
function referenceOf(spellings: ReadonlyArray<{ parts: PlacedPart[] }>): number {
  if ((spellings[0]?.parts.length ?? 0) >= 2) return 0;
  let best = 0;
  spellings.forEach((spelling, i) => {
    if (spelling.parts.length > spellings[best]!.parts.length) best = i;
  });
  return best;
}

/** Line up the parts of one person's spellings (see the header). */
function placeParts(names: readonly string[]): Person {
  const spellings = names.map((text) => ({ text, parts: nameParts(text).filter((p) => !p.initial).map((p): PlacedPart => ({ ...p, slot: null })) }));
  const slots: Array<Map<string, NamePart>> = [];
  const reference = referenceOf(spellings);
  spellings[reference]?.parts.forEach((part, i) => {
    part.slot = i;
    slots.push(new Map([[variantOf(part), part]]));
  });
  const place = (spelling: (typeof spellings)[number]): boolean => {
    const open = () => spelling.parts.filter((p) => p.slot === null);
    if (open().length === 0) return false;
    const used = new Set(spelling.parts.map((p) => p.slot));
    const take = (part: PlacedPart, slot: number) => {
      part.slot = slot;
      used.add(slot);
    };
    for (const part of open()) {
      const slot = slots.findIndex((parts, i) => !used.has(i) && hasKey(parts, part.key));
      if (slot >= 0) take(part, slot);
    }
    for (const part of open()) {
      if (part.script !== 'keyed') continue;
      const slot = slots.findIndex((parts, i) => !used.has(i) && [...parts.values()].some((known) => near(part.key, known.key)));
      if (slot >= 0) take(part, slot);
    }
    if (open().length > 0 && spelling.parts.length === slots.length) {
      const free = slots.map((_, i) => i).filter((i) => !used.has(i));
      open().forEach((part, i) => take(part, free[i]!));
    }
    let placed = false;
    for (const part of spelling.parts) {
      if (part.slot === null || slots[part.slot]!.has(variantOf(part))) continue;
      slots[part.slot]!.set(variantOf(part), part);
      placed = true;
    }
    return placed;
  };
  // A spelling placed late (努尔兰·阿斯卡尔) may place one tried before it (努尔兰).
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const spelling of spellings) if (place(spelling)) changed = true;
    if (!changed) break;
  }
  return { spellings, slots };
}

/** A part of the name beside the initial of another, both ways round, in each alphabet the register has them in. */
function initialForms(person: Person): string[] {
  const out: string[] = [];
  person.slots.forEach((parts, slot) => {
    person.slots.forEach((others, other) => {
      if (other === slot) return;
      for (const part of parts.values()) {
        if (part.script !== 'keyed') continue;
        for (const given of others.values()) {
          if (given.script !== 'keyed' || CYRILLIC.test(given.text) !== CYRILLIC.test(part.text)) continue;
          const initial = `${[...given.text][0]!.toUpperCase()}.`;
          out.push(`${part.text} ${initial}`, `${initial} ${part.text}`);
        }
      }
    });
  });
  return [...new Set(out)];
}

export class PersonNames {
  private readonly persons: Person[];
  /** part key → where it occurs: person and slot */
  private readonly byKey = new Map<string, Array<{ person: number; slot: number }>>();
  private readonly keys: Vocabulary;

  constructor(persons: ReadonlyArray<readonly string[]>) {
    this.persons = persons.map(placeParts);
    const keyed = new Set<string>();
    this.persons.forEach((person, index) => {
      person.slots.forEach((parts, slot) => {
        for (const part of parts.values()) {
          if (!distinctive(part)) continue;
          let places = this.byKey.get(part.key);
          if (!places) this.byKey.set(part.key, (places = []));
          if (!places.some((p) => p.person === index && p.slot === slot)) places.push({ person: index, slot });
          if (part.script === 'keyed') keyed.add(part.key);
        }
      });
    });
    this.keys = new Vocabulary(keyed);
  }

  /**
   * Where a typed part occurs: its own key, or else keys one or two letters off (Aigerm, Nurlann), for
   * parts of five letters or more: a shorter word one letter from a name is as often another word.
   */
  private placesOf(part: NamePart): Array<{ person: number; slot: number }> {
    const exact = this.byKey.get(part.key);
    if (exact) return exact;
    if (part.script !== 'keyed' || [...part.key].length < MIN_FUZZY_PART) return [];
    return this.keys.near(part.key, 4).flatMap((key) => this.byKey.get(key) ?? []);
  }

  /**
   * The other names to search for a typed name (one or more query words), or null when it does not
   * name a registered person: every typed part must be a part of the same person.
   */
  aliasesOf(typed: string): PersonAliases | null {
    const parts = nameParts(typed).filter((part) => !part.initial);
    if (parts.length === 0 || !parts.every(distinctive)) return null;
    let matched: Map<number, Set<number>> | null = null;
    for (const part of parts) {
      const here = new Map<number, Set<number>>();
      for (const { person, slot } of this.placesOf(part)) {
        if (matched && !matched.has(person)) continue;
        let slots = here.get(person);
        if (!slots) here.set(person, (slots = new Set(matched?.get(person))));
        slots.add(slot);
      }
      if (here.size === 0) return null;
      matched = here;
    }
    const names: string[][][] = [];
    const initials = new Set<string>();
    const found = new Set<string>();
    for (const [index, slots] of matched!) {
      const person = this.persons[index]!;
      const full = slots.size >= person.slots.length;
      // The whole name ranks a page above one with the typed part alone; a name of one part is that part.
      if (person.slots.length > 1) names.push(person.slots.map((parts) => [...parts.values()].map((part) => part.text)));
      if (full) for (const initial of initialForms(person)) initials.add(initial);
      // Named in full: each part the register gives this person alone (a surname alone on a page). A
      // part: that part only, never the rest of the name (two persons called Nurlan share no surname).
      person.slots.forEach((parts, slot) => {
        if (!full && !slots.has(slot)) return;
        for (const part of parts.values()) {
          const places = this.byKey.get(part.key);
          if (!places) continue;
          if (full && places.some((p) => p.person !== index)) continue;
          found.add(part.text);
        }
      });
    }
    return { names, initials: [...initials], parts: [...found] };
  }
}
