/**
 * Article references, before they are tied to an act:
 * - Russian and English name the article first and the act after it: «подпунктом 1) пункта 2 статьи 49»,
 *   «ч. 1 ст. 392», «статьями 397, 400», "sub-paragraph 1) of Article 49", "Articles 4 and 9", "Art. 29";
 * - Kazakh names the act first: «… Заңының 49-бабының 1) тармақшасы», «9 және 12-баптарына»;
 * - Chinese too: 《…》第十二条第一款, 第12条.
 * A range («статьями 159–161») is cited as its first article, as the casework's annotations do.
 */
import { editDistance, hyphenatedWord, isNum, isPunct, isWord, type PageText, type Token } from './lawText';
import { isBridgeWord } from './lawWords';

export interface ArticleRef {
  articles: string[];
  part?: string;
  sub?: string;
  /** [start, end) in the normalised text, qualifiers included */
  start: number;
  end: number;
  first: number;
  last: number;
  /** where its act is named: after it (Russian, English) or before it (Kazakh, Chinese) */
  actSide: 'after' | 'before';
}

const ARTICLE_WORD = /^(стат[ьъ](я|и|е|ю|ей|ям|ями|ях)|статей|ст|articles?|art|arts)$/;
const SUB_WORD = /^(по[дл][пн]ункт\p{L}*|подп|пп|subparagraphs?|subpara|subclauses?|subitems?)$/u;
const PART_WORD = /^(пункт\p{L}*|п|част(ь|и|ью|ей|ям|ями)|ч|paragraphs?|para|parts?|clauses?)$/u;
const CONJUNCTION = new Set(['и', 'and', '&', 'және', 'мен', 'также', 'а']);
/** бап, бабы, бабының, бабына, бабымен, баптары… (a number stands before it) */
const KAZAKH_ARTICLE = /^ба[пб]\p{L}*$/u;
const KAZAKH_SUB = /^тармақша/u;
const KAZAKH_PART = /^(тармақ|тармағ|бөлі[гк])/u;

/** The article word's full forms, for OCR's misread letter («статън», "Artiele"); the short ones must be exact. */
const ARTICLE_FORMS = ['статья', 'статьи', 'статье', 'статью', 'статьей', 'статьям', 'статьями', 'статьях', 'статей', 'article', 'articles'];
/** «бабы», «баптар» with one letter misread («лабына», «бабшна»): a number and a hyphen stand before it. */
const KAZAKH_ARTICLE_STEMS = ['бабы', 'бапт'];

function isArticleWord(token: Token | undefined): boolean {
  if (!isWord(token)) return false;
  const t = token.text;
  return ARTICLE_WORD.test(t) || (t.length >= 6 && t.length <= 9 && ARTICLE_FORMS.some((form) => editDistance(t, form, 1) <= 1));
}

function isKazakhArticleWord(tokens: readonly Token[], b: number): boolean {
  const t = tokens[b]!.text;
  if (KAZAKH_ARTICLE.test(t)) return true;
  const numbered = isPunct(tokens[b - 1], '-') && isNum(tokens[b - 2]);
  return numbered && t.length >= 4 && KAZAKH_ARTICLE_STEMS.some((stem) => editDistance(t.slice(0, 4), stem, 1) <= 1);
}

interface Parsed {
  articles: string[];
  part?: string;
  /** index after the last token consumed */
  next: number;
}

/** One article number with what follows it: 9-1 (an article of its own), 159–161 (a range), 49(1). */
function parseNumber(tokens: readonly Token[], j: number): { article: string; part?: string; next: number } | null {
  const head = tokens[j];
  if (!isNum(head) || head.text.length > 4 || head.text.startsWith('0')) return null;
  let article = head.text;
  let next = j + 1;
  const dash = tokens[next];
  const second = tokens[next + 1];
  if (isPunct(dash, '-–') && isNum(second) && second.text.length <= 4) {
    const glued = !dash.space && !second.space && dash.text === '-';
    if (glued && Number(second.text) <= Number(article)) article += `-${second.text}`;
    next += 2;
  }
  // a date (22.07.2011) or a year (2011 года) is no article
  if (isPunct(tokens[next], '.') && isNum(tokens[next + 1]) && !tokens[next]!.space) return null;
  if (isWord(tokens[next]) && /^(года|год|г|жылғы|year)$/.test(tokens[next]!.text)) return null;
  let part: string | undefined;
  if (isPunct(tokens[next], '(') && !tokens[next]!.space && isNum(tokens[next + 1]) && isPunct(tokens[next + 2], ')')) {
    part = tokens[next + 1]!.text;
    next += 3;
  }
  return { article, part, next };
}

