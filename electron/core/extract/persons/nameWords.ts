/**
 * A page's words as the person finder sees them: each Latin or Cyrillic word with the cross-script keys
 * it may stand for (its own, the nominative behind a Russian or Kazakh case form, the Cyrillic word
 * behind an OCR reading in Latin look-alikes), whether it is capitalised, whether it is an initial, and
 * what separates it from the next word.
 */
import { analyze, fold, stem, translitKey } from '../../text';

/** How a word's key was reached: as written, through a case form, or through an OCR look-alike reading. */
export type KeyHow = 'spelling' | 'case' | 'ocr';

export interface KeyForm {
  key: string;
  how: KeyHow;
  /** the form carries a patronymic or Russian surname ending (see hasNameEnding) */
  ending: boolean;
}

export interface NameWord {
  start: number;
  end: number;
  surface: string;
  folded: string;
  script: 'latin' | 'cyrillic' | 'other';
  caps: 'upper' | 'title' | 'lower';
  /** one capital letter followed by a full stop (Н. in «Аскарулы Н.») */
  initial: boolean;
  forms: KeyForm[];
  /** the text between this word and the next one */
  gapAfter: string;
  /** the document has this word in lower case too: a common word capitalised, not a name (see markCommonWords) */
  common: boolean;
}

/**
 * The endings translitKey cuts (-ұлы/-uly, -қызы/-kyzy, -ов(а)/-ев(а) and their Russian oblique
 * cases), on folded words of either script, with at least four letters before them. A word that has one
 * is a surname; a given name never has: so «Нурланкызы» (a daughter's surname) does not stand alone for
 * the given name «Нурлан», though the two share a key.
 */
const NAME_ENDING =
  /(?<=\p{L}{4})(?:ұлы|улы|uly|ouly|қызы|кызы|kyzy|qyzy|kizi|kyzi|[оеё]в(?:а|у|ой|ым|е|ы)?|[oe]v(?:a|u|oi|oy|ym|im|e)?)$/u;

export function hasNameEnding(folded: string): boolean {
  return NAME_ENDING.test(folded);
}

const LATIN_WORD = /^[\p{Script=Latin}\p{M}]+$/u;
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\p{M}]+$/u;
/** Letters only Kazakh has, or ы after ж ш к г х (as in stem.ts): the word takes Kazakh case endings. */
const KAZAKH = /[әғқңөұүһі]|[жшкгх]ы/u;

const PATRONYMIC_THEN_ENDING = /(?<=\p{L}{3})(ұлы|улы|қызы|кызы)\p{L}{1,5}$/u;

/**
 * Russian case endings of names and the nominative endings they may stand for: Нурлана, Нурлану,
 * Нурланом → Нурлан; Мадины, Мадине, Мадиной → Мадина; Алии → Алия; Алексея → Алексей.
 * (-ов/-ев surnames need none of this: translitKey already cuts their oblique endings.)
 */
const RUSSIAN_CASE_ENDINGS: Array<[ending: string, nominatives: string[]]> = [
  ['ом', ['']], ['ым', ['']], ['ем', ['й', 'ь']], ['ой', ['а']], ['ою', ['а']], ['ей', ['я', 'ь']], ['ею', ['я']],
  ['а', ['']], ['у', ['', 'а']], ['е', ['', 'а', 'я', 'й', 'ь']], ['ы', ['а']], ['и', ['я', 'ь']], ['ю', ['я', 'й', 'ь']],
  ['я', ['й', 'ь']],
];

/**
 * Cyrillic capitals OCR reads as Latin look-alikes (НУРЛАН as HYPJIAH): JI for Л is read as a pair
 * first, then letter by letter (I as the Kazakh І).
 */
const LOOK_ALIKE_PAIRS: Array<[string, string]> = [['JI', 'Л']];
const LOOK_ALIKE = new Map(Object.entries({
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
}));

function lookAlikeCyrillic(surface: string): string | null {
  let text = surface;
  for (const [latin, cyrillic] of LOOK_ALIKE_PAIRS) text = text.replaceAll(latin, cyrillic);
  let out = '';
  for (const c of text) {
    if (CYRILLIC_WORD.test(c)) out += c;
    else {
      const mapped = LOOK_ALIKE.get(c);
      if (!mapped) return null;
      out += mapped;
    }
  }
  return out;
}

const keyOf = (folded: string) => translitKey(folded);

