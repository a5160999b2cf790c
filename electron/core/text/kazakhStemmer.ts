/**
 * A light Kazakh stemmer for nouns as they appear in letters and decisions: it strips plural, possessive
 * and case endings, and chains of them (азаматтарының → азамат), the longest ending that fits first
 * (one whose sound does not fit gives way to a shorter one), again and again, while at least three
 * letters with a vowel remain. It does not touch verb or derivational morphology
 * (-лық, -шы, -ған): a missed ending costs recall on the stem form only, while a wrong cut merges
 * unrelated words.
 *
 * Kazakh voices a final к/қ/п before a vowel (куәлік → куәлігі, азаматтық → азаматтығы), so a stem
 * ending in г/ғ/б is written back with к/қ/п; both sides of a match then meet on the voiceless form.
 */

const VOWELS = 'аәеёиоөуұүыіэюя';
const VOICED = 'рлйумнңжз';
/** б в г д end only loanwords and take the endings a voiceless consonant takes (клубтар). */
const VOICELESS = 'кқпстфхцчшщбвгд';
/** With ғ (only ever before a vowel ending, as the voiced қ) and һ. */
const CONSONANTS = `${VOICED}${VOICELESS}ғһ`;
/** The 3rd-person possessive (-ы/-і/-сы/-сі) before -на, -нда, -нан, -н. */
const POSSESSIVE_3 = 'ыі';

/**
 * Each ending with the letters it may follow. Kazakh picks the form of an ending by the sound before
 * it (тар after a voiceless consonant, дар after м н ң ж з, лар after a vowel or р л й у), so holding
 * each form to its own sounds keeps азаматы from being read as азама + ты.
 */
export const KAZAKH_ENDINGS: ReadonlyArray<readonly [ending: string, after: string]> = [
  // plural
  ['лар', `${VOWELS}рлйу`], ['лер', `${VOWELS}рлйу`], ['дар', 'мнңжз'], ['дер', 'мнңжз'], ['тар', VOICELESS], ['тер', VOICELESS],
  // possessive: 3rd person, 1st plural, 2nd polite
  ['ы', CONSONANTS], ['і', CONSONANTS], ['сы', VOWELS], ['сі', VOWELS],
  ['ымыз', CONSONANTS], ['іміз', CONSONANTS], ['мыз', VOWELS], ['міз', VOWELS],
  ['ыңыз', CONSONANTS], ['іңіз', CONSONANTS], ['ңыз', VOWELS], ['ңіз', VOWELS],
  // genitive
  ['ның', `${VOWELS}мнң`], ['нің', `${VOWELS}мнң`], ['дың', 'рлйужз'], ['дің', 'рлйужз'], ['тың', VOICELESS], ['тің', VOICELESS],
  // accusative; -н after a 3rd-person possessive (-ын/-ін after a consonant, -сын/-сін after a vowel)
  ['ны', VOWELS], ['ні', VOWELS], ['ды', VOICED], ['ді', VOICED], ['ты', VOICELESS], ['ті', VOICELESS],
  ['ын', CONSONANTS], ['ін', CONSONANTS], ['сын', VOWELS], ['сін', VOWELS],
  // dative; -на/-не after a 3rd-person possessive, bare -а/-е after a 1st/2nd-person one (-м, -ң)
  ['ға', `${VOWELS}${VOICED}`], ['ге', `${VOWELS}${VOICED}`], ['қа', VOICELESS], ['ке', VOICELESS],
  ['на', POSSESSIVE_3], ['не', POSSESSIVE_3], ['а', 'мң'], ['е', 'мң'],
  // locative, and the attributive locative (2021 жылғы 24 наурыздағы)
  ['да', `${VOWELS}${VOICED}`], ['де', `${VOWELS}${VOICED}`], ['та', VOICELESS], ['те', VOICELESS], ['нда', POSSESSIVE_3], ['нде', POSSESSIVE_3],
  ['дағы', `${VOWELS}${VOICED}`], ['дегі', `${VOWELS}${VOICED}`], ['тағы', VOICELESS], ['тегі', VOICELESS], ['ндағы', POSSESSIVE_3], ['ндегі', POSSESSIVE_3],
  // ablative
  ['дан', `${VOWELS}рлйужз`], ['ден', `${VOWELS}рлйужз`], ['тан', VOICELESS], ['тен', VOICELESS],
  ['нан', `мнң${POSSESSIVE_3}`], ['нен', `мнң${POSSESSIVE_3}`], ['ндан', POSSESSIVE_3], ['нден', POSSESSIVE_3],
  // instrumental
  ['мен', `${VOWELS}рлйумнң`], ['бен', 'жз'], ['пен', VOICELESS],
  // attributive -ғы/-гі/-қы/-кі (жылғы, бүгінгі, сыртқы)
  ['ғы', VOICED], ['гі', VOICED], ['қы', VOICELESS], ['кі', VOICELESS],
];
const AFTER = new Map(KAZAKH_ENDINGS);
const LONGEST_ENDING = Math.max(...KAZAKH_ENDINGS.map(([ending]) => ending.length));

const VOICELESS_FORM = new Map([['г', 'к'], ['ғ', 'қ'], ['б', 'п']]);

const isStem = (stem: string) => stem.length >= 3 && [...stem].some((c) => VOWELS.includes(c));

export function stemKazakh(word: string): string {
  let w = word;
  for (let cut = true; cut; ) {
    cut = false;
    // Longest first, so that a chain is cut from its outer end.
    for (let length = Math.min(LONGEST_ENDING, w.length - 3); length > 0 && !cut; length--) {
      const after = AFTER.get(w.slice(-length));
      const stem = w.slice(0, -length);
      if (after && after.includes(stem.at(-1)!) && isStem(stem)) {
        w = stem;
        cut = true;
      }
    }
  }
  const voiceless = VOICELESS_FORM.get(w.at(-1) ?? '');
  return voiceless ? w.slice(0, -1) + voiceless : w;
}
