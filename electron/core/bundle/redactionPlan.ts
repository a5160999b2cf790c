/**
 * The redaction planner: for each page of a bundle, every box Dalel will burn — protected persons'
 * names in any spelling, the lawyer's redaction terms, and the boxes drawn by hand — each with a key
 * that stays the same from one plan of a definition to the next (so a waiver sticks), and a label
 * that says what without saying the text.
 */
import type { BundleRedactionOptions, PixelBox, PlannedRedaction, RedactionOrigin, RedactionReason } from '../../../shared/domain/bundle';
import { BUNDLE_WORDS, type BundleLanguage } from '../../../shared/domain/bundleWords';
import type { OverlayWord, PageRecord, Word } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/tagging';
import { glyphBox, spanBox, type InkImage } from './redactionBoxes';
import { findSpansInWords, patternsFor, patternUnits, personSpellings, unitMatches, type MatchRules, type RedactionPattern } from './redactionMatcher';

export interface RedactionRules extends MatchRules {
  /** what is looked for on the pages and scrubbed from printed text */
  patterns: RedactionPattern[];
  /** the names (two parts or more) of persons not protected, which protected spellings give way to */
  claims: RedactionPattern[];
  /** source → label as printed ("Protected person 2", "Term 1"), what it is for the lawyer's eyes, and reason */
  sources: Map<string, { reason: RedactionReason; label: string; subject: string; order: number }>;
  /** source → the spellings as written (the leak check looks for them in the finished file's bytes) */
  spellings: Map<string, string[]>;
}

/**
 * Protected persons are numbered in the order of their ids, terms in the order the lawyer gave them:
 * both are stable while the register and the definition stay the same. Labels are in the bundle's language.
 */
export function redactionRules(options: BundleRedactionOptions, persons: readonly Person[], language: BundleLanguage = 'en'): RedactionRules {
  const words = BUNDLE_WORDS[language];
  const patterns: RedactionPattern[] = [];
  const claims: RedactionPattern[] = [];
  const sources = new Map<string, { reason: RedactionReason; label: string; subject: string; order: number }>();
  const spellings = new Map<string, string[]>();
  if (options.protectedPersons) {
    const protectedPersons = persons.filter((person) => person.protected).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ambiguous = sharedNamePart(persons.filter((person) => !person.protected));
    protectedPersons.forEach((person, index) => {
      const source = `p${index + 1}`;
      sources.set(source, { reason: 'protected-person', label: words.protectedPerson(index + 1), subject: person.name, order: index });
      const all = personSpellings(person);
      const kept = patternsFor(source, all, true).filter((pattern) => !ambiguous(pattern));
      patterns.push(...kept);
      // The byte search takes the spellings whose every part is still looked for on the pages.
      spellings.set(source, all.filter((spelling) => patternsFor(source, [spelling], true).every((p) => kept.some((k) => sameUnits(k, p)))));
    });
    for (const person of persons) {
      if (person.protected) continue;
      claims.push(...patternsFor(person.id, [person.name, ...person.variants]).filter((pattern) => pattern.units.length >= 2));
    }
  }
  options.terms.forEach((term, index) => {
    const source = `t${index + 1}`;
    sources.set(source, { reason: 'term', label: words.term(index + 1), subject: term, order: 1000 + index });
    patterns.push(...patternsFor(source, [term]));
    spellings.set(source, [term]);
  });
  return { patterns, claims, sources, spellings };
}

const sameUnits = (a: RedactionPattern, b: RedactionPattern) => a.units.map((u) => u.fold).join(' ') === b.units.map((u) => u.fold).join(' ');

/**
 * Whether one word of a protected person's spelling (or one Chinese name part) is also a part of the
 * name of someone who is not protected: the register gives NUERLAN and 努尔兰 — her father's name — as
 * spellings of Aruzhan Nurlankyzy, and alone they would black out Nurlan himself on his own
 * certificate. Such a part is not looked for alone; the protected person's whole name still is.
 */
