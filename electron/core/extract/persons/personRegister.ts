/**
 * The lawyer's register compiled for matching: each person's name split into parts (given name,
 * surname, any other), each part holding the cross-script keys of every spelling recorded for it, and
 * the Chinese forms of the name. The forms a document may use but the register does not list (initials,
 * reversed order, case endings) are derived at match time from these parts.
 */
import { fold, translitKey } from '../../text';
import type { KnownPerson } from '../types';
import { hasNameEnding } from './nameWords';

export type PartRole = 'given' | 'surname' | 'other';

export interface NamePart {
  role: PartRole;
  /** key → whether the spellings with that key carry a surname ending (see hasNameEnding) */
  keys: Map<string, Set<boolean>>;
  /** first letters of the recorded spellings (folded) and of their keys, to check an initial against */
  initials: Set<string>;
}

export interface HanName {
  given: string | null;
  surname: string | null;
  /** the whole form when it could not be split (no middle dot) */
  whole: string | null;
}

export interface RegisteredPerson {
  id: string;
  name: string;
  parts: NamePart[];
  han: HanName[];
  /** every recorded spelling, folded, whitespace collapsed: to tell a recorded form from a derived one */
  recorded: Set<string>;
}

export interface PartRef {
  person: RegisteredPerson;
  part: NamePart;
}

export interface Register {
  persons: RegisteredPerson[];
  byKey: Map<string, PartRef[]>;
}

const HAN = /\p{Script=Han}/u;
/** The middle dot between a transcribed given name and surname in Chinese, and what OCR reads for it. */
export const HAN_NAME_SEPARATOR = /[·・•‧.．-]/u;
const WORD = /[\p{L}\p{M}]+/gu;
/** Russian patronymics (-ович, -евна, -ична…): a Russian full name puts the surname first. */
const PATRONYMIC = /(?:ович|евич|ич|овна|евна|ична|инична)$/u;

export const collapse = (text: string) => fold(text).replace(/\s+/gu, ' ').trim();

function words(variant: string): string[] {
  return [...variant.matchAll(WORD)].map((m) => m[0]).filter((w) => [...w].length > 1);
}

function emptyPart(role: PartRole): NamePart {
  return { role, keys: new Map(), initials: new Set() };
}

function addSpelling(part: NamePart, word: string): void {
  const folded = fold(word);
  const key = translitKey(folded);
  let endings = part.keys.get(key);
  if (!endings) part.keys.set(key, (endings = new Set()));
  endings.add(hasNameEnding(folded));
  part.initials.add([...folded][0]!);
  part.initials.add(key[0]!);
}

/** Roles of the words of the person's main name: the surname is the word with a surname ending. */
function rolesOfName(nameWords: string[]): PartRole[] {
  const folded = nameWords.map((w) => fold(w));
  if (folded.length === 1) return ['given'];
  if (folded.length >= 3 && PATRONYMIC.test(folded.at(-1)!)) {
    return folded.map((_, i) => (i === 0 ? 'surname' : i === 1 ? 'given' : 'other'));
  }
  const endings = folded.map(hasNameEnding);
  const surnameFirst = endings[0] && !endings.at(-1);
  return folded.map((_, i) => {
    if (surnameFirst) return i === 0 ? 'surname' : i === 1 ? 'given' : 'other';
    return i === 0 ? 'given' : i === folded.length - 1 ? 'surname' : 'other';
  });
}

function partWithKey(parts: NamePart[], word: string): NamePart | undefined {
  const key = translitKey(fold(word));
  return parts.find((p) => p.keys.has(key));
}

/**
 * A variant's words go to the parts whose keys they share; the rest, when the variant has as many
 * words as the name, by position (a pinyin «Nuerlan Asikaer» shares no key with «Nurlan Askaruly»),
 * the order turned round when only the first word carries a surname ending.
 */
function addVariantWords(parts: NamePart[], nameRoles: PartRole[], variantWords: string[]): void {
  const known = variantWords.map((w) => partWithKey(parts, w));
  if (known.every(Boolean)) return;
  const free = parts.filter((p) => !known.includes(p));
  const unknown = variantWords.filter((_, i) => !known[i]);
  if (unknown.length === 1 && free.length === 1) {
    addSpelling(free[0]!, unknown[0]!);
    return;
  }
  if (known.some(Boolean) || variantWords.length !== nameRoles.length) return;
  const endings = variantWords.map((w) => hasNameEnding(fold(w)));
  const reversed = variantWords.length === 2 && endings[0] && !endings[1] && nameRoles[0] === 'given';
  variantWords.forEach((word, i) => addSpelling(parts[reversed ? variantWords.length - 1 - i : i]!, word));
}

function hanName(variant: string): HanName {
  const compact = variant.replace(/\s+/gu, '');
  const pieces = compact.split(HAN_NAME_SEPARATOR).filter((p) => HAN.test(p));
  if (pieces.length === 2) return { given: pieces[0]!, surname: pieces[1]!, whole: null };
  return { given: null, surname: null, whole: pieces.join('') };
}

export function registerPerson(person: KnownPerson): RegisteredPerson {
  const nameWords = words(person.name);
  const roles = rolesOfName(nameWords);
  const parts = roles.map(emptyPart);
  nameWords.forEach((word, i) => addSpelling(parts[i]!, word));

  const spellings = [person.name, ...person.variants].filter((v) => v.trim() !== '');
  const han: HanName[] = [];
  const latinOrCyrillic: string[][] = [];
  for (const variant of spellings) {
    if (HAN.test(variant)) han.push(hanName(variant));
    else latinOrCyrillic.push(words(variant));
  }
  // Variants of several words first: they tell which part a lone word («NUERLAN») belongs to.
  latinOrCyrillic.sort((a, b) => b.length - a.length);
  for (const variantWords of latinOrCyrillic) addVariantWords(parts, roles, variantWords);

  // A Chinese given name or surname recorded alone is a part of a split form, or a whole form itself.
  const splitParts = new Set(han.flatMap((h) => [h.given, h.surname]));
  const hanForms = han.filter((h) => h.whole === null || !splitParts.has(h.whole));
  return { id: person.id, name: person.name, parts, han: hanForms, recorded: new Set(spellings.map(collapse)) };
}

export function compileRegister(persons: readonly KnownPerson[]): Register {
  const registered = persons.map(registerPerson);
  const byKey = new Map<string, PartRef[]>();
  for (const person of registered) {
    for (const part of person.parts) {
      for (const key of part.keys.keys()) {
        let refs = byKey.get(key);
        if (!refs) byKey.set(key, (refs = []));
        refs.push({ person, part });
      }
    }
  }
  return { persons: registered, byKey };
}
