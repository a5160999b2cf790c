/**
 * Register acts named by a title or alias, in any case form and through OCR noise: «О миграции
 * населения», Закона о миграции населения, Уголовного кодекса, Қылмыстық кодексінің, Criminal Code,
 * "Оп Refugees’", «Конвенции ООН о статусе беженцев», and abbreviations (УК РК, ҚР ҚК-нің, OCR's YK PK).
 *
 * A title is a phrase of words. «Республики Казахстан», "of the Republic of Kazakhstan" and a year may be
 * left out; the other words must follow one another, each within an OCR error or two of the page's word
 * (compared on stems, so that case endings do not count). A title that does not name a kind of act
 * («О беженцах», "On Refugees") counts only in quotes or beside «Закона», "Law", «Заңы»: the words of
 * «статуса беженца» or "refugees" in prose are no citation.
 */
import type { Law } from '../types';
import { stem } from '../../text';
import type { LawMention } from './lawMention';
import { abbreviationKey, hyphenatedWord, isPunct, isWord, readPage, type PageText, type Token } from './lawText';
import { head, mayBeginWith, opening, titleVocabulary, type TitleVocabulary } from './lawTitleStarts';
import { isAbbreviation, skeleton, wordEdits, type Phrase, type PhraseWord } from './lawTitleWords';
import { actKind, actKindNearby, isQualifier, isStopWord } from './lawWords';

export interface TitleIndex {
  phrases: Phrase[];
  /** the phrases a page word may begin, by the look of its first or second letter (see startKeys) */
  starts: Map<string, Phrase[]>;
  /** the words a title may begin with, for the test whether a title can begin at a page word (see opening) */
  vocabulary: TitleVocabulary;
}

const YEAR = /^(19|20)\d\d$/;
const YEAR_WORD = new Set(['года', 'г', 'жылғы', 'year']);

function compilePhrase(law: Law, name: string): Phrase | null {
  const tokens = readPage(name).tokens.filter((t) => isWord(t) || t.kind === 'num');
  const shouting = tokens.length > 3;
  const words: PhraseWord[] = tokens.map((t) => {
    const abbr = t.kind !== 'num' && !shouting && isAbbreviation(t.printed);
    return {
      text: abbr ? abbreviationKey(t.text) : t.text,
      stem: stem(t.text),
      kind: t.kind === 'num' ? 'num' : abbr ? 'abbr' : 'word',
      optional: isQualifier(t.text),
      stop: isStopWord(t.text),
      memo: new Map(),
    };
  });
  // «of the» before «Republic of Kazakhstan» goes with it.
  for (let i = words.length - 1; i >= 0; i--) {
    const next = words.slice(i + 1).find((w) => !w.stop);
    if (words[i]!.stop && next?.optional) words[i]!.optional = true;
  }
  // «1951 года» may be left out when the rest says which act it is («Конвенции о статусе беженцев»).
  const content = words.filter((w) => !w.optional && !w.stop && w.kind !== 'num' && !YEAR_WORD.has(w.text));
  if (content.length >= 2) {
    words.forEach((w, i) => {
      if (w.kind === 'num' && YEAR.test(w.text)) {
        w.optional = true;
        if (YEAR_WORD.has(words[i + 1]?.text ?? '')) words[i + 1]!.optional = true;
      }
    });
  }
  const required = words.filter((w) => !w.optional);
  if (required.length === 0) return null;
  const abbreviation = required.some((w) => w.kind === 'abbr');
  return { law, words, abbreviation, selfEvident: abbreviation || required.some((w) => actKind(w.text) !== null), truncated: false };
}

/** «Жеке басты куәландыратын құжаттар туралы» read as «… басты куәландыратын құжаттар туралы»: from its second content word on. */
function truncate(phrase: Phrase): Phrase | null {
  const content = phrase.words.filter((w) => !w.optional && !w.stop);
  if (content.length < 3 || phrase.abbreviation) return null;
  const words = phrase.words.slice(phrase.words.indexOf(content[1]!));
  return { ...phrase, words, selfEvident: false, truncated: true };
}

export function compileTitles(names: ReadonlyArray<{ law: Law; name: string }>): TitleIndex {
  const phrases: Phrase[] = [];
  for (const { law, name } of names) {
    const phrase = compilePhrase(law, name);
    if (!phrase) continue;
    phrases.push(phrase);
    const tail = truncate(phrase);
    if (tail) phrases.push(tail);
  }
  const starts = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    for (const key of new Set(head(phrase).flatMap((w) => startKeys(w.kind === 'num' ? null : w.text, w.text)))) {
      starts.set(key, [...(starts.get(key) ?? []), phrase]);
    }
  }
  return { phrases, starts, vocabulary: titleVocabulary(phrases) };
}

const look = (c: string | undefined) => (c === undefined ? '' : skeleton(c));

/**
 * Keys a word is filed under: the look of its first letter, of its second, and a number as itself.
 * wordEdits only accepts words that agree in one of their first two letters, so a page word need only
 * be tried against the phrases filed under its own keys.
 */
function startKeys(letters: string | null, text: string): string[] {
  if (letters === null) return [`#${text}`];
  return [`0${look(letters[0])}`, `1${look(letters[1])}`];
}

// --- phrases -------------------------------------------------------------------------------------

