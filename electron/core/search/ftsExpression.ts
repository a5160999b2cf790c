import type { CompiledClause, CompiledQuery, CompiledTerm, QueryToken } from './compile';
import { dateTag, ftsToken, lawTag } from './searchIndex';

/**
 * The compiled query written as an FTS5 MATCH expression, which finds the candidate pages; apart from
 * compile.ts because the index's syntax is one concern and reading what the lawyer typed another.
 */

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
      for (const stem of term.stems ?? []) options.add(`stem : ${quote(stem)}`);
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
  } else if (term.kind === 'group') {
    options.add(`(${term.clauses.map(clauseExpression).join(' AND ')})`);
  } else if (term.kind === 'law') {
    options.add(`tags : ${quote(lawTag(term.law, term.article))}`);
    if (term.fallback) options.add(termExpression(term.fallback));
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
