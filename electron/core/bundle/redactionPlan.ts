/**
 * The redaction planner: for each page of a bundle, every box Dalel will burn — protected persons'
 * names in any spelling, the lawyer's redaction terms, and the boxes drawn by hand — each with a key
 * that stays the same from one plan of a definition to the next (so a waiver sticks), and a label
 * that says what without saying the text.
 */
import type { BundleRedactionOptions, PixelBox, PlannedRedaction, RedactionReason } from '../../../shared/domain/bundle';
import type { PageRecord, Word } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/tagging';
import { findInWords, patternsFor, personSpellings, textUnits, unitMatches, type MatchRules, type RedactionPattern } from './redactionMatcher';

export interface RedactionRules extends MatchRules {
  /** what is looked for on the pages and scrubbed from printed text */
  patterns: RedactionPattern[];
  /** the names (two parts or more) of persons not protected, which protected spellings give way to */
  claims: RedactionPattern[];
  /** source → label ("Protected person 2", "Term 1") and reason */
  sources: Map<string, { reason: RedactionReason; label: string; order: number }>;
}

/**
 * Protected persons are numbered in the order of their ids, terms in the order the lawyer gave them:
 * both are stable while the register and the definition stay the same.
 */
export function redactionRules(options: BundleRedactionOptions, persons: readonly Person[]): RedactionRules {
  const patterns: RedactionPattern[] = [];
  const claims: RedactionPattern[] = [];
  const sources = new Map<string, { reason: RedactionReason; label: string; order: number }>();
  if (options.protectedPersons) {
    const protectedPersons = persons.filter((person) => person.protected).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ambiguous = sharedNamePart(persons.filter((person) => !person.protected));
    protectedPersons.forEach((person, index) => {
      const source = `p${index + 1}`;
      sources.set(source, { reason: 'protected-person', label: `Protected person ${index + 1}`, order: index });
      patterns.push(...patternsFor(source, personSpellings(person), true).filter((pattern) => !ambiguous(pattern)));
    });
    for (const person of persons) {
      if (person.protected) continue;
      claims.push(...patternsFor(person.id, [person.name, ...person.variants]).filter((pattern) => pattern.units.length >= 2));
    }
  }
  options.terms.forEach((term, index) => {
    const source = `t${index + 1}`;
    sources.set(source, { reason: 'term', label: `Term ${index + 1}`, order: 1000 + index });
    patterns.push(...patternsFor(source, [term]));
  });
  return { patterns, claims, sources };
}

/**
 * Whether one word of a protected person's spelling (or one Chinese name part) is also a part of the
 * name of someone who is not protected: the register gives NUERLAN and 努尔兰 — her father's name — as
 * spellings of Aruzhan Nurlankyzy, and alone they would black out Nurlan himself on his own
 * certificate. Such a part is not looked for alone; the protected person's whole name still is.
 */
function sharedNamePart(others: readonly Person[]): (pattern: RedactionPattern) => boolean {
  const words = others.flatMap((person) => [person.name, ...person.variants]).flatMap((spelling) => textUnits(spelling).filter((unit) => !unit.han));
  const han = others.flatMap((person) => [person.name, ...person.variants]).map((spelling) => [...spelling].filter((c) => /\p{Script=Han}/u.test(c)).join(''));
  return (pattern) => {
    if (pattern.units.every((unit) => unit.han)) {
      const run = pattern.units.map((unit) => unit.fold).join('');
      return han.some((name) => name.includes(run));
    }
    return pattern.units.length === 1 && words.some((unit) => unitMatches(pattern.units[0]!, unit));
  };
}

const toPixelBox = ([x0, y0, x1, y1]: Word['bbox']): PixelBox => [x0, y0, x1 - x0, y1 - y0];

/** Words on one line: the next word's middle lies within the previous word's height. */
function sameLine(a: Word, b: Word): boolean {
  const middle = (b.bbox[1] + b.bbox[3]) / 2;
  return middle >= a.bbox[1] && middle <= a.bbox[3];
}