interface PhraseMatch {
  first: number;
  last: number;
  edits: number;
  garbled: number;
}

function matchPhrase(phrase: Phrase, tokens: readonly Token[], i: number): PhraseMatch | null {
  let j = i;
  let first = -1;
  let last = -1;
  let edits = 0;
  let garbled = 0;
  for (const w of phrase.words) {
    if (first >= 0) {
      // punctuation, and whose act it is where the title does not say («Конвенции ООН о статусе беженцев»)
      for (let skipped = 0; skipped < 2 && (isPunct(tokens[j]) || (isWord(tokens[j]) && isQualifier(tokens[j]!.text) && !w.optional)); skipped++) j++;
    }
    const token = tokens[j];
    const e = token && (isWord(token) || token.kind === 'num') ? wordEdits(w, token) : -1;
    const broken = brokenWord(w, tokens, j);
    if (e >= 0 || broken >= 0) {
      const joined = broken >= 0 && (e < 0 || broken <= e);
      if (first < 0) first = j;
      j += joined ? 3 : 1;
      // «of the» matched at the end of a phrase («Criminal Code of the RK») is not part of the name
      if (!(w.optional && w.stop)) last = j - 1;
      edits += joined ? broken : e;
    } else if (w.optional) {
      continue;
    } else if (w.stop) {
      // «Сі гражданстве»: a stop word OCR garbled or dropped.
      garbled++;
      if (isWord(token) && token.text.length <= 2 && (first >= 0 || j === i)) {
        if (first < 0) first = j;
        last = j;
        j++;
      }
    } else {
      return null;
    }
  }
  return first < 0 || first !== i || last < first ? null : { first, last, edits, garbled };
}

/** «мигра-\nции»: a word hyphenated at a line end, read as one (the hyphen of «процедурно-процессуального» stays two words). */
function brokenWord(w: PhraseWord, tokens: readonly Token[], j: number): number {
  const joined = w.kind === 'word' ? hyphenatedWord(tokens, j) : null;
  return joined ? wordEdits(w, joined) : -1;
}

function quoted(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const beforeJunk = isWord(before) && before.text.length <= 2 ? tokens[first - 2] : undefined;
  return isPunct(before, '"(') || isPunct(beforeJunk, '"') || isPunct(tokens[last + 1], '"');
}

/** The start keys a page word is looked up by. */
function keysOf(t: Token): string[] {
  return t.kind === 'num' ? startKeys(null, t.text) : [...startKeys(t.text, t.text), ...startKeys(abbreviationKey(t.text), '')];
}

export function findTitles(page: PageText, index: TitleIndex): LawMention[] {
  const { tokens } = page;
  const found: LawMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isWord(token) && token.kind !== 'num') continue;
    const at = opening(index.vocabulary, tokens, i);
    if (!at) continue;
    const keys = keysOf(token);
    // «Сі гражданстве»: a garbled stop word may begin the phrase the next word belongs to.
    const next = tokens[i + 1];
    if (isWord(token) && token.text.length <= 2 && isWord(next)) keys.push(...keysOf(next));
    const candidates = new Set(keys.flatMap((key) => index.starts.get(key) ?? []));
    for (const phrase of candidates) {
      if (!mayBeginWith(index.vocabulary, phrase, at)) continue;
      const match = matchPhrase(phrase, tokens, i);
      if (!match) continue;
      if (!phrase.selfEvident) {
        const kinds = [actKindNearby(tokens, match.first, -1), actKindNearby(tokens, match.last, 1)].filter((kind) => kind !== null);
        // «Международного пакта о гражданских…» is no «Закон о гражданстве»: the act word beside a title says what kind of act it is
        if (kinds.length > 0 && !kinds.includes(phrase.law.kind)) continue;
        const act = kinds.length > 0;
        const inQuotes = quoted(tokens, match.first, match.last);
        // a short title read only roughly («о гражданских» for «О гражданстве») is a title only in quotes
        const rough = match.edits >= 2 && phrase.words.filter((w) => !w.optional && !w.stop).length <= 2;
        if (match.garbled > 0 || phrase.truncated || rough ? !(act && inQuotes) : !(act || inQuotes)) continue;
      }
      const required = phrase.words.filter((w) => !w.optional);
      // «УК» or "CPC" alone (Communist Party of China in a memo) is a citation only with an article.
      const bareAbbreviation = phrase.abbreviation && match.last === match.first;
      // the quotes round a title are part of what is printed: «О беженцах»
      const first = isPunct(tokens[match.first - 1], '"') && !tokens[match.first]!.space ? match.first - 1 : match.first;
      const last = isPunct(tokens[match.last + 1], '"') && !tokens[match.last + 1]!.space ? match.last + 1 : match.last;
      found.push({
        law: phrase.law,
        start: tokens[first]!.start,
        end: tokens[last]!.end,
        first,
        last,
        by: phrase.abbreviation ? 'abbreviation' : 'title',
        strong: !bareAbbreviation && required.length > 0,
        confidence: Math.max(0.5, 0.92 - 0.04 * match.edits - 0.08 * match.garbled - (bareAbbreviation ? 0.1 : 0) - (phrase.truncated ? 0.15 : 0)),
      });
    }
  }
  return found;
}