function sharedNamePart(others: readonly Person[]): (pattern: RedactionPattern) => boolean {
  // The parts of their names as personSpellings cuts them: a patronymic written apart (Daulet kyzy) is
  // one part, so it does not make the protected father's given name look like someone else's.
  const words = others
    .flatMap((person) => personSpellings(person))
    .map((spelling) => patternUnits(spelling))
    .filter((units) => units.length === 1 && !units[0]!.han)
    .map((units) => units[0]!);
  const han = others.flatMap((person) => [person.name, ...person.variants]).map((spelling) => [...spelling].filter((c) => /\p{Script=Han}/u.test(c)).join(''));
  return (pattern) => {
    if (pattern.units.every((unit) => unit.han)) {
      const run = pattern.units.map((unit) => unit.fold).join('');
      return han.some((name) => name.includes(run));
    }
    return pattern.units.length === 1 && words.some((unit) => unitMatches(pattern.units[0]!, unit));
  };
}

const HAN = /\p{Script=Han}/u;

/** Words on one line: the next word's middle lies within the previous word's height. */
function sameLine(a: Word, b: Word): boolean {
  const middle = (b.bbox[1] + b.bbox[3]) / 2;
  return middle >= a.bbox[1] && middle <= a.bbox[3];
}

/** A page's readings, each of which names are looked for in. */
export interface PageToPlan {
  page: PageRecord;
  /** OCR of the page as it prints, when it is a reading of its own (not the page's words again) */
  printWords?: readonly Word[] | null;
  /** text of printable form fields and annotations */
  overlays?: readonly OverlayWord[];
}

/** One match on one line of one reading: where its glyphs are estimated to be. */
export interface PageMatch {
  source: string;
  origin: Exclude<RedactionOrigin, 'drawn'>;
  /** stable for the same reading and words: "first-last" word indices of the line */
  words: string;
  estimate: [number, number, number, number];
  /** a form field, an annotation or a word read at an angle is covered whole; its glyphs are not looked for in the ink */
  whole: boolean;
  /** the matched characters are Chinese (found on their em grid) */
  han: boolean;
}

/** Every match on every reading of a page, a line at a time. */
export function findPageMatches(input: PageToPlan, rules: RedactionRules): PageMatch[] {
  if (input.page.status !== 'done' || rules.patterns.length === 0) return [];
  const readings: Array<{ origin: PageMatch['origin']; words: readonly Word[] }> = [
    { origin: input.page.source === 'text-layer' ? 'text-layer' : 'ocr', words: input.page.words },
  ];
  if (input.printWords?.length) readings.push({ origin: 'picture', words: input.printWords });
  const overlays = input.overlays ?? [];
  for (const origin of ['form-field', 'annotation'] as const) {
    const words = overlays.filter((word) => word.origin === origin);
    if (words.length) readings.push({ origin, words });
  }
  const matches: PageMatch[] = [];
  for (const reading of readings) {
    const whole = reading.origin === 'form-field' || reading.origin === 'annotation';
    // Which characters of which words each source covers: overlapping spellings of one person, and
    // one person's names side by side ("Мухаметкызы Куляш"), give one box per line.
    const covered = new Map<string, Map<number, { start: number; end: number }>>();
    for (const match of findSpansInWords(reading.words, rules)) {
      let spans = covered.get(match.source);
      if (!spans) covered.set(match.source, (spans = new Map()));
      for (const span of match.spans) {
        const known = spans.get(span.word);
        spans.set(span.word, known ? { start: Math.min(known.start, span.start), end: Math.max(known.end, span.end) } : { start: span.start, end: span.end });
      }
    }
    for (const [source, spans] of covered) {
      const words = [...spans.keys()].sort((a, b) => a - b);
      let line: number[] = [];
      const flush = () => {
        if (line.length === 0) return;
        // A word read at an angle of its own (ocr/angledText.ts) has only the upright box around it: its
        // letters cannot be placed inside it one by one, so the box is taken whole, as a form field's is.
        const angled = line.some((index) => reading.words[index]!.angle !== undefined);
        const boxes = line.map((index) => {
          const word = reading.words[index]!;
          const span = spans.get(index)!;
          if (whole) return (word as OverlayWord).area ?? word.bbox;
          return word.angle !== undefined ? word.bbox : spanBox(word, span.start, span.end);
        });
        matches.push({
          source,
          origin: reading.origin,
          words: `${line[0]}-${line.at(-1)}`,
          estimate: [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))],
          whole: whole || angled,
          han: line.some((index) => {
            const span = spans.get(index)!;
            return HAN.test(reading.words[index]!.text.slice(span.start, span.end));
          }),
        });
        line = [];
      };
      for (const index of words) {
        const previous = line.at(-1);
        if (previous !== undefined && (index !== previous + 1 || !sameLine(reading.words[previous]!, reading.words[index]!))) flush();
        line.push(index);
      }
      flush();
    }
  }
  return matches;
}

