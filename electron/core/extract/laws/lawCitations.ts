/**
 * Law citations in a document's pages, each tied to a register act and article (+ part, sub-paragraph):
 * the article references (articleRefs) meet the acts the page names (lawNames) across the words legal
 * writing puts between them («статьи 49 Закона Республики Казахстан от 22 июля 2011 года № 477-IV
 * «О миграции населения»», ««Босқындар туралы» ҚР Заңының 9-бабы», "Article 28 of the Convention").
 * An act named with no article is a citation with `article: null`.
 */
import type { LawCitation, Law, PageInput } from '../types';
import { stem } from '../../text';
import { findArticleRefs, type ArticleRef } from './articleRefs';
import type { LawMention } from './lawMention';
import { findLawMentions, type CitableRegister, type CompiledRegister } from './lawNames';
import { hyphenatedWord, isPunct, isWord, pageSpan, readPage, type PageText, type Token } from './lawText';
import { actKind, isBridgeWord, isPluralAct, isQualifier, type ActKind } from './lawWords';

/** One act named once: its title and number a few words apart are one mention of it. */
interface ActMention {
  law: Law;
  start: number;
  end: number;
  first: number;
  last: number;
  strong: boolean;
  confidence: number;
  cited: boolean;
}

/** Articles listed together («статьи 9 и статьи 12», "Articles 4 and 9"): they share one act. */
interface ArticleChain {
  refs: ArticleRef[];
  first: number;
  last: number;
  actSide: 'after' | 'before';
}

/** Longest stretch of words between an article and its act, in normalised characters. */
const MAX_GAP = 160;
const DETERMINERS = new Set([
  'указанного', 'названного', 'данного', 'этого', 'того', 'упомянутого', 'вышеуказанного', 'вышеназванного',
  'указанной', 'названной', 'данной', 'этой', 'той', 'упомянутой', 'вышеуказанной', 'вышеназванной',
  'said', 'that', 'this', 'aforementioned', 'above-mentioned', 'аталған', 'осы', 'көрсетілген', 'жоғарыда',
]);
const CHAIN_GLUE = new Set(['и', 'and', 'а', 'также', 'және', 'мен', 'as', 'well']);
/** Words that join two things: what stands on either side of one is not one citation. */
const CONJUNCTIONS = new Set(['и', 'and', 'а', 'также', 'және', 'мен', 'or', 'или', 'немесе', 'либо']);

/**
 * Whether the tokens [from, to] may stand between an article and its act: dates, numbers, «Республики
 * Казахстан», act words, punctuation, and a word or two OCR made unreadable («А7Т7АУ»); a conjunction
 * only where it joins acts an article is shared by (`joining`).
 */
function bridges(tokens: readonly Token[], from: number, to: number, joining = false): boolean {
  if (to < from) return true;
  if (tokens[to]!.end - tokens[from]!.start > MAX_GAP) return false;
  // one misread word in a short stretch, two in a long one («от 22 июля ИІ года № 4771V»)
  const allowed = to - from >= 7 ? 2 : 1;
  let unknown = 0;
  for (let j = from; j <= to; j++) {
    const t = tokens[j]!;
    if (sentenceEnds(tokens, j)) return false;
    // "Article 12 of the Constitution and the Law …", «статьи 4 Закона «О правовых актах» и Закона …»:
    // a conjunction, or a title in quotes that names no act of the register, means the article is another act's.
    if (isWord(t) && CONJUNCTIONS.has(t.text) && !joining) return false;
    if (isPunct(t, '"') && isWord(tokens[j + 1]) && !tokens[j + 1]!.space) return false;
    if (t.kind === 'num' || (t.kind === 'punct' && t.text !== ';')) continue;
    if (t.kind === 'word' && isBridgeWord(t.text)) continue;
    // «Респуб-\nлики»: a word hyphenated at a line's end
    const joined = t.kind === 'word' && j + 2 <= to ? hyphenatedWord(tokens, j) : null;
    if (joined && isBridgeWord(joined.text)) {
      j += 2;
      continue;
    }
    // a speck read as a letter or two (not «и», "and", which join two things)
    if (t.kind === 'word' && t.text.length <= 2 && !CHAIN_GLUE.has(t.text) && t.text !== 'or') continue;
    if (++unknown > allowed) return false;
  }
  return true;
}

