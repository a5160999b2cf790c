/**
 * The words of the redaction patterns, compiled once per export, and the test of whether a word read
 * on a page is one of them: the same folded letters; the same letters once OCR's confusions are
 * undone (1/l/I, 0/O, rn/m); the same cross-script skeleton (Асқарұлы / Askaruly / Аскарулы); one
 * letter off in a long word (OCR damage); or any of these once a listed case ending is taken off
 * (nameForms). A page word's answer is remembered: a bundle repeats its words from page to page.
 */
import { editDistance } from '../text/fuzzy';
import { translitKey } from '../text';
import { declensionStem, isNameBuilt, stemsOf } from './nameForms';

/** One wrong letter is tolerated from this length on (OCR damage); shorter words must agree exactly. */
export const FUZZY_MIN_LETTERS = 5;

/** A word in the forms it is compared in. */
export interface WordForms {
  fold: string;
  key: string;
  /** OCR's look-alike confusions written one way: 1, I and | as l, 0 as o, rn as m */
  ocr: string;
  digits: boolean;
  letters: boolean;
  /** built on a name with a surname or patronymic suffix (Даулетов, Dauletkyzy), see nameForms */
  built: boolean;
}

const CYRILLIC = /[\u0400-\u04FF]/;

export function ocrForm(folded: string): string {
  const cyrillic = CYRILLIC.test(folded);
  let out = folded.replace(/rn/g, 'm').replace(/[1|i]/g, 'l');
  out = cyrillic ? out.replace(/0/g, 'о').replace(/3/g, 'з').replace(/6/g, 'б') : out.replace(/0/g, 'o');
  return out;
}

export function wordForms(folded: string): WordForms {
  return {
    fold: folded,
    key: translitKey(folded),
    ocr: ocrForm(folded),
    digits: /\d/.test(folded),
    letters: /\p{L}/u.test(folded),
    built: isNameBuilt(folded),
  };
}

/**
 * Whether a page's word (in forms) is the pattern's word. Without endings: see PatternWords.lookup.
 * `cut`: the page's word starts or ends only at a soft break (letters run on past it), so it may be
 * a piece of a longer word. One letter of OCR damage is then tolerated only inside: a piece cut one
 * letter short or long (Дауле|това, Dauleto|va) changes an end letter, and must not pass for Daulet.
 */
export function sameWord(pattern: WordForms, page: WordForms, cut = false): boolean {
  if (pattern.fold === page.fold) return true;
  // Codes and numbers must agree exactly; a name read with a digit for a letter may still be the name.
  if (pattern.digits) return false;
  if (page.digits) return page.letters && pattern.ocr === page.ocr;
  const a = pattern.fold.length;
  const b = page.fold.length;
  // I for l and rn for m only in longer words: a short name (Ali) would otherwise take every "All".
  if (a >= FUZZY_MIN_LETTERS && b >= FUZZY_MIN_LETTERS && pattern.ocr === page.ocr) return true;
  // The same skeleton across scripts, unless one word is visibly longer or built on the other with a
  // suffix: then it is another word built on the name (Dauletkyzy, Даулетов on Daulet).
  const close = Math.abs(a - b) <= Math.max(2, Math.floor(Math.min(a, b) / 4)) && pattern.built === page.built;
  if (close && pattern.key === page.key) return true;
  if (a < FUZZY_MIN_LETTERS || b < FUZZY_MIN_LETTERS) return false;
  if (cut && (pattern.fold[0] !== page.fold[0] || pattern.fold.at(-1) !== page.fold.at(-1))) return false;
  if (editDistance(pattern.fold, page.fold, 1) <= 1) return true;
  return close && pattern.key.length >= FUZZY_MIN_LETTERS && editDistance(pattern.key, page.key, 1) <= 1;
}

const NO_IDS: readonly number[] = [];

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
const LOOKUP_CACHE_LIMIT = 100_000;

/**
 * The distinct words of a list of patterns, each with an id. `lookup` answers which of them a page's
 * word is, in any of its forms.
 */
export class PatternWords {
  private readonly words: WordForms[] = [];
  private readonly ids = new Map<string, number>();
  /** the declension stems of the pattern words (Гульнар of Гульнара), by folded stem and by key */
  private readonly stems = new Map<string, number[]>();
  private readonly answers = new Map<string, readonly number[]>();
  /** pattern words by length, and by OCR form (rn → m changes the length): see near() */
  private readonly byLength = new Map<number, number[]>();
  private readonly byOcr = new Map<string, number[]>();
  /** the longest pattern word, in letters */
  longest = 0;

  /** The id of a (folded) word, adding it if new. */
  add(folded: string): number {
    let id = this.ids.get(folded);
    if (id !== undefined) return id;
    id = this.words.length;
    const forms = wordForms(folded);
    this.words.push(forms);
    this.ids.set(folded, id);
    this.longest = Math.max(this.longest, folded.length);
    push(this.byLength, folded.length, id);
    push(this.byOcr, forms.ocr, id);
    const stem = !forms.digits ? declensionStem(folded) : null;
    if (stem) {
      for (const form of new Set([stem, translitKey(stem)])) push(this.stems, form, id);
    }
    this.answers.clear();
    return id;
  }

  /**
   * The ids of the pattern words a page's (folded) word is, with or without a case ending. `cut`:
   * the word starts or ends at a soft break only (see sameWord).
   */
  lookup(folded: string, cut: boolean): readonly number[] {
    const question = cut ? `\u0000${folded}` : folded;
    let found = this.answers.get(question);
    if (found) return found;
    found = this.compute(folded, cut);
    if (this.answers.size >= LOOKUP_CACHE_LIMIT) this.answers.clear();
    this.answers.set(question, found);
    return found;
  }

  /**
   * The pattern words that sameWord could accept for a page word: its own OCR form, or a length
   * within the closeness every other test of sameWord demands. Letter-spaced text makes many short
   * candidates; most have no pattern word near their length and cost no more than this.
   */
  private near(folded: string): number[] {
    const length = folded.length;
    const spread = Math.max(2, Math.floor(length / 4));
    const ids = [...(this.byOcr.get(ocrForm(folded)) ?? [])];
    for (let l = Math.max(1, length - spread); l <= length + spread; l++) ids.push(...(this.byLength.get(l) ?? []));
    return ids;
  }

  private compute(folded: string, cut: boolean): readonly number[] {
    const hits = new Set<number>();
    const test = (word: string) => {
      const ids = this.near(word);
      if (ids.length === 0) return;
      const forms = wordForms(word);
      for (const id of ids) if (!hits.has(id) && sameWord(this.words[id]!, forms, cut)) hits.add(id);
    };
    test(folded);
    if (!/\d/.test(folded)) {
      for (const stem of stemsOf(folded)) {
        test(stem);
        // A name whose own ending gives way to the case ending: Гульнар-а → Гульнар-ой.
        for (const id of [...(this.stems.get(stem) ?? []), ...(this.stems.get(translitKey(stem)) ?? [])]) hits.add(id);
      }
    }
    return hits.size === 0 ? NO_IDS : [...hits].sort((a, b) => a - b);
  }
}
