/**
 * The small vocabulary of legal citations in Russian, Kazakh and English: words that name an act
 * (Закон, кодекс, Заңы, Convention), words that only say whose act it is (Республики Казахстан, ҚР,
 * of the Republic of Kazakhstan), and the words a date or number of an act is written with. Words are
 * compared folded and with Kazakh letters on their Russian base (OCR drops the marks: ҚР → КР).
 */
import { baseLetters, editDistance, isWord, type Token } from './lawText';

export type ActKind = 'law' | 'code' | 'treaty' | 'regulation';

const ACT_PREFIXES: Array<[string, ActKind]> = [
  ['закон', 'law'], ['заң', 'law'], ['зрк', 'law'], ['кодекс', 'code'], ['конвенц', 'treaty'], ['пакт', 'treaty'], ['протокол', 'treaty'],
  ['положени', 'regulation'], ['правил', 'regulation'], ['ереже', 'regulation'],
  ['convention', 'treaty'], ['covenant', 'treaty'], ['protocol', 'treaty'], ['regulation', 'regulation'],
];
const ACT_WORDS = new Map<string, ActKind>([['law', 'law'], ['laws', 'law'], ['act', 'law'], ['acts', 'law'], ['code', 'code'], ['codes', 'code']]);

/** What kind of act a word names (Закона, Заңының, Code, Конвенцияның), or null. */
export function actKind(word: string): ActKind | null {
  const exact = ACT_WORDS.get(word);
  if (exact) return exact;
  for (const [prefix, kind] of ACT_PREFIXES) if (word.startsWith(prefix)) return kind;
  // OCR loses the mark of ң: Заныңың, Занының.
  if (/^зан[ыд]/.test(word) && !/^занят/.test(word)) return 'law';
  return null;
}

/** Plural act words: one article «статьи 9 законов «О беженцах» и «О миграции населения»» applies to each. */
export function isPluralAct(word: string): boolean {
  return /^(законов|законами|законах|кодексов|кодексами|laws|codes|заңдар|кодекстер)/.test(word);
}

const QUALIFIER_PREFIXES = ['республик', 'казахстан', 'казакстан', 'китайск', 'народн', 'кытай', 'republic', 'kazakhstan', 'china', 'people', 'united', 'nations'];
const QUALIFIER_WORDS = new Set(['рк', 'кр', 'rk', 'кнр', 'prc', 'кхр', 's', 'оон', 'un', 'буу']);

/** Words that say whose act it is, not which: Республики Казахстан, ҚР, ООН, of the People's Republic of China (compared on base letters). */
export function isQualifier(word: string): boolean {
  const base = baseLetters(word);
  return QUALIFIER_WORDS.has(base) || QUALIFIER_PREFIXES.some((p) => base.startsWith(p));
}

const STOP_WORDS = new Set(['о', 'об', 'обо', 'on', 'of', 'the', 'and', 'и', 'relating', 'to', 'туралы', 'және', 'мен', 'for', 'in', 'concerning', 'a']);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const MONTHS = [
  'январ', 'феврал', 'март', 'апрел', 'мая', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр',
  'қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTHS_BASE = MONTHS.map(baseLetters);
const DATE_AND_NUMBER_WORDS = new Set(['от', 'года', 'год', 'г', 'гг', 'жылғы', 'жылгы', 'ж', 'dated', 'of', 'the', 'no', 'nr', 'n', 'date', 'на', 'в', 'редакции', 'as', 'amended']);

const FUZZY_PREFIXES = [...MONTHS_BASE, ...QUALIFIER_PREFIXES, 'закон', 'кодекс', 'конвенц', 'convention'].filter((p) => p.length >= 5);

/**
 * Words that may stand between an article and the act it belongs to, besides the act's own names:
 * «статьи 49 Закона Республики Казахстан от 22 июля 2011 года № 477-IV …», «… № 477-IV Қазақстан
 * Республикасы Заңының 49-бабы», "Article 49 of the Law of the Republic of Kazakhstan No. 477-IV".
 */
export function isBridgeWord(word: string): boolean {
  let bridge = bridgeWords.get(word);
  if (bridge === undefined) {
    bridge = bridgeWord(word);
    if (bridgeWords.size > 20_000) bridgeWords.clear();
    bridgeWords.set(word, bridge);
  }
  return bridge;
}

/** isBridgeWord's answers: a page repeats its words, and the fuzzy test below is a dozen edit distances. */
// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function (word → whether it bridges), cleared at its limit
const bridgeWords = new Map<string, boolean>();

function bridgeWord(word: string): boolean {
  if (DATE_AND_NUMBER_WORDS.has(word) || isQualifier(word) || actKind(word) !== null) return true;
  const base = baseLetters(word);
  if (MONTHS_BASE.some((month) => base.startsWith(month))) return true;
  // a letter OCR misread («Республнки», «Заныңың», «декабоя»): the beginning of a long word is enough
  return base.length >= 5 && FUZZY_PREFIXES.some((prefix) => editDistance(base.slice(0, prefix.length), prefix, 1) <= 1);
}


/**
 * Whether an act word (Закона, Заңының, Law, кодекса) stands within a few words before `from` (step -1)
 * or after it (step 1), with only what may come between an act's name and its date and number there:
 * «Закона Республики Казахстан от 22 июля 2011 года № 477-IV», «№ 477-IV Қазақстан Республикасы Заңының».
 */
export function actNearby(tokens: readonly Token[], from: number, step: 1 | -1): boolean {
  return actKindNearby(tokens, from, step) !== null;
}

/** The kind of act the act word actNearby finds names (Закона → law, пакта → treaty), or null when there is none. */
export function actKindNearby(tokens: readonly Token[], from: number, step: 1 | -1): ActKind | null {
  for (let j = from + step, seen = 0; j >= 0 && j < tokens.length && seen < 14; j += step, seen++) {
    const t = tokens[j]!;
    const kind = isWord(t) ? actKind(t.text) : null;
    if (kind) return kind;
    if (t.kind === 'punct' || t.kind === 'num' || (t.kind === 'word' && isBridgeWord(t.text))) continue;
    return null;
  }
  return null;
}
