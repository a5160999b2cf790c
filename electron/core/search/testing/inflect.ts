/**
 * Inflected forms of legal phrases for generated test pages (test support only): a letter says «о
 * статусе беженца» and «босқын мәртебесін», not the dictionary form a glossary lists. Written from the
 * grammar, not from the stemmers, so a test built on them can catch a stemmer that misses a form.
 */

export type RussianCase = 'genitive' | 'dative' | 'instrumental' | 'prepositional';
export type KazakhCase = 'genitive' | 'dative' | 'accusative' | 'locative' | 'ablative' | 'instrumental';
export const RUSSIAN_CASES: readonly RussianCase[] = ['genitive', 'dative', 'instrumental', 'prepositional'];
export const KAZAKH_CASES: readonly KazakhCase[] = ['genitive', 'dative', 'accusative', 'locative', 'ablative', 'instrumental'];

type Endings = Record<RussianCase, string>;
const CASE_INDEX: Record<RussianCase, number> = { genitive: 0, dative: 1, instrumental: 2, prepositional: 3 };
const endings = (list: string): Endings => {
  const [genitive, dative, instrumental, prepositional] = list.split(' ') as [string, string, string, string];
  return { genitive, dative, instrumental, prepositional };
};

/** Adjective (and participle) endings by their nominative ending. */
const ADJECTIVE: Array<[string, Endings]> = [
  ['кий', endings('кого кому ким ком')],
  ['гий', endings('гого гому гим гом')],
  ['ый', endings('ого ому ым ом')],
  ['ой', endings('ого ому ым ом')],
  ['ий', endings('его ему им ем')],
  ['ое', endings('ого ому ым ом')],
  ['ее', endings('его ему им ем')],
  ['ая', endings('ой ой ой ой')],
  ['яя', endings('ей ей ей ей')],
];

/** Noun endings by the nominative's ending ('' is a hard consonant: the masculine default). */
const NOUN: Array<[string, Endings]> = [
  ['ие', endings('ия ию ием ии')],
  ['ия', endings('ии ии ией ии')],
  ['ец', endings('ца цу цем це')],
  ['ка', endings('ки ке кой ке')],
  ['га', endings('ги ге гой ге')],
  ['ща', endings('щи ще щей ще')],
  ['ище', endings('ища ищу ищем ище')],
  ['о', endings('а у ом е')],
  ['е', endings('я ю ем е')],
  ['а', endings('ы е ой е')],
  ['я', endings('и е ей е')],
  ['ь', endings('и и ью и')],
  ['й', endings('я ю ем е')],
  ['', endings('а у ом е')],
];

const CYRILLIC_CONSONANT_END = /[бвгджзклмнпрстфхцчшщ]$/;
/** Loanwords (хукоу) and abbreviations (УВКБ ООН) do not decline. */
const INDECLINABLE = /[иуюэ]$/;
const ABBREVIATION = /^[А-ЯЁ]{2,}$/;

function declineWord(word: string, grammaticalCase: RussianCase, table: Array<[string, Endings]>): string {
  for (const [ending, forms] of table) {
    if (ending === '' ? !CYRILLIC_CONSONANT_END.test(word) : !word.endsWith(ending)) continue;
    const form = Object.values(forms)[CASE_INDEX[grammaticalCase]]!;
    return word.slice(0, word.length - ending.length) + form;
  }
  return word;
}

/**
 * A Russian phrase in another case: its leading adjectives and its head noun decline, the words after
 * the head (a genitive, a prepositional phrase) stay as they are: статус беженца → статусе беженца.
 */
export function declineRussian(phrase: string, grammaticalCase: RussianCase): string {
  const words = phrase.split(' ');
  if (/(ые|ие)$/.test(words[0]!) && words[0]!.length > 4) return declinePlural(words, grammaticalCase);
  let headSeen = false;
  return words
    .map((raw) => {
      if (headSeen) return raw;
      const comma = raw.endsWith(',') ? ',' : '';
      const word = comma ? raw.slice(0, -1) : raw;
      const lower = word.toLowerCase();
      if (ADJECTIVE.some(([ending]) => lower.endsWith(ending)) && lower.length > 4) return declineWord(word, grammaticalCase, ADJECTIVE) + comma;
      headSeen = true;
      if (INDECLINABLE.test(lower) || ABBREVIATION.test(word)) return raw;
      return declineWord(word, grammaticalCase, NOUN) + comma;
    })
    .join(' ');
}

