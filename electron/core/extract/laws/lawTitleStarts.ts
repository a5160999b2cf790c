/**
 * Where a register title may begin on a page. Most words of a page meet no word a title begins with,
 * and no title can begin at such a word: testing that once per distinct page word keeps the phrase
 * matching (the finder's main cost: ~3.7 of ~4 ms a page on bench:search's pages, issue 4) to the
 * few places a title may begin. The tests accept every place matchPhrase could match from, so the
 * citations found are the same.
 */
import { abbreviationKey, isPunct, isWord, type Token } from './lawText';
import { stemOf, wordTextEdits, type Phrase, type PhraseWord } from './lawTitleWords';

/** The distinct words titles may begin with, and per page word which of them it meets. */
export interface TitleVocabulary {
  words: PhraseWord[];
  /** the words filed by what a page word must share with one to meet it (see wordTextEdits and candidateWords) */
  byKey: Map<string, PhraseWord[]>;
  abbreviations: Set<string>;
  numbers: Set<string>;
  /** page word → the texts of the head words it meets */
  meets: Map<string, ReadonlySet<string>>;
  heads: Map<Phrase, PhraseWord[]>;
}

/** The words a match of the phrase may begin at: up to the first content word (the ones before it may be left out). */
export function head(phrase: Phrase): PhraseWord[] {
  return phrase.words.slice(0, phrase.words.findIndex((w) => !w.optional && !w.stop) + 1 || undefined);
}

/** The head words of the phrases, filed for metWords. */
export function titleVocabulary(phrases: readonly Phrase[]): TitleVocabulary {
  const vocabulary: TitleVocabulary = { words: [], byKey: new Map(), abbreviations: new Set(), numbers: new Set(), meets: new Map(), heads: new Map() };
  const seen = new Set<string>();
  for (const phrase of phrases) {
    vocabulary.heads.set(phrase, head(phrase));
    for (const w of head(phrase)) {
      if (w.kind === 'abbr') vocabulary.abbreviations.add(w.text);
      else if (w.kind === 'num') vocabulary.numbers.add(w.text);
      else if (!seen.has(w.text)) {
        seen.add(w.text);
        vocabulary.words.push(w);
        for (const key of wordKeys(w)) vocabulary.byKey.set(key, [...(vocabulary.byKey.get(key) ?? []), w]);
      }
    }
  }
  return vocabulary;
}

/**
 * What a page word t must share with the title word w for wordTextEdits to accept it: a word of up to
 * three letters is compared whole (short); otherwise t has w's stem (stem:), or t's stem begins w
 * (prefix:), or t agrees with w or its stem in the first or second letter (which also holds when t is
 * w, or begins with its stem).
 */
function wordKeys(w: PhraseWord): string[] {
  if (w.text.length <= 3) return ['short'];
  const keys = new Set([`stem:${w.stem}`, `0${w.text[0]}`, `1${w.text[1]}`, `0${w.stem[0]}`, `1${w.stem[1]}`]);
  for (let n = 5; n <= w.text.length; n++) keys.add(`prefix:${w.text.slice(0, n)}`);
  return [...keys];
}

/** The title words a page word may meet (wordKeys from its side). */
function candidateWords(vocabulary: TitleVocabulary, t: string): Set<PhraseWord> {
  const ts = stemOf(t);
  const out = new Set<PhraseWord>();
  for (const key of ['short', `stem:${ts}`, `prefix:${ts}`, `0${t[0]}`, `1${t[1]}`]) for (const w of vocabulary.byKey.get(key) ?? []) out.add(w);
  return out;
}

// eslint-disable-next-line no-restricted-syntax -- a constant: the empty set, never added to
const NONE: ReadonlySet<string> = new Set();

/** The head words (by text) a page word meets as wordEdits compares them. */
function metWords(vocabulary: TitleVocabulary, t: string): ReadonlySet<string> {
  let met = vocabulary.meets.get(t);
  if (met === undefined) {
    const found = [...candidateWords(vocabulary, t)].filter((w) => wordTextEdits(w, t) >= 0).map((w) => w.text);
    met = found.length > 0 ? new Set(found) : NONE;
    if (vocabulary.meets.size > 50_000) vocabulary.meets.clear();
    vocabulary.meets.set(t, met);
  }
  return met;
}

/** What token i offers a title beginning there. */
export interface Opening {
  tokens: readonly Token[];
  i: number;
  met: ReadonlySet<string>;
  abbreviation: string;
  /** a short word: a garbled stop word may be read at it */
  short: boolean;
  /** a word hyphenated at a line end may begin here: anything may */
  broken: boolean;
}

/**
 * Null when no title can begin at token i. matchPhrase starts a match only where the token meets a head
 * word of the phrase, is a short word standing for a stop word, or begins a word hyphenated at a line end.
 */
export function opening(vocabulary: TitleVocabulary, tokens: readonly Token[], i: number): Opening | null {
  const token = tokens[i]!;
  const broken = brokenAt(tokens, i);
  const num = token.kind === 'num';
  const short = isWord(token) && token.text.length <= 2;
  const met = num ? NONE : metWords(vocabulary, token.text);
  const abbreviation = num ? '' : abbreviationKey(token.text);
  const possible = short || broken || met.size > 0 || vocabulary.abbreviations.has(abbreviation) || (num && vocabulary.numbers.has(token.text));
  return possible ? { tokens, i, met, abbreviation, short, broken } : null;
}

/** A word hyphenated at a line end may begin at token i (brokenWord's test, loosened). */
function brokenAt(tokens: readonly Token[], i: number): boolean {
  return isWord(tokens[i]) && isPunct(tokens[i + 1], '-') && isWord(tokens[i + 2]);
}

function meets(vocabulary: TitleVocabulary, w: PhraseWord, token: Token, met: ReadonlySet<string>, abbreviation: string): boolean {
  if (w.kind === 'num') return token.kind === 'num' && token.text === w.text;
  return w.kind === 'abbr' ? abbreviation === w.text : met.has(w.text);
}

/** Tokens within which a phrase's first content word follows a garbled stop word: each head word between may skip two and join three. */
const reach = (head: readonly PhraseWord[]) => 5 * head.length + 1;

export function mayBeginWith(vocabulary: TitleVocabulary, phrase: Phrase, at: Opening): boolean {
  if (at.broken) return true;
  const head = vocabulary.heads.get(phrase)!;
  const token = at.tokens[at.i]!;
  let garbled = false;
  for (const w of head) {
    if (meets(vocabulary, w, token, at.met, at.abbreviation)) return true;
    if (at.short && w.stop) garbled = true;
  }
  if (!garbled) return false;
  // «Сі гражданстве»: a short word read as a stop word; the phrase's first content word must then follow.
  const required = head.at(-1)!;
  if (required.optional || required.stop) return true;
  for (let k = at.i + 1; k < at.tokens.length && k <= at.i + reach(head); k++) {
    const next = at.tokens[k]!;
    if (brokenAt(at.tokens, k)) return true;
    const num = next.kind === 'num';
    if (!num && !isWord(next)) continue;
    if (meets(vocabulary, required, next, num ? NONE : metWords(vocabulary, next.text), num ? '' : abbreviationKey(next.text))) return true;
  }
  return false;
}
