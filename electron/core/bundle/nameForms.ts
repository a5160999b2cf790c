/**
 * The grammatical forms a name takes on a page, as closed lists: Russian declension, Kazakh case and
 * possessive endings, their Latin transcriptions, and the suffixes that build another person's name on
 * a name (Kazakh patronymics, Russian surnames and patronymics).
 *
 * A name with an ending is found by taking a listed ending off the page's word and comparing what is
 * left, never by allowing more edits: Dauletkyzy is three letters longer than Daulet, like Дәулеттің,
 * and only the second is Daulet. All words here are folded (lower case, as `fold` writes them).
 */

/** Russian declension of names: Нурлан-а/-у/-ом/-е, Гульнар-ы/-е/-у/-ой, Жумабеков-а/-у/-ым/-е, Жумабеков-ой. */
const RUSSIAN = ['а', 'я', 'у', 'ю', 'е', 'и', 'ы', 'ом', 'ем', 'ым', 'им', 'ой', 'ей', 'ою', 'ею', 'ых', 'их'];

/**
 * Kazakh case endings, each in all the forms vowel harmony (а/е, ы/і) and assimilation to the
 * stem's last sound (ға/қа, ның/дың/тың, мен/бен/пен) give it. All forms are accepted after any stem:
 * a Kazakh name in a Russian spelling (Нурланға) or a transcription does not keep the harmony rules,
 * and a form that does not fit the stem only costs an extra box.
 */
const KAZAKH = [
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің', // genitive
  'ны', 'ні', 'ды', 'ді', 'ты', 'ті', // accusative
  'ға', 'ге', 'қа', 'ке', // dative
  'да', 'де', 'та', 'те', // locative
  'дан', 'ден', 'тан', 'тен', 'нан', 'нен', // ablative
  'мен', 'бен', 'пен', // instrumental
  'ы', 'і', 'сы', 'сі', // 3rd-person possessive (Нұрланы, "his Nurlan"), alone and before a case
  'ының', 'інің', 'сының', 'сінің', 'ын', 'ін', 'сын', 'сін', 'ына', 'іне', 'сына', 'сіне',
  'ында', 'інде', 'сында', 'сінде', 'ынан', 'інен', 'сынан', 'сінен', 'ымен', 'імен', 'сымен', 'сімен',
];

/**
 * The same endings in Arabic script, as Xinjiang's Uyghur (جانارنىڭ, جانارغا, ئانىسىغا) and Kazakh
 * (Töte: جانارعا, جانارمەن) write them: ى is both ы and і, ە is е, Kazakh writes ğ ع where Uyghur
 * writes غ, and a front-vowel word's hamza stands before the word, never in an ending.
 */
const ARABIC_SCRIPT = [
  'نىڭ', 'دىڭ', 'تىڭ', // genitive
  'نى', 'دى', 'تى', // accusative
  'غا', 'عا', 'قا', 'گە', 'كە', // dative
  'دا', 'دە', 'تا', 'تە', // locative
  'دىن', 'تىن', 'دان', 'دەن', 'تان', 'تەن', 'نان', 'نەن', // ablative (Uyghur, Kazakh)
  'دىكى', 'تىكى', // Uyghur "the one in/at"
  'مەن', 'بەن', 'پەن', // Kazakh instrumental
  'ى', 'سى', 'ىم', 'ىڭ', // possessive (3rd person, Uyghur 1st and 2nd)
  'سىنىڭ', 'ىنىڭ', 'سىنى', 'ىنى', 'سىغا', 'ىغا', 'سىدا', 'ىدا', 'سىدىن', 'ىدىن', // Uyghur possessive, then a case
];

/**
 * Endings Kazakh adds only after the 3rd-person possessive vowel (Асқарұлына, Мұхаметқызын). After
 * anything else they would read Alina as Ali + на and Aidan as Aida + н.
 */
const KAZAKH_AFTER_POSSESSIVE = ['н', 'на', 'не', 'нда', 'нде', 'ндан', 'нден', 'ن', 'نا', 'نە', 'ندا', 'ندە', 'نان', 'نەن'];
const POSSESSIVE_VOWEL = /[ыіyiى]$/;

/** How Latin transcriptions write the Cyrillic letters of the endings (English-style and Kazakh-2021 Latin). */
const TO_LATIN: Record<string, string[]> = {
  а: ['a'], б: ['b'], д: ['d'], е: ['e'], і: ['i'], и: ['i'], й: ['i', 'y'], к: ['k'], қ: ['k', 'q'], м: ['m'],
  н: ['n'], ң: ['n', 'ng'], о: ['o'], п: ['p'], с: ['s'], т: ['t'], у: ['u'], ы: ['y', 'i'], ю: ['yu', 'iu'],
  я: ['ya', 'ia'], ғ: ['g', 'gh'], х: ['kh', 'h'],
};

function latinForms(ending: string): string[] {
  let forms = [''];
  for (const letter of ending) forms = forms.flatMap((form) => (TO_LATIN[letter] ?? [letter]).map((latin) => form + latin));
  return forms;
}

const withLatin = (endings: readonly string[]) => [...new Set([...endings, ...endings.flatMap(latinForms)])];

/**
 * The English possessive whose apostrophe OCR dropped (Kulashs). With an apostrophe it needs no
 * ending: the apostrophe ends the word.
 */
