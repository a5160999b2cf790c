/**
 * The stem form of a folded word, with the language told from its letters: Kazakh Cyrillic (a letter
 * only Kazakh has, or ы after ж ш к г х, which Russian spelling never writes: not one of the aspell
 * Russian dictionary's million forms has it but акын), Russian Cyrillic, or English a–z. A Kazakh word
 * spelt with Russian letters only (азаматтар) is stemmed as Russian: a wrong guess costs the stem
 * match between its forms, not the exact or the cross-script one.
 * Anything else (digits, other scripts, Latin with letters beyond a–z) is its own stem.
 */
import { stemEnglish } from './englishStemmer';
import { stemKazakh } from './kazakhStemmer';
import { stemRussian } from './russianStemmer';

const RUSSIAN_OR_KAZAKH = /^[а-яәғқңөұүһі]+$/u;
const KAZAKH = /[әғқңөұүһі]|[жшкгх]ы/u;
const ENGLISH = /^[a-z]+$/;

export function stem(folded: string): string {
  if (ENGLISH.test(folded)) return stemEnglish(folded);
  if (!RUSSIAN_OR_KAZAKH.test(folded)) return folded;
  return KAZAKH.test(folded) ? stemKazakh(folded) : stemRussian(folded);
}
