/**
 * The Snowball English (Porter2) stemmer (snowballstem.org/algorithms/english), written out by hand.
 * Checked word for word against libstemmer 2.2 (Debian `libstemmer-tools`) on the 63,875 a–z words of
 * Debian's `wamerican` list. Input is folded lower-case a–z (the tokenizer splits at apostrophes).
 *
 * Within a step the longest listed suffix is chosen first and its condition is tested after; a failed
 * condition ends the step (Snowball's `among`), it does not fall back to a shorter suffix.
 */

const EXCEPTIONS = new Map(Object.entries({
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
}));
const AFTER_STEP_1A_INVARIANT = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);
const R1_PREFIXES = ['gener', 'commun', 'arsen'];
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const VALID_LI = new Set('cdeghkmnrt');

/** 'Y' (a consonant y, set by the prelude) is not a vowel. */
const isVowel = (c: string | undefined) => c !== undefined && 'aeiouy'.includes(c);

/** The longest of `suffixes` that `word` ends with. */
function longest(word: string, suffixes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const suffix of suffixes) if (word.endsWith(suffix) && (!best || suffix.length > best.length)) best = suffix;
  return best;
}

/** A short syllable ends the word: non-vowel, vowel, non-vowel other than w/x/Y; or vowel, non-vowel at the start. */
function endsInShortSyllable(w: string): boolean {
  const n = w.length;
  const last = w[n - 1];
  if (n >= 3 && !isVowel(w[n - 3]) && isVowel(w[n - 2]) && !isVowel(last) && !'wxY'.includes(last!)) return true;
  return n === 2 && isVowel(w[0]) && !isVowel(w[1]);
}

function regions(w: string): { r1: number; r2: number } {
  const afterVowelThenConsonant = (from: number) => {
    let i = from;
    while (i < w.length && !isVowel(w[i])) i++;
    while (i < w.length && isVowel(w[i])) i++;
    return Math.min(i + 1, w.length);
  };
  const prefix = R1_PREFIXES.find((p) => w.startsWith(p));
  const r1 = prefix ? prefix.length : afterVowelThenConsonant(0);
  return { r1, r2: afterVowelThenConsonant(r1) };
}

type Rule = [suffix: string, replacement: string];

function step1a(w: string): string {
  const suffix = longest(w, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
  if (suffix === 'sses') return w.slice(0, -2);
  if (suffix === 'ied' || suffix === 'ies') return w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
  if (suffix === 's' && [...w.slice(0, -2)].some(isVowel)) return w.slice(0, -1);
  return w;
}

function step1b(w: string, r1: number): string {
  const suffix = longest(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (!suffix) return w;
  const rest = w.slice(0, -suffix.length);
  if (suffix === 'eed' || suffix === 'eedly') return rest.length >= r1 ? `${rest}ee` : w;
  if (![...rest].some(isVowel)) return w;
  if (rest.endsWith('at') || rest.endsWith('bl') || rest.endsWith('iz')) return `${rest}e`;
  if (DOUBLES.has(rest.slice(-2))) return rest.slice(0, -1);
  if (rest.length === r1 && endsInShortSyllable(rest)) return `${rest}e`;
  return rest;
}

function step1c(w: string): string {
  const last = w.at(-1);
  if ((last === 'y' || last === 'Y') && w.length > 2 && !isVowel(w.at(-2))) return `${w.slice(0, -1)}i`;
  return w;
}

const STEP2: Rule[] = [
  ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'],
  ['izer', 'ize'], ['ization', 'ize'], ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'],
  ['alism', 'al'], ['aliti', 'al'], ['alli', 'al'], ['fulness', 'ful'], ['ousli', 'ous'], ['ousness', 'ous'],
  ['iveness', 'ive'], ['iviti', 'ive'], ['biliti', 'ble'], ['bli', 'ble'], ['ogi', 'og'], ['fulli', 'ful'],
  ['lessli', 'less'], ['li', ''],
];

function step2(w: string, r1: number): string {
  const suffix = longest(w, STEP2.map(([s]) => s));
  if (!suffix || w.length - suffix.length < r1) return w;
  const rest = w.slice(0, -suffix.length);
  if (suffix === 'ogi' && !rest.endsWith('l')) return w;
  if (suffix === 'li' && !VALID_LI.has(rest.at(-1) ?? '')) return w;
  return rest + STEP2.find(([s]) => s === suffix)![1];
}

const STEP3: Rule[] = [
  ['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ical', 'ic'],
  ['ful', ''], ['ness', ''], ['ative', ''],
];

function step3(w: string, r1: number, r2: number): string {
  const suffix = longest(w, STEP3.map(([s]) => s));
  if (!suffix || w.length - suffix.length < r1) return w;
  if (suffix === 'ative' && w.length - suffix.length < r2) return w;
  return w.slice(0, -suffix.length) + STEP3.find(([s]) => s === suffix)![1];
}

const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

function step4(w: string, r2: number): string {
  const suffix = longest(w, STEP4);
  if (!suffix || w.length - suffix.length < r2) return w;
  const rest = w.slice(0, -suffix.length);
  if (suffix === 'ion' && !rest.endsWith('s') && !rest.endsWith('t')) return w;
  return rest;
}

function step5(w: string, r1: number, r2: number): string {
  const at = w.length - 1;
  if (w.endsWith('e') && (at >= r2 || (at >= r1 && !endsInShortSyllable(w.slice(0, -1))))) return w.slice(0, -1);
  if (w.endsWith('ll') && at >= r2) return w.slice(0, -1);
  return w;
}

export function stemEnglish(word: string): string {
  const exception = EXCEPTIONS.get(word);
  if (exception) return exception;
  if (word.length <= 2) return word;

  // Prelude: a y that starts the word or follows a vowel is a consonant, written Y until the end.
  let w = '';
  for (let i = 0; i < word.length; i++) w += word[i] === 'y' && (i === 0 || isVowel(w[i - 1])) ? 'Y' : word[i];
  const { r1, r2 } = regions(w);

  w = step1a(w);
  if (!AFTER_STEP_1A_INVARIANT.has(w)) {
    w = step1b(w, r1);
    w = step1c(w);
    w = step2(w, r1);
    w = step3(w, r1, r2);
    w = step4(w, r2);
    w = step5(w, r1, r2);
  }
  return w.replaceAll('Y', 'y');
}