/** Abbreviations a full stop ends without ending the sentence: «г.», «ст.», "No." */
const ABBREVIATED = new Set(['г', 'гг', 'ст', 'п', 'ч', 'ж', 'no', 'n', 'nr', 'art', 'обл', 'р', 'им']);

function sentenceEnds(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  const next = tokens[j + 1];
  if (!isPunct(t, '.!?') || !isWord(next) || next.printed[0] === next.printed[0]!.toLowerCase()) return false;
  const before = tokens[j - 1];
  return !(isWord(before) && ABBREVIATED.has(before.text));
}

function groupActs(tokens: readonly Token[], mentions: readonly LawMention[], refs: readonly ArticleRef[]): ActMention[] {
  const acts: ActMention[] = [];
  for (const m of mentions) {
    const previous = acts.at(-1);
    const between = previous && refs.some((r) => r.start >= previous.end && r.end <= m.start);
    if (previous && previous.law === m.law && !between && bridges(tokens, previous.last + 1, m.first - 1)) {
      previous.end = m.end;
      previous.last = m.last;
      previous.strong ||= m.strong;
      previous.confidence = Math.max(previous.confidence, m.confidence);
      continue;
    }
    acts.push({ law: m.law, start: m.start, end: m.end, first: m.first, last: m.last, strong: m.strong, confidence: m.confidence, cited: false });
  }
  return acts;
}

function chainArticles(tokens: readonly Token[], refs: readonly ArticleRef[]): ArticleChain[] {
  const chains: ArticleChain[] = [];
  for (const ref of refs) {
    const chain = chains.at(-1);
    if (chain && chain.actSide === ref.actSide && glued(tokens, chain.last + 1, ref.first - 1)) {
      chain.refs.push(ref);
      chain.last = ref.last;
      continue;
    }
    chains.push({ refs: [ref], first: ref.first, last: ref.last, actSide: ref.actSide });
  }
  return chains;
}

function glued(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let j = from; j <= to; j++) {
    const t = tokens[j]!;
    if (!isPunct(t, ',、，及和') && !(isWord(t) && CHAIN_GLUE.has(t.text)) && !(t.kind === 'han' && '及和'.includes(t.text))) return false;
  }
  return true;
}

/** Words after an act word that begin its own name: "Convention against Torture", «Закона «О свободе…»». */
const NAMING_WORDS = new Set(['against', 'on', 'relating', 'for', 'concerning', 'о', 'об', 'против', 'по', 'относительно', '"']);

/** An act word that stands for an act named before: the act itself when the document defined the word, else its kind. */
interface Antecedent {
  token: number;
  law: Law | null;
  kind: ActKind | null;
  determined: boolean;
}

/**
 * The act word standing for an act named earlier, right after (or, in Kazakh, before) articles that
 * name no act themselves: "of the Convention", «указанного Закона», «аталған Заңның», or a word the
 * document defined («(далее – Закон)»). Null when that word goes on to name some other act.
 */
function anaphor(tokens: readonly Token[], chain: ArticleChain, defined: ReadonlyMap<string, Law>): Antecedent | null {
  const step = chain.actSide === 'after' ? 1 : -1;
  let determined = false;
  for (let j = chain.actSide === 'after' ? chain.last + 1 : chain.first - 1, seen = 0; j >= 0 && j < tokens.length && seen < 4; j += step, seen++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' || (isWord(t) && ['of', 'the'].includes(t.text))) continue;
    if (isWord(t) && DETERMINERS.has(t.text)) {
      determined = true;
      continue;
    }
    if (!isWord(t) || namesAnother(tokens, j, step)) return null;
    const law = defined.get(definitionKey(t.text));
    if (law) return { token: j, law, kind: null, determined };
    const kind = actKind(t.text);
    return kind ? { token: j, law: null, kind, determined } : null;
  }
  return null;
}

function namesAnother(tokens: readonly Token[], j: number, step: 1 | -1): boolean {
  let k = j + step;
  while (isWord(tokens[k]) && isQualifier(tokens[k]!.text)) k += step;
  const t = tokens[k];
  if (!t) return false;
  if (step === 1) return (isWord(t) || isPunct(t, '"')) && NAMING_WORDS.has(t.text);
  // Kazakh names an act before its act word: «Азаптауларға қарсы Конвенцияның»
  return isPunct(t, '"') || (t.kind === 'word' && !isBridgeWord(t.text) && !DETERMINERS.has(t.text));
}