const ENGLISH = ['s'];

const FREE_ENDINGS = withLatin([...RUSSIAN, ...KAZAKH]).concat(ENGLISH, ARABIC_SCRIPT);
const POSSESSIVE_ENDINGS = withLatin(KAZAKH_AFTER_POSSESSIVE);

/** Endings by their last letter, longest first, so a word is tested only against endings it could have. */
// eslint-disable-next-line no-restricted-syntax -- a lookup table filled from the constant ending lists just below, at load time
const BY_LAST = new Map<string, Array<{ ending: string; afterPossessive: boolean }>>();
for (const [list, afterPossessive] of [[FREE_ENDINGS, false], [POSSESSIVE_ENDINGS, true]] as const) {
  for (const ending of list) {
    const last = ending.at(-1)!;
    let bucket = BY_LAST.get(last);
    if (!bucket) BY_LAST.set(last, (bucket = []));
    if (!bucket.some((entry) => entry.ending === ending)) bucket.push({ ending, afterPossessive });
  }
}
for (const bucket of BY_LAST.values()) bucket.sort((a, b) => b.ending.length - a.ending.length);

/** The longest listed ending, in letters (a Latin transcription: сының → synyng). */
export const LONGEST_ENDING = Math.max(...FREE_ENDINGS.map((e) => e.length), ...POSSESSIVE_ENDINGS.map((e) => e.length));

/** A stem left after an ending must keep this many letters: initials do not decline. */
export const MIN_STEM = 3;

/** The word without each listed ending it carries (not the word itself), longest ending first. */
export function stemsOf(word: string): string[] {
  const stems: string[] = [];
  for (const { ending, afterPossessive } of BY_LAST.get(word.at(-1) ?? '') ?? []) {
    if (word.length - ending.length < MIN_STEM || !word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (afterPossessive && !POSSESSIVE_VOWEL.test(stem)) continue;
    stems.push(stem);
  }
  return stems;
}

/** Genitive endings: a name in the genitive before ұлы/қызы is that person's son or daughter, not a patronymic. */
const GENITIVE = withLatin(['ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ының', 'інің', 'сының', 'сінің']).concat(['نىڭ', 'دىڭ', 'تىڭ', 'ىنىڭ', 'سىنىڭ']);

/**
 * The word without each genitive ending it carries: Жанардың ұлы ("Zhanar's son") names Zhanar, where
 * Жанар ұлы is her son's patronymic and names him.
 */
export function genitiveStems(word: string): string[] {
  return GENITIVE.filter((ending) => word.length - ending.length >= MIN_STEM && word.endsWith(ending)).map((ending) => word.slice(0, -ending.length));
}

/**
 * The stem a name's feminine or soft ending leaves for declension (Гульнара → Гульнар-ы, Жумабекова →
 * Жумабеков-ой, Дмитрий → Дмитри-я, Игорь → Игор-я), or null.
 */
export function declensionStem(word: string): string | null {
  const stem = word.replace(/(?:[аяйьa]|ya|ia)$/, '');
  return stem !== word && stem.length >= MIN_STEM ? stem : null;
}

/**
 * The Kazakh patronymic written as a word of its own (Мұхамет қызы, Daulet uly) or after a hyphen:
 * "daughter of", "son of". Joined to the name before it, it makes a patronymic, which is not that name.
 */
const PATRONYMIC = new Set(['қызы', 'кызы', 'кизи', 'ұлы', 'улы', 'ули', 'kyzy', 'kizi', 'kyzi', 'qyzy', 'qizi', 'uly', 'uli', 'ulu', 'ugli', 'ogli', 'قىزى', 'ۇلى', 'ئوغلى', 'وغلى']);

export function isPatronymicWord(word: string): boolean {
  return PATRONYMIC.has(word) || stemsOf(word).some((stem) => PATRONYMIC.has(stem));
}

/**
 * Russian surname and patronymic suffixes (Даулетов, Даулетовна), alone and declined. Written apart
 * from a name they are never found; they matter where letters of unknown spacing run on from a name.
 */
const DERIVATION = /^(?:ов|ев|ёв)(?:а|у|ой|ым|е|ы|ых|ич|ича|ичу|ичем|иче|на|ны|не|ну|ной)?$|^(?:ov|ev|yev|iev)(?:a|u|oi|oy|ym|im|e|y|ich|icha|ichu|na|ny|ne|nu|noi)?$/;

export function isDerivationSuffix(word: string): boolean {
  return DERIVATION.test(word);
}

/**
 * A word built on a name with a suffix that makes it another person's (Даулетов, Dauletova,
 * Дәулетқызы, Askaruly): the cross-script key cuts these suffixes off, so a key alone cannot tell
 * Daulet from Dauletov; this can.
 */
const NAME_BUILDING = /(?:ов|ев|ова|ева|ову|еву|овой|евой|овым|евым|ович|евич|овна|евна|ұлы|улы|ули|қызы|кызы|кизи|ov|ev|ova|eva|ovu|evu|ovoi|ovoy|evoi|evoy|ovym|evym|ovim|evim|ovich|evich|ovna|evna|uly|uli|kyzy|kizi|qyzy|qizi|قىزى|ۇلى|وغلى)$/;

export function isNameBuilt(word: string): boolean {
  const match = NAME_BUILDING.exec(word);
  return match !== null && match.index >= 4;
}