function parseList(tokens: readonly Token[], j: number): Parsed | null {
  const first = parseNumber(tokens, j);
  if (!first) return null;
  const parsed: Parsed = { articles: [first.article], part: first.part, next: first.next };
  for (;;) {
    let k = parsed.next;
    if (isPunct(tokens[k], ',;')) k++;
    while (isWord(tokens[k]) && CONJUNCTION.has(tokens[k]!.text)) k++;
    if (k === parsed.next) break;
    const more = parseNumber(tokens, k);
    if (!more) break;
    parsed.articles.push(more.article);
    parsed.next = more.next;
  }
  return parsed;
}

/** «подпунктом 1) пункта 2» / "sub-paragraph 1) of paragraph 2 of" before the article word. */
function qualifiersBefore(tokens: readonly Token[], k: number): { part?: string; sub?: string; first: number } {
  const found: { part?: string; sub?: string; first: number } = { first: k };
  let q = k - 1;
  for (let round = 0; round < 3; round++) {
    if (isWord(tokens[q]) && tokens[q]!.text === 'of') q--;
    if (isPunct(tokens[q], ')')) q--;
    if (!isNum(tokens[q])) break;
    const number = tokens[q]!.text;
    q--;
    if (isPunct(tokens[q], '.')) q--;
    const word = tokens[q];
    if (!isWord(word)) break;
    let kind: 'sub' | 'part' | null = SUB_WORD.test(word.text) ? 'sub' : PART_WORD.test(word.text) ? 'part' : null;
    if (kind === 'part' && isPunct(tokens[q - 1], '-') && tokens[q - 2]?.text === 'sub') {
      kind = 'sub';
      q -= 2;
    }
    if (!kind) break;
    found[kind] ??= number;
    found.first = q;
    q--;
  }
  return found;
}

/** «ст. 392 ч. 1 УК РК», "Article 49, paragraph 1, subparagraph 1)": the part after the article. */
function qualifiersAfter(tokens: readonly Token[], j: number): { part?: string; sub?: string; next: number } {
  const found: { part?: string; sub?: string; next: number } = { next: j };
  for (let round = 0; round < 2; round++) {
    let q = found.next;
    if (isPunct(tokens[q], ',')) q++;
    const word = tokens[q];
    if (!isWord(word)) break;
    const kind = SUB_WORD.test(word.text) ? 'sub' : PART_WORD.test(word.text) ? 'part' : null;
    if (!kind) break;
    q++;
    if (isPunct(tokens[q], '.')) q++;
    if (!isNum(tokens[q])) break;
    const number = tokens[q]!.text;
    q++;
    if (isPunct(tokens[q], ')')) q++;
    // «статьи 9, пункта 3 статьи 12»: that part is the next article's
    if (isArticleWord(tokens[q])) break;
    found[kind] ??= number;
    found.next = q;
  }
  return found;
}

function russianOrEnglish(tokens: readonly Token[], k: number): ArticleRef | null {
  let j = k + 1;
  if (isPunct(tokens[j], '.')) j++;
  if (isPunct(tokens[j], ':')) j++;
  // OCR junk between the word and the number («статьями Sia 400»)
  if (!isNum(tokens[j]) && isWord(tokens[j]) && tokens[j]!.text.length <= 3 && !isBridgeWord(tokens[j]!.text) && isNum(tokens[j + 1])) j++;
  const list = parseList(tokens, j);
  if (!list) return null;
  const before = qualifiersBefore(tokens, k);
  const after = list.articles.length === 1 ? qualifiersAfter(tokens, list.next) : { next: list.next };
  return {
    articles: list.articles,
    part: before.part ?? list.part ?? after.part,
    sub: before.sub ?? after.sub,
    start: tokens[before.first]!.start,
    end: tokens[after.next - 1]!.end,
    first: before.first,
    last: after.next - 1,
    actSide: 'after',
  };
}