/**
 * A word box grown a little on every side: OCR boxes hug the ink, and anti-aliased edges or a descender
 * must not show past the black. Clipped to the page.
 */
function padded(words: readonly Word[], width: number | null, height: number | null): PixelBox {
  let [x0, y0, x1, y1] = words[0]!.bbox;
  for (const word of words) {
    x0 = Math.min(x0, word.bbox[0]);
    y0 = Math.min(y0, word.bbox[1]);
    x1 = Math.max(x1, word.bbox[2]);
    y1 = Math.max(y1, word.bbox[3]);
  }
  const pad = Math.max(2, Math.round((y1 - y0) * 0.15));
  const right = width ?? x1 + pad;
  const bottom = height ?? y1 + pad;
  const left = Math.max(0, Math.floor(x0 - pad));
  const top = Math.max(0, Math.floor(y0 - pad));
  return toPixelBox([left, top, Math.min(right, Math.ceil(x1 + pad)), Math.min(bottom, Math.ceil(y1 + pad))]);
}

/** The automatic and manual redactions of one page of a document. */
export function planPageRedactions(
  docId: string,
  page: PageRecord,
  rules: RedactionRules,
  options: BundleRedactionOptions,
): PlannedRedaction[] {
  const waived = new Set(options.waived);
  const out: PlannedRedaction[] = [];
  if (page.status === 'done' && page.words.length > 0 && rules.patterns.length > 0) {
    // Which words each source covers; overlapping spellings of one person give one box.
    const covered = new Map<string, Set<number>>();
    for (const match of findInWords(page.words, rules)) {
      let set = covered.get(match.source);
      if (!set) covered.set(match.source, (set = new Set()));
      for (let i = match.first; i <= match.last; i++) set.add(i);
    }
    const ordered = [...covered].sort(([a], [b]) => rules.sources.get(a)!.order - rules.sources.get(b)!.order);
    for (const [source, set] of ordered) {
      const { reason, label } = rules.sources.get(source)!;
      const indices = [...set].sort((a, b) => a - b);
      // Runs of neighbouring words on one line: a name broken over two lines gets a box on each.
      let run: number[] = [];
      const flush = () => {
        if (run.length === 0) return;
        const key = `${source}:${docId}:${page.page}:${run[0]}-${run.at(-1)}`;
        out.push({ key, docId, page: page.page, box: padded(run.map((i) => page.words[i]!), page.width, page.height), reason, label, waived: waived.has(key) });
        run = [];
      };
      for (const index of indices) {
        const previous = run.at(-1);
        if (previous !== undefined && (index !== previous + 1 || !sameLine(page.words[previous]!, page.words[index]!))) flush();
        run.push(index);
      }
      flush();
    }
  }
  options.boxes.forEach((box, index) => {
    if (box.docId !== docId || box.page !== page.page) return;
    const key = `m${index + 1}:${docId}:${page.page}`;
    out.push({ key, docId, page: page.page, box: box.box, reason: 'manual', label: box.reason, waived: waived.has(key) });
  });
  return out;
}

export function boxesIntersect(a: PixelBox, b: PixelBox): boolean {
  return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

/**
 * Whether a redaction covers a word: any overlap across at least 40% of the word's height. A box that
 * grazes the line above or below (word boxes include the font's ascent and descent) leaves its words;
 * a box across half a word's height takes the word out, since what shows of it could be read.
 */
function covers(box: PixelBox, word: Word): boolean {
  const [x0, y0, x1, y1] = word.bbox;
  const width = Math.min(x1, box[0] + box[2]) - Math.max(x0, box[0]);
  const height = Math.min(y1, box[1] + box[3]) - Math.max(y0, box[1]);
  return width > 0 && height > 0 && height >= 0.4 * Math.max(1, y1 - y0);
}

/** The words left in a page's text layer: none a redaction covers. */
export function wordsOutside(words: readonly Word[], boxes: readonly PixelBox[]): Word[] {
  if (boxes.length === 0) return [...words];
  return words.filter((word) => !boxes.some((box) => covers(box, word)));
}