/** Share of box `a` that lies inside box `b`. */
function insideShare(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? (w * h) / Math.max(1, a[2] * a[3]) : 0;
}

/**
 * The page's redactions from its matches: each box snapped to the glyphs on the page image when it is
 * given (see redactionBoxes.ts), a box another reading already covers left out, then the lawyer's moves,
 * waivers and drawn boxes applied. Ordered by source (persons, then terms), then reading.
 */
export function planFromMatches(
  docId: string,
  page: Pick<PageRecord, 'page' | 'width' | 'height'>,
  matches: readonly PageMatch[],
  rules: RedactionRules,
  options: BundleRedactionOptions,
  ink: InkImage | null = null,
): PlannedRedaction[] {
  const waived = new Set(options.waived);
  const adjusted = new Map((options.adjusted ?? []).map((entry) => [entry.key, entry.box]));
  const out: PlannedRedaction[] = [];
  const ordered = [...matches].sort((a, b) => rules.sources.get(a.source)!.order - rules.sources.get(b.source)!.order);
  for (const match of ordered) {
    const { reason, label, subject } = rules.sources.get(match.source)!;
    const box = match.whole ? glyphBox(match.estimate, null, page) : glyphBox(match.estimate, ink, page, match.han);
    if (out.some((other) => other.origin !== 'drawn' && insideShare(box, other.box) >= 0.6)) continue;
    const key =
      match.origin === 'text-layer' || match.origin === 'ocr'
        ? `${match.source}:${docId}:${page.page}:${match.words}`
        : `${match.source}:${docId}:${page.page}:${match.origin}:${match.words}`;
    if (out.some((other) => other.key === key)) continue;
    const moved = adjusted.get(key);
    out.push({ key, docId, page: page.page, box: moved ?? box, reason, label, subject, origin: match.origin, waived: waived.has(key), adjusted: moved !== undefined });
  }
  options.boxes.forEach((drawn, index) => {
    if (drawn.docId !== docId || drawn.page !== page.page) return;
    const key = `m${index + 1}:${docId}:${page.page}`;
    out.push({ key, docId, page: page.page, box: drawn.box, reason: 'manual', label: drawn.reason, subject: drawn.reason, origin: 'drawn', waived: waived.has(key), adjusted: false });
  });
  return out;
}

/** The automatic and manual redactions of one page of a document, from its text alone unless more is given. */
export function planPageRedactions(
  docId: string,
  page: PageRecord,
  rules: RedactionRules,
  options: BundleRedactionOptions,
  more: Omit<PageToPlan, 'page'> & { ink?: InkImage | null } = {},
): PlannedRedaction[] {
  return planFromMatches(docId, page, findPageMatches({ page, ...more }, rules), rules, options, more.ink ?? null);
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
