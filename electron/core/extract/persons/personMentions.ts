/**
 * Person mentions in a document's OCR'd pages: known persons from the lawyer's register, matched across
 * scripts and spellings, and name-like phrases matching nobody known (candidates, personId null).
 *
 * All pages passed in are one document: a given name or surname standing alone is credited to a person
 * only as the document's other mentions allow (see resolve).
 */
import { fold, translitKey } from '../../text';
import type { KnownPerson, PageInput, PersonMention } from '../types';
import { findNameCandidates } from './candidates';
import { findHanNames, printed } from './hanNames';
import { findKnownNames, type Finding, type Option } from './knownNames';
import { findMrzNames } from './mrz';
import { markCommonWords, nameWords, type NameWord } from './nameWords';
import { compileRegister, type Register, type RegisteredPerson } from './personRegister';

/**
 * Confidence of a word standing alone for a part of a name (tuned on the development corpus, see
 * personMentions.corpus.test.ts): a surname is fair evidence, a given name weak, a part of a Chinese
 * name in between; each is worth more when the person is named in full elsewhere in the document.
 */
const ALONE = {
  surname: { supported: 0.75, unsupported: 0.55 },
  given: { supported: 0.55, unsupported: 0.3 },
  han: { supported: 0.65, unsupported: 0.45 },
};

function hanFindings(page: PageInput, register: Register): Finding[] {
  const byPlace = new Map<string, Finding>();
  for (const han of findHanNames(page.text, register.persons)) {
    const place = `${han.start}:${han.end}`;
    const finding = byPlace.get(place) ?? { page: page.page, start: han.start, end: han.end, options: [] };
    byPlace.set(place, finding);
    if (finding.options.some((o) => o.person === han.person)) continue;
    const surface = printed(page.text, han.start, han.end);
    finding.options.push({
      person: han.person,
      kind: han.whole ? 'name' : 'given',
      confidence: han.whole ? 0.9 : 1,
      explanation: han.whole
        ? `Chinese name recorded for this person: ${surface} = ${han.person.name}`
        : `part of the Chinese name recorded for this person (${han.form}): ${surface} = ${han.person.name}`,
    });
  }
  return [...byPlace.values()];
}

const keysOf = (words: string[]) => new Set(words.map((w) => translitKey(fold(w))));

function mrzFindings(page: PageInput, register: Register): Finding[] {
  const findings: Finding[] = [];
  for (const mrz of findMrzNames(page.text)) {
    const surnames = keysOf(mrz.surname);
    const givens = keysOf(mrz.given);
    const options: Option[] = [];
    for (const person of register.persons) {
      const has = (role: string, keys: Set<string>) => person.parts.some((p) => p.role === role && [...keys].some((k) => p.keys.has(k)));
      if (!has('surname', surnames)) continue;
      const surface = page.text.slice(mrz.start, mrz.end).replace(/\s+/gu, '');
      const full = has('given', givens);
      options.push({
        person,
        kind: full ? 'name' : 'surname',
        confidence: full ? 0.9 : 1,
        explanation: `passport machine-readable line${full ? '' : ', surname only'}: ${surface} = ${person.name}`,
      });
    }
    if (options.length > 0) findings.push({ page: page.page, start: mrz.start, end: mrz.end, options });
  }
  return findings;
}

const mention = (finding: Finding, option: Option, confidence: number, explanation: string, text: string): PersonMention => ({
  page: finding.page,
  start: finding.start,
  end: finding.end,
  surface: printed(text, finding.start, finding.end),
  confidence: Math.round(confidence * 100) / 100,
  personId: option.person.id,
  explanation,
});

/**
 * Whole names (full name, surname with initials, passport line, Chinese name) stand on their own; a
 * person named by one is "supported" in this document. A surname alone goes to the one supported
 * person it fits, or to its only bearer in the register; a given name alone likewise, but weaker; a
 * word that fits several unsupported persons, or several supported ones, is left out.
 */
