import { findLawCitations } from '../extract/laws/lawCitations';
import type { SearchProblem } from '../../../shared/domain/search';
import type { CitableRegister } from '../extract/laws/lawNames';
import type { Law } from '../extract/types';
import { conceptPhraseOf, isPhraseWord, phrasesOf, type ConceptPhrase } from './legalConcepts';
import { type PersonNames } from './personNames';
import { PLACES } from './places';
import { parseQuery, type Clause, type Mention } from './query';
import { ftsToken } from './searchIndex';
import { analyze, findDates, isStopword, uncutKey, type Token } from '../text';
import { inflectedStems } from '../text/inflections';

/**
 * From the parsed query to the compiled terms that (a) ftsExpression.ts writes as the FTS5 MATCH
 * expression that finds candidate pages and (b) pageMatches.ts meets on one page's text (for ranking,
 * snippets and highlights). Both come from the same analysed query tokens, so what is found is what is shown.
 */

export type QueryToken = Pick<Token, 'exact' | 'stem' | 'key' | 'kind'>;

/**
 * `alias`: another name of what the lawyer typed (a place's Kazakh, Chinese, Russian names); `quality`:
 * how well an alias meets what was typed, when less than another name of the same thing does.
 */
export type CompiledTerm = (
  /** `stems`: other stems the word's forms take (a legal concept's word: see text/inflections.ts) */
  | { kind: 'single'; token: QueryToken; prefix: boolean; fuzzy: string[]; stems?: readonly string[] }
  | { kind: 'sequence'; tokens: QueryToken[]; compound: QueryToken | null; quoted?: boolean }
  | { kind: 'date'; date: string; tokens: QueryToken[] }
  /** a law citation: pages citing it in any language, or (fallback) the words as typed */
  | { kind: 'law'; law: string; article: string | null; fallback: CompiledTerm | null }
  /** clauses that must all hold (the query as typed, beside the other names of the person it names) */
  | { kind: 'group'; clauses: CompiledClause[] }
) & { alias?: boolean; quality?: number };

export interface CompiledClause {
  terms: CompiledTerm[];
  negated: boolean;
  /** the words as typed, when the clause is one plain word or phrase (a name or a concept may be read from it) */
  source?: string;
}

export interface CompiledQuery {
  clauses: CompiledClause[];
  /** What is wrong with the query, as a code; null when it can run. */
  problem: SearchProblem | null;
}

/**
 * Index keys one or two letters from a word's key, or from the word with its name ending (-ұлы, -ов)
 * left on: a page's Оспанұпы (an OCR slip in the ending) keeps its ending in its key.
 */
function nearKeys(token: QueryToken, near: (key: string) => string[]): string[] {
  const whole = uncutKey(token.exact);
  const found = new Set(near(token.key));
  if (whole !== token.key) for (const key of near(whole)) found.add(key);
  found.delete(token.key);
  return [...found];
}

function compileTerm(term: Clause['terms'][number], near: (key: string) => string[], laws: readonly Law[] = []): CompiledTerm | null {
  if (term.kind === 'law') {
    const fallback = compileTerm(/\s/.test(term.text) ? { kind: 'phrase', text: term.text } : { kind: 'word', text: term.text, prefix: false }, () => []);
    return { kind: 'law', law: term.law, article: term.article, fallback };
  }
  if (term.kind === 'date') {
    return { kind: 'date', date: term.date, tokens: analyze(term.text).filter((t) => t.kind !== 'compound') };
  }
  const tokens = analyze(term.text).filter((t) => ftsToken(t.exact));
  if (tokens.length === 0) return null;
  const compound = tokens.length > 1 && tokens.at(-1)!.kind === 'compound' && tokens.at(-1)!.start === tokens[0]!.start ? tokens.at(-1)! : null;
  const parts = tokens.filter((t) => t.kind !== 'compound');
  // A law's number alone (477-IV) stands for the law, cited in any language.
  if (term.kind === 'word' && compound) {
    const law = laws.find((entry) => entry.number && analyze(entry.number).at(-1)?.key === compound.key);
    if (law) return { kind: 'law', law: law.id, article: null, fallback: { kind: 'sequence', tokens: parts, compound } };
  }
  if (term.kind === 'word' && parts.length === 1 && !compound) {
    const token = parts[0]!;
    const fuzzy = !term.prefix && token.kind === 'word' ? nearKeys(token, near) : [];
    // One Chinese character is the start of the bigrams that hold it.
    const lone = token.kind === 'cjk' && [...token.exact].length === 1;
    return { kind: 'single', token, prefix: term.prefix || lone, fuzzy };
  }
  return { kind: 'sequence', tokens: parts, compound, quoted: term.kind === 'phrase' };
}

