/**
 * Folding: the form of a word that page text and queries are compared in ("exact" matches).
 *
 * NFKC, lower case, ё → е, and accents off Latin letters only. Cyrillic keeps its marks: й is not и,
 * and the Kazakh letters ә ғ қ ң ө ұ ү һ і stay themselves (they are not ascii-folded either).
 * OCR writes stray look-alike letters from the other script into a word (Latin i in Kazakh куәлiгi,
 * Cyrillic с in Latin Сase); such letters are put back into the word's own script first.
 */

/** Latin letters that carry no decomposable mark but fold to a plain letter all the same. */
const LATIN_SPECIAL = new Map(Object.entries({ ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ß: 'ss' }));

/** Latin → Cyrillic look-alikes, both cases (the Kazakh і and һ look exactly like Latin i and h). */
const LATIN_TO_CYRILLIC = new Map(Object.entries({
  A: 'А', a: 'а', B: 'В', C: 'С', c: 'с', E: 'Е', e: 'е', H: 'Н', h: 'һ', I: 'І', i: 'і', K: 'К', k: 'к',
  M: 'М', O: 'О', o: 'о', P: 'Р', p: 'р', T: 'Т', X: 'Х', x: 'х', Y: 'У', y: 'у',
}));
const CYRILLIC_TO_LATIN = new Map([...LATIN_TO_CYRILLIC].map(([latin, cyrillic]) => [cyrillic, latin]));

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD_RUN = /[\p{L}\p{M}\p{Nd}]+/gu;
const MARK = /\p{M}/u;

/**
 * A run holding both scripts whose minority letters all have a look-alike in the majority script gets
 * them in that script. On a tie Cyrillic wins: most of the casework is Russian and Kazakh.
 */
function repairMixedScript(run: string): string {
  let latin = 0;
  let cyrillic = 0;
  for (const c of run) {
    if (LATIN.test(c)) latin++;
    else if (CYRILLIC.test(c)) cyrillic++;
  }
  if (latin === 0 || cyrillic === 0) return run;
  const letters = [...run];
  const toCyrillic = letters.every((c) => !LATIN.test(c) || LATIN_TO_CYRILLIC.has(c));
  const toLatin = letters.every((c) => !CYRILLIC.test(c) || CYRILLIC_TO_LATIN.has(c));
  if (toCyrillic && (cyrillic >= latin || !toLatin)) return letters.map((c) => LATIN_TO_CYRILLIC.get(c) ?? c).join('');
  if (toLatin) return letters.map((c) => CYRILLIC_TO_LATIN.get(c) ?? c).join('');
  return run;
}

/** Drops combining marks that sit on a Latin base letter; marks on any other letter stay. */
function stripLatinMarks(text: string): string {
  let out = '';
  let baseIsLatin = false;
  for (const c of text.normalize('NFD')) {
    if (MARK.test(c)) {
      if (!baseIsLatin) out += c;
      continue;
    }
    baseIsLatin = LATIN.test(c);
    out += LATIN_SPECIAL.get(c) ?? c;
  }
  return out.normalize('NFC');
}

/** Text that has both ASCII letters and Cyrillic somewhere may hold a mixed-script word. */
const ASCII_LETTER = /[A-Za-z]/;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/;
/** Latin letters that decompose or fold (Latin-1 Supplement, Extended-A/B and Additional), or a mark. */
const MAY_CARRY_LATIN_MARK = /[\u00C0-\u024F\u1E00-\u1EFF\p{M}]/u;

export function fold(text: string): string {
  let folded = text.normalize('NFKC').replaceAll('\u00AD', '');
  if (ASCII_LETTER.test(folded) && CYRILLIC_LETTER.test(folded)) folded = folded.replace(WORD_RUN, repairMixedScript);
  folded = folded.toLowerCase().replaceAll('ё', 'е');
  return MAY_CARRY_LATIN_MARK.test(folded) ? stripLatinMarks(folded).normalize('NFKC') : folded;
}