function resolve(findings: Finding[], texts: Map<number, string>): PersonMention[] {
  const mentions: PersonMention[] = [];
  const whole = findings.filter((f) => f.options.some((o) => o.kind === 'name'));
  const supported = new Set<RegisteredPerson>();
  for (const f of whole) if (f.options.length === 1) supported.add(f.options[0]!.person);
  const text = (f: Finding) => texts.get(f.page)!;

  for (const f of whole) {
    const named = f.options.filter((o) => o.kind === 'name');
    const backed = named.filter((o) => supported.has(o.person));
    const chosen = named.length === 1 ? named[0]! : backed.length === 1 ? backed[0]! : null;
    if (chosen) mentions.push(mention(f, chosen, chosen.confidence, chosen.explanation, text(f)));
    else {
      const first = named[0]!;
      const others = named.slice(1).map((o) => o.person.name).join(', ');
      mentions.push(mention(f, first, first.confidence * 0.6, `${first.explanation}; also fits ${others}`, text(f)));
    }
  }

  const alone = findings.filter((f) => !whole.includes(f));
  const soleSurname = (f: Finding) => new Set(f.options.map((o) => o.person)).size === 1 && f.options.every((o) => o.kind === 'surname');
  const seen = new Set(supported);
  for (const f of alone) if (soleSurname(f)) seen.add(f.options[0]!.person);

  for (const f of alone) {
    const backed = f.options.filter((o) => supported.has(o.person));
    const persons = new Set(f.options.map((o) => o.person));
    let chosen: Option | undefined;
    let isSupported = false;
    if (new Set(backed.map((o) => o.person)).size === 1) {
      chosen = backed.find((o) => o.kind === 'surname') ?? backed[0];
      isSupported = true;
    } else if (backed.length === 0 && persons.size === 1) {
      chosen = f.options.find((o) => o.kind === 'surname') ?? f.options[0];
    }
    if (!chosen) continue;
    const han = /\p{Script=Han}/u.test(text(f).slice(f.start, f.end));
    const table = han ? ALONE.han : chosen.kind === 'surname' ? ALONE.surname : ALONE.given;
    const backedBySurname = !isSupported && chosen.kind === 'given' && seen.has(chosen.person);
    const base = isSupported ? table.supported : backedBySurname ? (table.supported + table.unsupported) / 2 : table.unsupported;
    const note = isSupported ? '; the person is named in full elsewhere in this document' : backedBySurname ? '; the surname is on this document too' : '';
    mentions.push(mention(f, chosen, base * chosen.confidence, chosen.explanation + note, text(f)));
  }
  return mentions;
}

/** Known persons' mentions on a document's pages, from words already read (see nameWords). */
function knownMentions(pages: readonly PageInput[], register: Register, words: ReadonlyMap<number, NameWord[]>): PersonMention[] {
  const findings: Finding[] = [];
  const texts = new Map(pages.map((p) => [p.page, p.text]));
  for (const page of pages) {
    const special = [...mrzFindings(page, register), ...hanFindings(page, register)];
    const taken = special.map((f): [number, number] => [f.start, f.end]);
    findings.push(...special, ...findKnownNames(words.get(page.page)!, page.page, page.text, register, taken));
  }
  return resolve(findings, texts);
}

function readWords(pages: readonly PageInput[]): Map<number, NameWord[]> {
  const words = new Map(pages.map((p) => [p.page, nameWords(p.text)]));
  markCommonWords([...words.values()]);
  return words;
}

const byPlace = (a: PersonMention, b: PersonMention) => a.page - b.page || a.start - b.start;

export function findPersonMentions(pages: PageInput[], persons: readonly KnownPerson[]): PersonMention[] {
  const register = compileRegister(persons);
  const words = readWords(pages);
  const known = knownMentions(pages, register, words);
  const candidates = pages.flatMap((page) => {
    const taken = known.filter((m) => m.page === page.page).map((m): [number, number] => [m.start, m.end]);
    return findNameCandidates(page, words.get(page.page)!, register, taken);
  });
  return [...known, ...candidates].sort(byPlace);
}

/**
 * The register's persons named on a document's pages, without the names of nobody known: for reading
 * many documents against one register compiled once (compileRegister takes ~6 ms for two dozen
 * persons, more than reading a page), as the person page's "Mentioned, not tagged" does.
 */
export function findKnownPersonMentions(pages: readonly PageInput[], register: Register): PersonMention[] {
  return knownMentions(pages, register, readWords(pages)).sort(byPlace);
}