/** The words of a name as the index keys them, so that any spelling of a listed name is recognised. */
function signature(text: string): string {
  return analyze(text)
    .filter((t) => t.kind !== 'compound')
    .map((t) => t.key)
    .join(' ');
}

// eslint-disable-next-line no-restricted-syntax -- constant data of the bundled place list, read on first use
let placesBySignature: Map<string, readonly string[]> | null = null;

/** The other names of the place a term names, if it names one. */
function placeAliases(term: Clause['terms'][number]): string[] {
  if (term.kind === 'date' || (term.kind === 'word' && term.prefix)) return [];
  if (!placesBySignature) {
    placesBySignature = new Map();
    for (const place of PLACES) {
      for (const name of place.names) if (!name.endsWith('*')) placesBySignature.set(signature(name), place.names);
    }
  }
  const own = signature(term.text);
  const names = placesBySignature.get(own);
  return names ? names.filter((name) => name.endsWith('*') || signature(name) !== own) : [];
}

function aliasTerms(term: Clause['terms'][number]): CompiledTerm[] {
  const out: CompiledTerm[] = [];
  for (const name of placeAliases(term)) {
    const prefix = name.endsWith('*');
    const compiled = compileTerm({ kind: 'word', text: name.replace(/\*$/, ''), prefix }, () => []);
    if (compiled) out.push({ ...compiled, alias: true });
  }
  return out;
}

/** A clause the lawyer typed as plain words: a name or a concept may be read from it. */
function plainTokens(clause: CompiledClause, quotedToo: boolean): QueryToken[] | null {
  if (clause.negated || clause.terms.length !== 1 || clause.source === undefined) return null;
  const term = clause.terms[0]!;
  if (term.kind === 'single' && !term.prefix) return [term.token];
  if (term.kind === 'sequence' && !term.compound && (quotedToo || !term.quoted)) return term.tokens;
  return null;
}

/** What the lawyer typed, beside the other names of what it names: one clause, any of them meets it. */
function expanded(run: readonly CompiledClause[], aliases: CompiledTerm[]): CompiledClause {
  const typed: CompiledTerm = run.length === 1 ? run[0]!.terms[0]! : { kind: 'group', clauses: [...run] };
  return { terms: [typed, ...aliases], negated: false };
}

/**
 * Runs of consecutive plain clauses that name something, longest first from each position: each run
 * becomes one clause (what was typed, or `aliases` of it). A query may name a person and a concept
 * beside other words (Aigerim refusal, refugee status Askaruly).
 */
function expandRuns(
  clauses: CompiledClause[],
  quotedToo: boolean,
  aliasesOf: (run: readonly CompiledClause[], tokens: QueryToken[]) => { aliases: CompiledTerm[]; typed?: CompiledClause[] } | null,
): CompiledClause[] {
  const out: CompiledClause[] = [];
  let i = 0;
  while (i < clauses.length) {
    let end = i;
    while (end < clauses.length && plainTokens(clauses[end]!, quotedToo)) end++;
    let done = false;
    for (let j = end; j > i && !done; j--) {
      const run = clauses.slice(i, j);
      const found = aliasesOf(
        run,
        run.flatMap((clause) => plainTokens(clause, quotedToo)!),
      );
      if (found && found.aliases.length > 0) {
        out.push(expanded(found.typed ?? run, found.aliases));
        i = j;
        done = true;
      }
    }
    if (!done) out.push(clauses[i++]!);
  }
  return out;
}

