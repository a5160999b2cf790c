import type { MatchForm } from '../../../shared/domain/search';
import { PLACES } from './places';
import { parseQuery, type Clause } from './query';
import { dateTag, ftsToken } from './searchIndex';
import { analyze, findDates, isStopword, type Token } from './text';

/**
 * From the parsed query to (a) an FTS5 MATCH expression that finds candidate pages and (b) matchers
 * that find, on one page's text, which words met the query and how (for ranking, snippets and
 * highlights). Both come from the same analysed query tokens, so what is found is what is shown.
 */

export type QueryToken = Pick<Token, 'exact' | 'stem' | 'key' | 'kind'>;

/** `alias`: another name of what the lawyer typed (a place's Kazakh, Chinese, Russian names). */
export type CompiledTerm = (
  | { kind: 'single'; token: QueryToken; prefix: boolean; fuzzy: string[] }
  | { kind: 'sequence'; tokens: QueryToken[]; compound: QueryToken | null }
  | { kind: 'date'; date: string; tokens: QueryToken[] }
) & { alias?: boolean };

export interface CompiledClause {
  terms: CompiledTerm[];
  negated: boolean;
}

export interface CompiledQuery {
  clauses: CompiledClause[];
  /** What is wrong with the query, in plain words; null when it can run. */
  problem: string | null;
}

/** Quality of each form, for ranking: an exact word outranks a stem, a stem a transliteration… */
export const FORM_QUALITY: Record<MatchForm, number> = { exact: 1, date: 1, stem: 0.85, alias: 0.75, translit: 0.7, fuzzy: 0.5 };

export function worseForm(a: MatchForm, b: MatchForm): MatchForm {
  return FORM_QUALITY[a] <= FORM_QUALITY[b] ? a : b;
}

export function betterForm(a: MatchForm | null, b: MatchForm): MatchForm {
  return a === null || FORM_QUALITY[b] > FORM_QUALITY[a] ? b : a;
}

function compileTerm(term: Clause['terms'][number], near: (key: string) => string[]): CompiledTerm | null {
  if (term.kind === 'date') {
    return { kind: 'date', date: term.date, tokens: analyze(term.text).filter((t) => t.kind !== 'compound') };
  }
  const tokens = analyze(term.text).filter((t) => ftsToken(t.exact));
  if (tokens.length === 0) return null;
  const compound = tokens.length > 1 && tokens.at(-1)!.kind === 'compound' && tokens.at(-1)!.start === tokens[0]!.start ? tokens.at(-1)! : null;
  const parts = tokens.filter((t) => t.kind !== 'compound');
  if (term.kind === 'word' && parts.length === 1 && !compound) {
    const token = parts[0]!;
    const fuzzy = !term.prefix && token.kind === 'word' ? near(token.key).filter((key) => key !== token.key) : [];
    // One Chinese character is the start of the bigrams that hold it.
    const lone = token.kind === 'cjk' && [...token.exact].length === 1;
    return { kind: 'single', token, prefix: term.prefix || lone, fuzzy };
  }
  return { kind: 'sequence', tokens: parts, compound };
}

/** The words of a name as the index keys them, so that any spelling of a listed name is recognised. */
function signature(text: string): string {
  return analyze(text)
    .filter((t) => t.kind !== 'compound')
    .map((t) => t.key)
    .join(' ');
}

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

/** Compile a query; `near` gives index keys one or two letters from a key (fuzzy matching). */
export function compileQuery(query: string, near: (key: string) => string[] = () => []): CompiledQuery {
  const clauses: CompiledClause[] = [];
  for (const clause of parseQuery(query, findDates(query))) {
    const terms = clause.terms.flatMap((term) => {
      const compiled = compileTerm(term, near);
      if (!compiled) return [];
      const stop = compiled.kind === 'single' && isStopword(compiled.token.exact);
      return [compiled, ...(stop ? [] : aliasTerms(term))];
    });
    if (terms.length > 0) clauses.push({ terms, negated: clause.negated });
  }
  // Function words (о, в, of, the…) alone do not restrict the search, unless they are all there is.
  const isStop = (clause: CompiledClause) =>
    !clause.negated && clause.terms.every((t) => t.kind === 'single' && !t.prefix && isStopword(t.token.exact));
  const meaningful = clauses.filter((clause) => !isStop(clause));
  const kept = meaningful.some((clause) => !clause.negated) ? meaningful : clauses;
  if (!kept.some((clause) => !clause.negated)) {
    return { clauses: kept, problem: clauses.length === 0 ? null : 'Add at least one word to look for; a query of exclusions alone finds nothing.' };
  }
  return { clauses: kept, problem: null };
}

const quote = (text: string) => `"${ftsToken(text)}"`;
const phrase = (tokens: readonly QueryToken[], pick: (t: QueryToken) => string) => `"${tokens.map((t) => ftsToken(pick(t))).join(' ')}"`;