const definitionKey = (word: string) => stem(word);

/** «(далее – Закон)», "(hereinafter the Law)", «(бұдан әрі – Заң)» after an act: the word the document then calls it by. */
function definitions(tokens: readonly Token[], acts: readonly ActMention[], defined: Map<string, Law>): void {
  for (const act of acts) {
    let j = act.last + 1;
    while (isPunct(tokens[j], '",')) j++;
    if (!isPunct(tokens[j], '(')) continue;
    j++;
    if (!isWord(tokens[j]) || !['далее', 'hereinafter', 'бұдан'].includes(tokens[j]!.text)) continue;
    j++;
    while (isPunct(tokens[j], '-–:,') || (isWord(tokens[j]) && ['әрі', 'the', 'referred', 'to', 'as', 'именуемый', 'по', 'тексту'].includes(tokens[j]!.text))) j++;
    if (isWord(tokens[j])) defined.set(definitionKey(tokens[j]!.text), act.law);
  }
}

interface Tie {
  acts: Array<{ law: Law; mention: ActMention | null }>;
  /** [start, end) of the whole citation, normalised */
  start: number;
  end: number;
  confidence: number;
}

/** An act named on a page, of the register (`law`) or not (null): what a later «указанного Закона» may stand for. */
interface NamedAct {
  token: number;
  kind: ActKind;
  law: Law | null;
}

interface DocumentSoFar {
  /** acts named on the pages before this one, in order */
  named: NamedAct[];
  defined: Map<string, Law>;
}

const ADJECTIVE_ENDING = /(ого|его|ому|ему|ый|ий|ой|ая|яя|ую|ым|им|ых|их)$/;

/**
 * Acts the page names that the register does not hold, by the act word that names them: «Трудового
 * кодекса», «Конвенцию против пыток», "the Convention against Torture", «Закон «О правовых актах»»,
 * "the Labour Code". They matter as what a later act word stands for: after the Convention against
 * Torture, "Article 3 of the Convention" is not the Refugee Convention's.
 */
function foreignActs(tokens: readonly Token[], acts: readonly ActMention[]): NamedAct[] {
  const out: NamedAct[] = [];
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j]!;
    // «Конве-\nнцию против пыток»: an act word hyphenated at a line's end
    const joined = hyphenatedWord(tokens, j);
    const kind = isWord(t) ? (actKind(t.text) ?? (joined ? actKind(joined.text) : null)) : null;
    if (!kind || acts.some((a) => a.first <= j + 1 && j - 1 <= a.last)) continue;
    const end = kind === actKind(t.text) ? j : j + 2;
    const before = tokens[j - 1];
    const namedBefore =
      isWord(before) &&
      before.text.length >= 4 &&
      !DETERMINERS.has(before.text) &&
      !isBridgeWord(before.text) &&
      (ADJECTIVE_ENDING.test(before.text) || (/\p{Lu}/u.test(before.printed[0]!) && /^[a-z]/.test(before.text)));
    if (namesAnother(tokens, end, 1) || namedBefore) out.push({ token: j, kind, law: null });
  }
  return out;
}