/**
 * How well the other names of a person meet a query naming the person. Another spelling of the whole
 * name is an alias (0.75); a part with the initial of another (Мұратұлы Е.) ranks below it and below a
 * transliteration of what was typed (0.7); a part of the name alone (the given name of a query that
 * named the person in full, or the given name in Chinese for one typed in Cyrillic) below that, above a
 * word with wrong letters (0.5).
 */
const INITIAL_FORM_QUALITY = 0.65;
const NAME_PART_QUALITY = 0.6;

const KAZAKH_LETTER = /[әғқңөұүһі]/;
const CYRILLIC_LETTER = /[а-я]/;

/**
 * A spelling of a name, or of a part of one. A part in Cyrillic meets its case forms (Ерлану, Жандосу,
 * Әйгерімге) by the stems they take, which for a name Snowball does not always give the nominative
 * (ерлан → ерла, ерлану → ерлан): see text/inflections.ts.
 */
function spelling(text: string, near: (key: string) => string[]): CompiledTerm | null {
  const term = compileTerm({ kind: 'phrase', text }, () => []);
  if (term?.kind !== 'sequence' || term.tokens.length !== 1 || term.compound || term.tokens[0]!.kind !== 'word') return term;
  const token = term.tokens[0]!;
  const language = KAZAKH_LETTER.test(token.exact) ? 'kk' : CYRILLIC_LETTER.test(token.exact) ? 'ru' : '';
  // An OCR slip in the other script's spelling (Даулеткызьі) must not hide it, as it does not hide what was typed.
  const fuzzy = nearKeys(token, near);
  return { kind: 'single', token, prefix: false, fuzzy, ...(language ? { stems: inflectedStems(token.exact, language) } : {}) };
}

/** Each key looked up once: a person's parts share keys across spellings (Ерлан, Yerlan). */
function memoized(near: (key: string) => string[]): (key: string) => string[] {
  const seen = new Map<string, string[]>();
  return (key) => {
    let found = seen.get(key);
    if (!found) seen.set(key, (found = near(key)));
    return found;
  };
}

/** A query naming a known person, or part of the name, also finds the person's other spellings (Chinese, pinyin, Cyrillic…). */
function withPersonAliases(clauses: CompiledClause[], persons: PersonNames | null, near: (key: string) => string[]): CompiledClause[] {
  if (!persons) return clauses;
  const nearOnce = memoized(near);
  const spell = (text: string) => spelling(text, nearOnce);
  return expandRuns(clauses, true, (run) => {
    const typedText = run.map((clause) => clause.source).join(' ');
    const found = persons.aliasesOf(typedText);
    if (!found) return null;
    const aliases: CompiledTerm[] = [];
    for (const name of found.names) {
      const slots = name.map((spellings): CompiledClause => ({ terms: spellings.map(spell).filter((t): t is CompiledTerm => t !== null), negated: false }));
      if (slots.every((slot) => slot.terms.length > 0)) aliases.push({ kind: 'group', clauses: slots, alias: true });
    }
    const seen = new Set<string>();
    const add = (text: string, quality: number) => {
      if (seen.has(text)) return;
      seen.add(text);
      const term = spell(text);
      if (term) aliases.push({ ...term, alias: true, quality });
    };
    for (const initial of found.initials) add(initial, INITIAL_FORM_QUALITY);
    for (const part of found.parts) add(part, NAME_PART_QUALITY);
    return { aliases };
  });
}

