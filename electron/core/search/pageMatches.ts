import type { MatchForm } from '../../../shared/domain/search';
import type { LawCitation } from '../extract/types';
import type { CompiledQuery, CompiledTerm, QueryToken } from './compile';
import { analyze, findDates, hasNameEnding, type Token } from '../text';

/**
 * Where a compiled query meets one page's text: which words met each clause and how (exact, stem,
 * transliteration, another name…), for ranking, snippets and highlights.
 */

/** Quality of each form, for ranking: an exact word outranks a stem, a stem a transliteration… */
export const FORM_QUALITY: Record<MatchForm, number> = { exact: 1, date: 1, stem: 0.85, alias: 0.75, law: 0.75, translit: 0.7, fuzzy: 0.5 };

export function worseForm(a: MatchForm, b: MatchForm): MatchForm {
  return FORM_QUALITY[a] <= FORM_QUALITY[b] ? a : b;
}

/** One place a term met the page: [start, end) in the page text, and how. */
export interface Match {
  start: number;
  end: number;
  form: MatchForm;
  /** the match's quality when not its form's (see CompiledTerm) */
  quality?: number;
}

/** How well a match meets the query, for ranking. */
export function matchQuality(match: Match): number {
  return match.quality ?? FORM_QUALITY[match.form];
}

export interface PageTokens {
  tokens: Token[];
  /** the non-compound tokens, in order (sequences are matched on these) */
  plain: Token[];
  /** the page's dates (found on first use: only queries naming a date need them) */
  dates(): ReturnType<typeof findDates>;
  /** the page's law citations (looked up on first use: only queries naming a law need them) */
  laws(): ReadonlyArray<Pick<LawCitation, 'law' | 'article' | 'start' | 'end'>>;
}

/** `citations` gives the page's law citations (as found when it was indexed). */
export function pageTokens(text: string, citations: () => ReadonlyArray<Pick<LawCitation, 'law' | 'article' | 'start' | 'end'>> = () => []): PageTokens {
  const tokens = analyze(text);
  let cached: ReadonlyArray<Pick<LawCitation, 'law' | 'article' | 'start' | 'end'>> | null = null;
  let dates: ReturnType<typeof findDates> | null = null;
  return {
    tokens,
    plain: tokens.filter((t) => t.kind !== 'compound'),
    dates: () => (dates ??= findDates(text)),
    laws: () => (cached ??= citations()),
  };
}

function tokenForm(page: Token, query: QueryToken, fuzzy: readonly string[] = [], stems: readonly string[] = []): MatchForm | null {
  if (page.exact === query.exact) return 'exact';
  if (page.stem === query.stem || stems.includes(page.stem)) return 'stem';
  if (query.key && page.key === query.key && hasNameEnding(page.exact) === hasNameEnding(query.exact)) return 'translit';
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
  if (!term.alias) return matches;
  return matches.map((match) => ({ ...match, form: 'alias' as const, ...(term.quality === undefined ? {} : { quality: term.quality }) }));
}

function directMatches(page: PageTokens, term: CompiledTerm): Match[] {
  if (term.kind === 'single') {
    const out: Match[] = [];
    for (const token of page.plain) {
      let form: MatchForm | null;
      if (term.prefix) {
        form = token.exact.startsWith(term.token.exact) ? 'exact' : term.token.key && token.key.startsWith(term.token.key) ? 'translit' : null;
      } else {
        form = tokenForm(token, term.token, term.fuzzy, term.stems);
      }
      if (form) out.push({ start: token.start, end: token.end, form });
    }
    return out;
  }
  if (term.kind === 'group') {
    const each = term.clauses.map((clause) => clause.terms.flatMap((t) => termMatches(page, t)));
    return each.every((matches) => matches.length > 0) ? each.flat() : [];
  }
  if (term.kind === 'law') {
    // The words as typed (477-IV) where the page has them; a citation of the law only where it cites it
    // otherwise (by its title, in another language): a citation runs to 17 words, and highlighting all of
    // them for "477-IV" hid the number the lawyer looked for.
    const typed = term.fallback ? directMatches(page, term.fallback) : [];
    const cited = page
      .laws()
      .filter((c) => c.law === term.law && (term.article === null || c.article === term.article))
      .filter((c) => !typed.some((m) => m.start >= c.start && m.end <= c.end))
      .map((c) => ({ start: c.start, end: c.end, form: 'law' as const }));
    return [...cited, ...typed];
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
  const out = page.dates().filter((mention) => mention.date === term.date).map((m) => ({ start: m.start, end: m.end, form: 'date' as const }));
  return [...out, ...sequenceMatches(page, term.tokens).map((m) => ({ ...m, form: 'exact' as const }))];
}

/** Per positive clause, where it meets the page (empty when it does not). */
export function clauseMatches(page: PageTokens, query: CompiledQuery): Match[][] {
  return query.clauses.filter((clause) => !clause.negated).map((clause) => clause.terms.flatMap((term) => termMatches(page, term)));
}