/** Every key the word may stand for, its own first. */
export function keyForms(surface: string, folded: string, script: NameWord['script'], upperCase: boolean): KeyForm[] {
  const forms: KeyForm[] = [{ key: keyOf(folded), how: 'spelling', ending: hasNameEnding(folded) }];
  const add = (word: string, how: KeyHow) => {
    const key = keyOf(word);
    if (!forms.some((f) => f.key === key)) forms.push({ key, how, ending: hasNameEnding(word) });
  };
  if (script === 'cyrillic' && folded.length >= 4) {
    // A patronymic ends the stem: what follows is a case ending (Асқарұлына, Дәулетқызының). The
    // Kazakh stemmer would cut the ы of -ұлы as a possessive too.
    const patronymic = PATRONYMIC_THEN_ENDING.exec(folded);
    if (patronymic) add(folded.slice(0, patronymic.index + patronymic[1]!.length), 'case');
    else if (KAZAKH.test(folded)) add(stem(folded), 'case');
    for (const [ending, nominatives] of RUSSIAN_CASE_ENDINGS) {
      if (!folded.endsWith(ending) || folded.length - ending.length < 3) continue;
      for (const nominative of nominatives) add(folded.slice(0, -ending.length) + nominative, 'case');
    }
  }
  // OCR trained on Russian reads the Kazakh Ә as Э (ДЭУЛЕТКЫЗЫ), a letter Kazakh names never have.
  if (script === 'cyrillic' && folded.includes('э')) add(folded.replaceAll('э', 'ә'), 'ocr');
  if (script === 'latin' && upperCase && surface.length >= 3) {
    const cyrillic = lookAlikeCyrillic(surface);
    if (cyrillic) add(fold(cyrillic), 'ocr');
  }
  return forms;
}

function scriptOf(surface: string): NameWord['script'] {
  if (LATIN_WORD.test(surface)) return 'latin';
  if (CYRILLIC_WORD.test(surface)) return 'cyrillic';
  return 'other';
}

function capsOf(surface: string): NameWord['caps'] {
  const first = surface[0] ?? '';
  if (first === first.toLowerCase()) return 'lower';
  return surface.length > 1 && surface === surface.toUpperCase() ? 'upper' : 'title';
}

/** The page's Latin and Cyrillic words (digits, codes and Chinese are left to other readers). */
export function nameWords(text: string): NameWord[] {
  const words: NameWord[] = [];
  for (const token of analyze(text)) {
    if (token.kind !== 'word') continue;
    const surface = text.slice(token.start, token.end);
    const script = scriptOf(surface);
    if (script === 'other') continue;
    const caps = capsOf(surface);
    words.push({
      start: token.start,
      end: token.end,
      surface,
      folded: token.exact,
      script,
      caps,
      initial: [...surface].length === 1 && caps !== 'lower' && text[token.end] === '.',
      forms: keyForms(surface, token.exact, script, caps === 'upper'),
      gapAfter: '',
      common: false,
    });
  }
  for (let i = 0; i < words.length; i++) {
    words[i]!.gapAfter = text.slice(words[i]!.end, words[i + 1]?.start ?? text.length);
  }
  return words;
}

/**
 * Marks the capitalised words the document also writes in lower case, in any form («Арман» at the start
 * of a sentence, «арманы» further on): such a word is no given name.
 */
export function markCommonWords(pages: NameWord[][]): void {
  const lower = new Set(pages.flatMap((words) => words.filter((w) => w.caps === 'lower').flatMap((w) => [w.folded, stem(w.folded)])));
  for (const words of pages) {
    for (const w of words) w.common = w.caps !== 'lower' && (lower.has(w.folded) || lower.has(stem(w.folded)));
  }
}

/** Two words that can be one name: a space, one line break, a middle dot (NUERLAN·ASIKAER), a comma. */
export function joinsName(gap: string, left: NameWord, right: NameWord): boolean {
  if (/^[ \t\u00A0]+$/.test(gap) || /^[ \t]*[·・•‧][ \t]*$/.test(gap) || /^,[ \t]*$/.test(gap)) return true;
  // A card prints its surname and given-name fields on lines of their own: not one name.
  if (/^[ \t]*\r?\n[ \t]*$/.test(gap)) return !(left.caps === 'upper' && right.caps === 'upper');
  return false;
}

/** The text after an initial that leads to the next word of the name: «Н.А.», «Н. А.», «Т. Есимханов». */
export function followsInitial(gap: string): boolean {
  return /^\.[ \t\u00A0]*(?:\r?\n[ \t]*)?$/.test(gap);
}