/** A term finding every meaningful word of a concept's phrase on the page, in any of its forms (a Chinese phrase in its order). */
function phraseTerm(phrase: ConceptPhrase): CompiledTerm | null {
  if (phrase.words.length === 0) return null;
  if (phrase.words.every((word) => word.token.kind === 'cjk')) return compileTerm({ kind: 'phrase', text: phrase.text }, () => []);
  const singles = phrase.words.map(
    ({ token, stems }): CompiledClause => ({ terms: [{ kind: 'single', token, prefix: false, fuzzy: [], stems }], negated: false }),
  );
  return singles.length === 1 ? singles[0]!.terms[0]! : { kind: 'group', clauses: singles };
}

/** The typed words of a run that named a concept, each also meeting the other forms of its word in the concept's phrase. */
function withStems(run: readonly CompiledClause[], phrase: ConceptPhrase): CompiledClause[] {
  let word = 0;
  return run.map((clause) => {
    const term = clause.terms[0]!;
    if (term.kind !== 'single' || !isPhraseWord(term.token)) {
      if (term.kind === 'sequence') word += term.tokens.filter(isPhraseWord).length;
      return clause;
    }
    const stems = phrase.words[word++]?.stems;
    return stems ? { ...clause, terms: [{ ...term, stems }] } : clause;
  });
}

/** A query that names a legal concept also finds it in the other languages, and the articles of law that are it. */
function withLegalConcepts(clauses: CompiledClause[]): CompiledClause[] {
  return expandRuns(clauses, false, (run, tokens) => {
    const typed = conceptPhraseOf(tokens);
    if (!typed) return null;
    const aliases: CompiledTerm[] = [];
    for (const phrase of phrasesOf(typed.concept)) {
      if (phrase === typed) continue;
      const term = phraseTerm(phrase);
      if (term) aliases.push({ ...term, alias: true });
    }
    for (const { law, article } of typed.concept.laws ?? []) aliases.push({ kind: 'law', law, article, fallback: null, alias: true });
    return { aliases, typed: withStems(run, typed) };
  });
}

/**
 * Compile a query; `near` gives index keys one or two letters from a key (fuzzy matching), `register` is
 * the law register (citations in the query become law terms), `persons` the known persons' spellings.
 */
export function compileQuery(
  query: string,
  near: (key: string) => string[] = () => [],
  register: CitableRegister | null = null,
  persons: PersonNames | null = null,
): CompiledQuery {
  const clauses: CompiledClause[] = [];
  const laws = register?.laws() ?? [];
  const mentions: Mention[] = [
    ...(register && laws.length ? findLawCitations([{ page: 1, text: query }], register) : []).map((c) => ({ start: c.start, end: c.end, law: c.law, article: c.article })),
    ...findDates(query),
  ];
  for (const clause of parseQuery(query, mentions)) {
    const terms = clause.terms.flatMap((term) => {
      const compiled = compileTerm(term, near, laws);
      if (!compiled) return [];
      const stop = compiled.kind === 'single' && isStopword(compiled.token.exact);
      return [compiled, ...(stop ? [] : aliasTerms(term))];
    });
    if (terms.length === 0) continue;
    const only = clause.terms.length === 1 && terms.length === 1 ? clause.terms[0]! : null;
    const typed = only && (only.kind === 'phrase' || (only.kind === 'word' && !only.prefix)) ? only.text : undefined;
    clauses.push({ terms, negated: clause.negated, ...(typed === undefined ? {} : { source: typed }) });
  }
  // Function words (о, в, of, the…) alone do not restrict the search, unless they are all there is.
  const isStop = (clause: CompiledClause) =>
    !clause.negated && clause.terms.every((t) => t.kind === 'single' && !t.prefix && isStopword(t.token.exact));
  const meaningful = clauses.filter((clause) => !isStop(clause));
  const kept = meaningful.some((clause) => !clause.negated) ? meaningful : clauses;
  if (!kept.some((clause) => !clause.negated)) {
    return { clauses: kept, problem: clauses.length === 0 ? null : 'only-exclusions' };
  }
  return { clauses: withLegalConcepts(withPersonAliases(kept, persons, near)), problem: null };
}
