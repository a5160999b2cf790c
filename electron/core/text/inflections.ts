/**
 * The stems a dictionary word takes on a page, in all its forms: what a legal concept's phrase
 * («временная защита», «баспана») must be looked for as. The stem of the dictionary form alone is not
 * enough, for reasons in the stemmers that no stemmer fix removes without costing elsewhere:
 *
 * - Snowball reads some Russian noun forms as verbs: защита → защит but защите → защ; прием → при but
 *   приема → прием; and a fleeting vowel leaves the stem (беженец, беженца → беженц).
 * - A Kazakh word with no letter only Kazakh has is stemmed as Russian (баспана, but баспанада, тану,
 *   тануда), and a root of two letters keeps its endings (ел, елдің).
 * - The English stemmer leaves a loanword's plural alone (hukou, hukous).
 *
 * So the forms are made (a Russian word's declension endings in place of its own; a Kazakh word with
 * its plural, possessive and case endings, one after another, as the stemmer's table allows them)
 * and each goes through `stem`, the function that stemmed the page. A form no page has costs nothing.
 */
import { KAZAKH_ENDINGS } from './kazakhStemmer';
import { stem } from './stem';

/** A Russian adjective or participle: its dictionary ending, and the endings of its other forms. */
const ADJECTIVE_ENDING = /^(.{3,})(ый|ий|ой|ая|яя|ое|ее|ые|ие)$/;
const ADJECTIVE_FORMS = ['ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем', 'ей', 'ую', 'юю', 'ых', 'их', 'ыми', 'ими'];
/** A noun's dictionary ending, and the endings of its other cases and the plural (both declensions). */
const NOUN_ENDING = /^(.{3,}?)(ие|ия|а|я|о|е|ь|й)$/;
const NOUN_FORMS = ['', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'ой', 'ей', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'ами', 'ями', 'ия', 'ие', 'ии', 'ию', 'ий', 'ием', 'ией', 'иям', 'иях'];
/** A vowel that drops before an ending: беженец → беженца, отказ stays. */
const FLEETING = /^(.{3,})[еоё]([кцн]ь?)$/;

function russianForms(word: string): string[] {
  const adjective = ADJECTIVE_ENDING.exec(word);
  if (adjective && word.length >= 5) return ADJECTIVE_FORMS.map((ending) => adjective[1]! + ending);
  const bases = new Set([word]);
  const noun = NOUN_ENDING.exec(word);
  if (noun) bases.add(noun[1]!);
  const fleeting = FLEETING.exec(word);
  if (fleeting) bases.add(fleeting[1]! + fleeting[2]!.replace('ь', ''));
  return [...bases].flatMap((base) => NOUN_FORMS.map((ending) => base + ending));
}

/** Kazakh endings that another ending may follow: the plural and the 3rd-person possessive. */
const KAZAKH_FIRST = new Set(['лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'ы', 'і', 'сы', 'сі']);
/** A voiceless final к қ п is voiced before a vowel: куәлік → куәлігі. */
const VOICED_BEFORE_VOWEL = new Map([['к', 'г'], ['қ', 'ғ'], ['п', 'б']]);
const VOICELESS_AGAIN = new Map([...VOICED_BEFORE_VOWEL].map(([voiceless, voiced]) => [voiced, voiceless]));
const VOWEL_START = /^[аәеиоөуұүыіэюя]/;

function kazakhForms(word: string): string[] {
  const add = (base: string, out: Set<string>, next: boolean) => {
    for (const [ending, after] of KAZAKH_ENDINGS) {
      if (!after.includes(base.at(-1) ?? '')) continue;
      const voiced = VOWEL_START.test(ending) ? VOICED_BEFORE_VOWEL.get(base.at(-1)!) : undefined;
      const form = (voiced ? base.slice(0, -1) + voiced : base) + ending;
      out.add(form);
      if (next && KAZAKH_FIRST.has(ending)) add(form, out, false);
    }
  };
  const out = new Set([word]);
  add(word, out, true);
  // A head noun listed with its possessive (шыққан елі, босқын куәлігі) declines from its bare form too: елін.
  const bare = /[^аәеиоөуұүыіэюя][ыі]$/.test(word) ? word.slice(0, -1) : /[аәеиоөуұүыіэюя]с[ыі]$/.test(word) ? word.slice(0, -2) : null;
  if (bare && bare.length >= 2) {
    const voiceless = VOICELESS_AGAIN.get(bare.at(-1)!);
    const base = voiceless ? bare.slice(0, -1) + voiceless : bare;
    out.add(base);
    add(base, out, true);
  }
  return [...out];
}

// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function over dictionary words (not page text)
const memo = new Map<string, readonly string[]>();

/** The stems of a folded dictionary word's forms in `language` (ru, kk, en; others: its own stem). */
export function inflectedStems(word: string, language: string): readonly string[] {
  const id = `${language}:${word}`;
  let stems = memo.get(id);
  if (!stems) {
    const forms =
      language === 'ru'
        ? russianForms(word)
        : language === 'kk'
          ? kazakhForms(word)
          : language === 'en'
            ? [word, `${word}s`, `${word}es`, word.replace(/y$/, 'ies')]
            : [word];
    stems = [...new Set([stem(word), ...forms.map(stem)])];
    memo.set(id, stems);
  }
  return stems;
}