/** «49-бабының 1) тармақшасы», «9-бабының 2-тармағы», «392-бабының 1-бөлігі» */
function kazakh(tokens: readonly Token[], b: number): ArticleRef | null {
  let n = b - 1;
  if (isPunct(tokens[n], '-')) n--;
  if (!isNum(tokens[n]) || tokens[n]!.text.length > 4) return null;
  let article = tokens[n]!.text;
  let first = n;
  // 49-1-бабы is article 49-1; 159–161-баптары is a range, cited as 159
  if (isPunct(tokens[n - 1], '-–') && isNum(tokens[n - 2])) {
    const lead = tokens[n - 2]!.text;
    article = tokens[n - 1]!.text === '-' && Number(article) <= Number(lead) ? `${lead}-${article}` : lead;
    first = n - 2;
  }
  const articles = [article];
  // 9 және 12-баптары, 9, 12-баптары
  for (let p = first - 1; ; ) {
    let q = p;
    if (isPunct(tokens[q], ',')) q--;
    else if (isWord(tokens[q]) && CONJUNCTION.has(tokens[q]!.text)) q--;
    else break;
    if (isPunct(tokens[q], '-')) q--;
    if (!isNum(tokens[q]) || tokens[q]!.text.length > 4) break;
    articles.unshift(tokens[q]!.text);
    first = q;
    p = q - 1;
  }
  const ref: ArticleRef = { articles, start: tokens[first]!.start, end: tokens[b]!.end, first, last: b, actSide: 'before' };
  for (let j = b + 1, round = 0; round < 2; round++) {
    if (!isNum(tokens[j])) break;
    const number = tokens[j]!.text;
    const mark = tokens[j + 1];
    const word = tokens[j + 2];
    if (!isWord(word)) break;
    if (isPunct(mark, ')') && KAZAKH_SUB.test(word.text)) ref.sub ??= number;
    else if (isPunct(mark, '-') && KAZAKH_PART.test(word.text)) ref.part ??= number;
    else break;
    ref.last = j + 2;
    ref.end = word.end;
    j += 3;
  }
  return ref;
}

const ZH_NUMBER = '[一二三四五六七八九十百千零〇两\\d]+';
const ZH_ARTICLE = new RegExp(`第(${ZH_NUMBER})条(?:第(${ZH_NUMBER})款)?(?:第(${ZH_NUMBER})项)?`, 'gu');
const ZH_DIGITS = new Map(Object.entries({ 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }));
const ZH_UNITS = new Map(Object.entries({ 十: 10, 百: 100, 千: 1000 }));

/** 十二 → 12, 二十 → 20, 一百零五 → 105; Arabic digits as they are. */
export function chineseNumber(text: string): string {
  if (/^\d+$/.test(text)) return text;
  let total = 0;
  let digit = 0;
  for (const c of text) {
    const unit = ZH_UNITS.get(c);
    if (unit) {
      total += (digit || 1) * unit;
      digit = 0;
    } else {
      digit = ZH_DIGITS.get(c) ?? Number(c);
    }
  }
  return String(total + digit);
}

function chinese(page: PageText): ArticleRef[] {
  const refs: ArticleRef[] = [];
  for (const m of page.text.matchAll(ZH_ARTICLE)) {
    const start = m.index;
    const end = start + m[0].length;
    refs.push({
      articles: [chineseNumber(m[1]!)],
      part: m[2] ? chineseNumber(m[2]) : undefined,
      sub: m[3] ? chineseNumber(m[3]) : undefined,
      start,
      end,
      first: page.tokens.findIndex((t) => t.start >= start),
      last: page.tokens.findLastIndex((t) => t.end <= end),
      actSide: 'before',
    });
  }
  return refs;
}

/** «ста-\nтьи», "Art-\nicles": an article word hyphenated at a line's end, read from its first half. */
function brokenArticleWord(tokens: readonly Token[], k: number): ArticleRef | null {
  const joined = hyphenatedWord(tokens, k);
  if (!joined || !isArticleWord(joined)) return null;
  const ref = russianOrEnglish(tokens, k + 2);
  return ref && { ...ref, start: Math.min(ref.start, joined.start), first: Math.min(ref.first, k) };
}

export function findArticleRefs(page: PageText): ArticleRef[] {
  const { tokens } = page;
  const refs: ArticleRef[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (!isWord(token)) continue;
    const ref = (isArticleWord(token) ? russianOrEnglish(tokens, k) : isKazakhArticleWord(tokens, k) ? kazakh(tokens, k) : null) ?? brokenArticleWord(tokens, k);
    if (!ref) continue;
    refs.push(ref);
    k = Math.max(k, ref.last);
  }
  return [...refs, ...chinese(page)].sort((a, b) => a.start - b.start);
}