function termExpression(term: CompiledTerm): string {
  const options = new Set<string>();
  if (term.kind === 'single') {
    const { token, prefix } = term;
    if (prefix) {
      options.add(`exact : ${quote(token.exact)} *`);
      if (token.key) options.add(`key : ${quote(token.key)} *`);
    } else {
      options.add(`exact : ${quote(token.exact)}`);
      options.add(`stem : ${quote(token.stem)}`);
      if (token.key) options.add(`key : ${quote(token.key)}`);
      for (const key of term.fuzzy) options.add(`key : ${quote(key)}`);
    }
  } else if (term.kind === 'sequence') {
    if (term.tokens.length > 0) {
      options.add(`exact : ${phrase(term.tokens, (t) => t.exact)}`);
      options.add(`stem : ${phrase(term.tokens, (t) => t.stem)}`);
      options.add(`key : ${phrase(term.tokens, (t) => t.key)}`);
    }
    if (term.compound) {
      options.add(`exact : ${quote(term.compound.exact)}`);
      options.add(`key : ${quote(term.compound.key)}`);
    }
  } else {
    options.add(`tags : ${quote(dateTag(term.date))}`);
    if (term.tokens.length > 0) options.add(`exact : ${phrase(term.tokens, (t) => t.exact)}`);
  }
  return `(${[...options].join(' OR ')})`;
}

function clauseExpression(clause: CompiledClause): string {
  return clause.terms.length === 1 ? termExpression(clause.terms[0]!) : `(${clause.terms.map(termExpression).join(' OR ')})`;
}

/**
 * The FTS5 expression: every positive clause (or, with `any`, at least one of them), and none of the
 * negated ones.
 */
export function ftsExpression(query: CompiledQuery, mode: 'all' | 'any' = 'all'): string {
  const positive = query.clauses.filter((clause) => !clause.negated).map(clauseExpression);
  const negative = query.clauses.filter((clause) => clause.negated).map(clauseExpression);
  let expression = positive.length === 1 ? positive[0]! : `(${positive.join(mode === 'all' ? ' AND ' : ' OR ')})`;
  for (const excluded of negative) expression += ` NOT ${excluded}`;
  return expression;
}

/** One place a term met the page: [start, end) in the page text, and how. */
export interface Match {
  start: number;
  end: number;
  form: MatchForm;
}

export interface PageTokens {
  tokens: Token[];
  /** the non-compound tokens, in order (sequences are matched on these) */
  plain: Token[];
  dates: ReturnType<typeof findDates>;
}

export function pageTokens(text: string): PageTokens {
  const tokens = analyze(text);
  return { tokens, plain: tokens.filter((t) => t.kind !== 'compound'), dates: findDates(text) };
}

function tokenForm(page: Token, query: QueryToken, fuzzy: readonly string[] = []): MatchForm | null {
  if (page.exact === query.exact) return 'exact';
  if (page.stem === query.stem) return 'stem';
  if (query.key && page.key === query.key) return 'translit';
  if (fuzzy.includes(page.key)) return 'fuzzy';
  return null;
}

function sequenceMatches(page: PageTokens, tokens: readonly QueryToken[]): Match[] {
  const out: Match[] = [];
  if (tokens.length === 0) return out;
  for (let i = 0; i + tokens.length <= page.plain.length; i++) {
    let form: MatchForm = 'exact';
    let ok = true;
    for (let j = 0; j < tokens.length && ok; j++) {
      const f = tokenForm(page.plain[i + j]!, tokens[j]!);
      if (f === null || f === 'fuzzy') ok = false;
      else form = worseForm(form, f);
    }
    if (ok) out.push({ start: page.plain[i]!.start, end: page.plain[i + tokens.length - 1]!.end, form });
  }
  return out;
}

/** Where one term meets the page. */
export function termMatches(page: PageTokens, term: CompiledTerm): Match[] {
  const matches = directMatches(page, term);
  return term.alias ? matches.map((match) => ({ ...match, form: 'alias' as const })) : matches;
}

function directMatches(page: PageTokens, term: CompiledTerm): Match[] {
  if (term.kind === 'single') {
    const out: Match[] = [];
    for (const token of page.plain) {
      let form: MatchForm | null;
      if (term.prefix) {
        form = token.exact.startsWith(term.token.exact) ? 'exact' : term.token.key && token.key.startsWith(term.token.key) ? 'translit' : null;
      } else {
        form = tokenForm(token, term.token, term.fuzzy);
      }
      if (form) out.push({ start: token.start, end: token.end, form });
    }
    return out;
  }
  if (term.kind === 'sequence') {
    const out = sequenceMatches(page, term.tokens);
    if (term.compound) {
      for (const token of page.tokens) {
        if (token.kind !== 'compound') continue;
        if (token.exact === term.compound.exact) out.push({ start: token.start, end: token.end, form: 'exact' });
        else if (token.key === term.compound.key) out.push({ start: token.start, end: token.end, form: 'translit' });
      }
    }
    return out;
  }
  const out = page.dates.filter((mention) => mention.date === term.date).map((m) => ({ start: m.start, end: m.end, form: 'date' as const }));
  return [...out, ...sequenceMatches(page, term.tokens).map((m) => ({ ...m, form: 'exact' as const }))];
}

/** Per positive clause, where it meets the page (empty when it does not). */
export function clauseMatches(page: PageTokens, query: CompiledQuery): Match[][] {
  return query.clauses.filter((clause) => !clause.negated).map((clause) => clause.terms.flatMap((term) => termMatches(page, term)));
}
