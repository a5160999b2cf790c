/**
 * The query language, as a lawyer types it:
 *
 *   Айгерим Даулеткызы          both words (in any script, any form, one or two letters off)
 *   "проездной документ"        the words next to each other, in this order
 *   доку*                       words starting with доку
 *   -черновик                   pages without this word
 *   Askaruly OR Асқарұлы        either
 *   477-IV  3-1-17/Б-1234       law and outgoing numbers are one term each
 *   02.04.2021, 2 April 2021    a date, found however the page writes it
 *
 * Parsing never fails: a stray quote closes at the end, a lone `-` or `OR` is a word. What the
 * words mean (folding, stems, keys, dates) is decided later, by the analyser.
 */

export type Term =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string }
  | { kind: 'date'; text: string; date: string }
  | { kind: 'law'; text: string; law: string; article: string | null };

/** Something the analyser recognised in the query text: a date, a law citation. */
export type Mention = { start: number; end: number } & ({ date: string } | { law: string; article: string | null });

/** Terms joined by OR; a negated clause excludes pages that meet it. */
export interface Clause {
  terms: Term[];
  negated: boolean;
}

interface Item {
  term: Term;
  negated: boolean;
  start: number;
  end: number;
  /** the item was joined to the previous one by OR */
  or: boolean;
}

const SPACE = /\s/u;

function lex(query: string): Array<{ text: string; quoted: boolean; start: number; end: number }> {
  const out: Array<{ text: string; quoted: boolean; start: number; end: number }> = [];
  let i = 0;
  while (i < query.length) {
    if (SPACE.test(query[i]!)) {
      i++;
      continue;
    }
    const start = i;
    // "-" directly before a quote negates the phrase
    const quoteAt = query[i] === '"' ? i : query[i] === '-' && query[i + 1] === '"' ? i + 1 : -1;
    if (quoteAt >= 0) {
      const close = query.indexOf('"', quoteAt + 1);
      const end = close < 0 ? query.length : close + 1;
      out.push({ text: query.slice(start, end), quoted: true, start, end });
      i = end;
      continue;
    }
    while (i < query.length && !SPACE.test(query[i]!) && query[i] !== '"') i++;
    out.push({ text: query.slice(start, i), quoted: false, start, end: i });
  }
  return out;
}

/**
 * The query as clauses (AND between them). `mentions` are the dates and law citations the analyser
 * found in the query text ([start, end) offsets): the plain words each covers become one term.
 */
export function parseQuery(query: string, mentions: readonly Mention[] = []): Clause[] {
  const items: Item[] = [];
  let pendingOr = false;
  for (const lexeme of lex(query)) {
    let text = lexeme.text;
    if (!lexeme.quoted && (text === 'OR' || text === '|') && items.length > 0) {
      pendingOr = true;
      continue;
    }
    let negated = false;
    if (text.length > 1 && text.startsWith('-')) {
      negated = true;
      text = text.slice(1);
    }
    let term: Term;
    if (lexeme.quoted) {
      const inner = text.replace(/^"/, '').replace(/"$/, '').trim();
      if (!inner) continue;
      term = { kind: 'phrase', text: inner };
    } else {
      const prefix = text.length > 1 && text.endsWith('*');
      const word = text.replace(/\*+$/, '');
      if (!word) continue;
      term = { kind: 'word', text: word, prefix };
    }
    items.push({ term, negated, start: lexeme.start, end: lexeme.end, or: pendingOr });
    pendingOr = false;
  }

  // Plain words covered by one mention (2 April 2021; статья 9 закона о беженцах) become one term.
  for (const mention of mentions) {
    const covered = items.filter(
      (item) => !item.negated && item.term.kind === 'word' && !item.term.prefix && item.end > mention.start && item.start < mention.end,
    );
    if (covered.length === 0 || covered.some((item) => item.start < mention.start - 1 || item.end > mention.end + 1)) continue;
    const first = covered[0]!;
    const last = covered.at(-1)!;
    if (items.indexOf(last) - items.indexOf(first) !== covered.length - 1) continue;
    const text = query.slice(first.start, last.end);
    const merged: Item = {
      term: 'date' in mention ? { kind: 'date', text, date: mention.date } : { kind: 'law', text, law: mention.law, article: mention.article },
      negated: false,
      start: first.start,
      end: last.end,
      or: first.or,
    };
    items.splice(items.indexOf(first), covered.length, merged);
  }

  const clauses: Clause[] = [];
  for (const item of items) {
    const previous = clauses.at(-1);
    if (item.or && previous && previous.negated === item.negated) previous.terms.push(item.term);
    else clauses.push({ terms: [item.term], negated: item.negated });
  }
  return clauses;
}