function tie(page: PageText, chain: ArticleChain, acts: readonly ActMention[], named: readonly NamedAct[], document: DocumentSoFar): Tie | null {
  const { tokens } = page;
  const chainStart = tokens[chain.first]!.start;
  const chainEnd = tokens[chain.last]!.end;
  const direct = (tied: ActMention[], confidence: number): Tie => ({
    acts: tied.map((mention) => ({ law: mention.law, mention })),
    start: Math.min(chainStart, tied[0]!.start),
    end: Math.max(chainEnd, tied.at(-1)!.end),
    confidence,
  });
  if (chain.actSide === 'after') {
    const next = acts.find((a) => a.first > chain.last);
    if (next && bridges(tokens, chain.last + 1, next.first - 1)) {
      const tied = [next];
      // «статьи 9 законов «О беженцах» и «О миграции населения»»: a plural act word shares the article.
      const plural = tokens.slice(chain.last + 1, next.first).some((t) => isWord(t) && isPluralAct(t.text));
      for (let i = acts.indexOf(next) + 1; plural && i < acts.length; i++) {
        const more = acts[i]!;
        if (!bridges(tokens, tied.at(-1)!.last + 1, more.first - 1, true) || more.first - tied.at(-1)!.last > 6) break;
        tied.push(more);
      }
      return direct(tied, plural && tied.length > 1 ? 0.8 : 1);
    }
  } else {
    const previous = acts.findLast((a) => a.last < chain.first);
    const gapOk = previous && (tokens[chain.first]!.kind === 'han' ? hanGap(page, previous.end, chainStart) : bridges(tokens, previous.last + 1, chain.first - 1));
    if (previous && gapOk) return direct([previous], 1);
  }
  const antecedent = anaphor(tokens, chain, document.defined);
  if (antecedent) {
    const before = [...document.named, ...named.filter((n) => n.token < chain.first)];
    // the act named last of that kind, unless it is one the register does not hold
    const law = antecedent.law ?? (antecedent.determined || antecedent.kind !== 'law' ? before.findLast((n) => n.kind === antecedent.kind)?.law ?? undefined : undefined);
    if (law) {
      const word = tokens[antecedent.token]!;
      return { acts: [{ law, mention: null }], start: Math.min(chainStart, word.start), end: Math.max(chainEnd, word.end), confidence: antecedent.law ? 0.85 : 0.75 };
    }
  }
  // "the Criminal Code, Article 392", «Закона «О беженцах» (ст. 12)»: an act right before, a comma or bracket between.
  if (chain.actSide === 'after') {
    const previous = acts.findLast((a) => a.last < chain.first);
    if (previous && chain.first - previous.last <= 3 && tokens.slice(previous.last + 1, chain.first).every((t) => isPunct(t, '",(:'))) {
      return direct([previous], 0.85);
    }
  }
  return null;
}

/** Between a Chinese title and 第…条 only its closing bracket and other articles' marks. */
function hanGap(page: PageText, from: number, to: number): boolean {
  return to - from <= 3 && /^[》」"\s]*$/u.test(page.text.slice(from, to));
}

function citationsOnPage(page: PageText, pageNumber: number, register: CompiledRegister, document: DocumentSoFar): LawCitation[] {
  const refs = findArticleRefs(page);
  const acts = groupActs(page.tokens, findLawMentions(page, register), refs);
  definitions(page.tokens, acts, document.defined);
  const named = [...acts.map((a) => ({ token: a.first, kind: a.law.kind, law: a.law })), ...foreignActs(page.tokens, acts)].sort((a, b) => a.token - b.token);
  const citations: LawCitation[] = [];
  for (const chain of chainArticles(page.tokens, refs)) {
    const tied = tie(page, chain, acts, named, document);
    if (!tied) continue;
    const span = pageSpan(page, tied.start, tied.end);
    for (const { law, mention } of tied.acts) {
      if (mention) mention.cited = true;
      const confidence = round((mention?.confidence ?? 0.9) * tied.confidence);
      for (const ref of chain.refs) {
        for (const article of ref.articles) {
          const citation: LawCitation = { page: pageNumber, ...span, law: law.id, article, confidence };
          if (ref.part) citation.part = ref.part;
          if (ref.sub) citation.sub = ref.sub;
          citations.push(citation);
        }
      }
    }
  }
  for (const act of acts) {
    if (act.cited || !act.strong) continue;
    citations.push({ page: pageNumber, ...pageSpan(page, act.start, act.end), law: act.law.id, article: null, confidence: round(act.confidence * 0.9) });
  }
  document.named.push(...named.map((n) => ({ ...n, token: -1 })));
  return citations.sort((a, b) => a.start - b.start);
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Every law citation in a document's pages (in page order), normalised to an entry of `register`.
 * The pages are one document: "Article 28 of the Convention" on page 2 is the Convention named on page 1.
 */
export function findLawCitations(pages: PageInput[], register: CitableRegister): LawCitation[] {
  const compiledRegister = register.compiled();
  const document: DocumentSoFar = { named: [], defined: new Map() };
  return pages.flatMap((p) => citationsOnPage(readPage(p.text), p.page, compiledRegister, document));
}
