/**
 * The cross-script key: one skeleton for a word however it was written, so that Әйгерім, Айгерим,
 * Aigerim and Aigerym, or Жұмабекұлы, Жумабеков, Zhumabekuly and Jumabekuly, meet.
 *
 * A deliberate hand-written mapping, not a generic transliteration table: the `transliteration`
 * package turns Kazakh ә into `@`, and cyrillic-to-translit leaves Kazakh letters as they are.
 * Cyrillic and Kazakh letters go to Latin; then the Cyrillic-derived spelling and the native Latin
 * spellings (Kazakh-2021 Latin with q and j, English-style kh/zh/y, passport-style spellings) are
 * reduced to one form, and a patronymic or Russian surname ending is dropped (-ұлы/-uly, -қызы/-kyzy,
 * -ов(а)/-ев(а)), so Жумабеков meets Жұмабекұлы.
 */

const CYRILLIC_TO_LATIN = new Map(
  Object.entries({
    а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
    і: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's',
    т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
    ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ё: 'e',
    // Latin letters of older Kazakh alphabets that folding keeps (ä, ğ, ı lose their marks there)
    ə: 'a', ŋ: 'n',
  }),
);

/**
 * After а a Russian е is said and romanised "ye" (Серикбаев, Serikbayev; Сарсенбаева next to
 * Сарсенбайқызы), so it is written "ie" there, as the Latin y of those spellings becomes. Not after
 * у (Меруерт is Meruert) nor о (проезд is proezd).
 */
const IOTATING_VOWELS = new Set('аә');

/** Ordered: each rule sees the output of the ones before it. */
const SKELETON_RULES: Array<[RegExp, string]> = [
  [/q/g, 'k'], // Kazakh-2021 Latin q = қ
  [/w/g, 'u'], // Kazakh Latin w = у
  [/j/g, 'zh'], // Kazakh-2021 Latin j = ж; English-style Jumabekuly
  [/x/g, 'kh'], // x as in Latin transcriptions of х
  [/dzh/g, 'zh'], // Russian дж for Kazakh ж (Джамбул, Жамбыл)
  [/kh/g, 'h'], // Mukhamet / Muhamet / Мұхамет
  [/ou/g, 'u'], // French-style Askarouly
  [/y/g, 'i'], // ы, и, й, і and Latin y, i all meet (Aigerym, Aigerim)
];

/** Latin h before a consonant was a қ (Tokhtarkyzy for Тоқтарқызы); sh, ch and zh are left alone. */
const H_BEFORE_CONSONANT = /(?<![scz])h(?=[bcdfgjklmnpqrstvwxz])/g;

/**
 * Longest first; each needs at least four letters left in front of it. With the Russian oblique cases
 * of -ов/-ев surnames, as letters write them (Жумабекову Б., Сарсенбаевой Г., Есимхановым Т.).
 */
const NAME_ENDINGS = ['ovoi', 'evoi', 'ovim', 'evim', 'kizi', 'uli', 'ova', 'eva', 'ovu', 'evu', 'ov', 'ev'];
const MIN_NAME_STEM = 4;

const HAS_OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Cyrillic}\p{Nd}]/u;

/** Letters mapped to Latin and reduced to one spelling, with nothing collapsed or cut. */
function letterSkeleton(folded: string): string {
  let latin = '';
  let previous = '';
  for (const c of folded) {
    if (c === 'е' && IOTATING_VOWELS.has(previous)) latin += 'ie';
    else latin += CYRILLIC_TO_LATIN.get(c) ?? c;
    previous = c;
  }
  for (const [pattern, replacement] of SKELETON_RULES) latin = latin.replace(pattern, replacement);
  return latin.replace(H_BEFORE_CONSONANT, 'k');
}

/**
 * The key of a compound identifier from its folded groups: letters as in letterSkeleton, nothing
 * collapsed or cut (1017-XII is not 1017-XI). A Latin C is read as the Cyrillic С it looks like, which
 * is also how С is romanised (S): the incoming number С-692 meets an OCR'd C-692 and a translated S-692.
 */
export function compoundKey(foldedGroups: readonly string[]): string {
  return codeKey(foldedGroups.map((group) => letterSkeleton(group).replace(/c(?!h)/g, 's')).join(''));
}

/**
 * In a code that mixes digits and letters (477-IV, 3-1-17/Б-1034), OCR confuses 1 with I or l and 0
 * with O, and merges groups (477-IV read as 4771V). The key writes each pair one way, so those
 * readings meet. Codes of digits alone are left as they are: 11 is not II.
 */
function codeKey(key: string): string {
  return /\d/.test(key) && /\p{L}/u.test(key) ? key.replace(/[1l]/g, 'i').replace(/0/g, 'o') : key;
}

/** The key, and the key as it was before a name ending was cut (Оспанұлы: ospan, ospanuli). */
function keys(folded: string): { key: string; whole: string } {
  if (folded === '' || HAS_OTHER_SCRIPT.test(folded)) return { key: folded, whole: folded };
  let key = letterSkeleton(folded);
  // ъ and ь alone (OCR specks) map to nothing; a key is never empty.
  if (key === '') return { key: folded, whole: folded };
  if (/\d/.test(key)) return { key: codeKey(key), whole: codeKey(key) };
  // Yerlan / Ерлан, Yesimkhanov / Есимханов: a word-initial y before e is not written in Cyrillic.
  key = key.replace(/^ie/, 'e');
  key = key.replace(/(\p{L})\1+/gu, '$1');
  const ending = NAME_ENDINGS.find((e) => key.endsWith(e) && key.length - e.length >= MIN_NAME_STEM);
  return { key: ending ? key.slice(0, -ending.length) : key, whole: key };
}

export function translitKey(folded: string): string {
  return keys(folded).key;
}

/**
 * The key with the name ending left on: a misread ending (Оспанұпы, Kasymvly) is not cut, so the page's
 * key keeps it, and only the whole word is one letter from it.
 */
export function uncutKey(folded: string): string {
  return keys(folded).whole;
}

/**
 * Whether the key cut a name ending off the word (Dauletkyzy → daulet, Омарова → omar). A word with an
 * ending and one without share a key but are not the same name: Dauletkyzy is Daulet's daughter, and
 * a search for her must not light up her father's name (nor "Omar" every Omarov).
 */
export function hasNameEnding(folded: string): boolean {
  const { key, whole } = keys(folded);
  return key !== whole;
}