/** A plural phrase (гуманитарные основания): adjectives in -ые/-ие, a head noun in -ия or -ы. */
function declinePlural(words: string[], grammaticalCase: RussianCase): string {
  const index = CASE_INDEX[grammaticalCase];
  let headSeen = false;
  return words
    .map((word) => {
      if (headSeen) return word;
      const adjective = /^(.+)(ые|ие)$/.exec(word);
      if (adjective) return adjective[1]! + (adjective[2] === 'ые' ? ['ых', 'ым', 'ыми', 'ых'] : ['их', 'им', 'ими', 'их'])[index];
      headSeen = true;
      if (word.endsWith('ия')) return word.slice(0, -2) + ['ий', 'иям', 'иями', 'иях'][index];
      if (word.endsWith('ы')) return word.slice(0, -1) + ['ов', 'ам', 'ами', 'ах'][index];
      return word;
    })
    .join(' ');
}

const FRONT = 'әеөүі';
const VOICELESS = 'кқпстфхцчшщ';
const VOWELS = 'аәеиоөуұүыіэюя';

/** Back or front: the last vowel that tells (у and и are written in both kinds of word). */
function isFront(word: string): boolean {
  for (const c of [...word].reverse()) {
    if (FRONT.includes(c)) return true;
    if ('аоұыя'.includes(c)) return false;
  }
  return false;
}

/** The 3rd-person possessive a head noun of a Kazakh compound carries (босқын мәртебесі, жол жүру құжаты). */
function hasPossessive(word: string, inCompound: boolean): boolean {
  if (/(сы|сі)$/.test(word)) return true;
  return inCompound && /[^аәеиоөуұүыіэюя](ы|і)$/.test(word) && !/(шы|ші)$/.test(word);
}

/**
 * A Kazakh phrase in another case: the last word takes the ending, by vowel harmony and the sound
 * before it (after a possessive: -ның, -на, -н, -нда, -нан).
 */
export function declineKazakh(phrase: string, grammaticalCase: KazakhCase): string {
  const words = phrase.split(' ');
  const word = words.at(-1)!;
  const front = isFront(word);
  const pick = (back: string, frontForm: string) => (front ? frontForm : back);
  const last = word.at(-1)!;
  let ending: string;
  if (hasPossessive(word, words.length > 1)) {
    ending = { genitive: pick('ның', 'нің'), dative: pick('на', 'не'), accusative: 'н', locative: pick('нда', 'нде'), ablative: pick('нан', 'нен'), instrumental: 'мен' }[grammaticalCase];
  } else if (VOWELS.includes(last) && last !== 'у') {
    ending = { genitive: pick('ның', 'нің'), dative: pick('ға', 'ге'), accusative: pick('ны', 'ні'), locative: pick('да', 'де'), ablative: pick('дан', 'ден'), instrumental: 'мен' }[grammaticalCase];
  } else if (VOICELESS.includes(last)) {
    ending = { genitive: pick('тың', 'тің'), dative: pick('қа', 'ке'), accusative: pick('ты', 'ті'), locative: pick('та', 'те'), ablative: pick('тан', 'тен'), instrumental: 'пен' }[grammaticalCase];
  } else if ('мнң'.includes(last)) {
    ending = { genitive: pick('ның', 'нің'), dative: pick('ға', 'ге'), accusative: pick('ды', 'ді'), locative: pick('да', 'де'), ablative: pick('нан', 'нен'), instrumental: 'мен' }[grammaticalCase];
  } else if ('жз'.includes(last)) {
    ending = { genitive: pick('дың', 'дің'), dative: pick('ға', 'ге'), accusative: pick('ды', 'ді'), locative: pick('да', 'де'), ablative: pick('дан', 'ден'), instrumental: 'бен' }[grammaticalCase];
  } else {
    // р л й у
    ending = { genitive: pick('дың', 'дің'), dative: pick('ға', 'ге'), accusative: pick('ды', 'ді'), locative: pick('да', 'де'), ablative: pick('дан', 'ден'), instrumental: 'мен' }[grammaticalCase];
  }
  // An abbreviation takes its ending after a hyphen (БҰҰ БЖКБ-ға).
  return [...words.slice(0, -1), word + (/^[А-ЯЁӘҒҚҢӨҰҮҺІ]{2,}$/.test(word) ? '-' : '') + ending].join(' ');
}
