/**
 * Function words of Russian, Kazakh and English, in folded form (ё as е). Kept small on purpose: only
 * prepositions, conjunctions, particles and the commonest pronouns, never a word a lawyer would search
 * for on its own (не and жоқ stay out: "не является" and "құжаты жоқ" carry the meaning).
 */
const RUSSIAN = [
  'а', 'без', 'бы', 'в', 'во', 'вот', 'да', 'для', 'до', 'его', 'ее', 'же', 'за', 'и', 'из', 'или', 'их',
  'к', 'как', 'ко', 'ли', 'на', 'над', 'но', 'о', 'об', 'обо', 'он', 'она', 'они', 'оно', 'от', 'по', 'под',
  'при', 'про', 'с', 'со', 'так', 'также', 'то', 'у', 'что', 'чтобы', 'это',
];
const KAZAKH = [
  'ал', 'арқылы', 'бен', 'бірақ', 'бойынша', 'бұл', 'да', 'де', 'дейін', 'және', 'кейін', 'мен', 'немесе',
  'ол', 'осы', 'пен', 'сол', 'сондай', 'та', 'те', 'туралы', 'үшін', 'ғана',
];
const ENGLISH = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'were', 'with',
];

const STOPWORDS = new Set([...RUSSIAN, ...KAZAKH, ...ENGLISH]);

/** `exact` is a token's folded form (see fold). */
export function isStopword(exact: string): boolean {
  return STOPWORDS.has(exact);
}
