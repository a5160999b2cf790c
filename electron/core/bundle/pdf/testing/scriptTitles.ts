/**
 * Titles in the scripts of the casework, generated from a seed: Latin, Cyrillic with the Kazakh letters,
 * Chinese with CJK punctuation, Uyghur in Arabic script (real words and made-up ones, so that every letter
 * turns up at the start, in the middle and at the end of a word), and numbers, mixed in one line.
 */

/** The 32 letters of the Uyghur alphabet (Uyghur Ereb Yéziqi), hamza-yeh first. */
export const UYGHUR_LETTERS = [...'ئاەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي'];

const UYGHUR_WORDS = ['ئۇيغۇر', 'ئاپتونوم', 'رايونى', 'لالە', 'ۋەتەن', 'ژۇرنال', 'چۈشەنچە', 'گۈل', 'ھەممە', 'ئۆي', 'خەت', 'پاسپورت', 'قانۇن', 'سوت', 'دەلىل', 'ئىلتىماس', 'بېكىتىش', 'ساقچى'];
const LATIN = ['Decision', 'appeal', 'Refugee', 'certificate', 'Ministry', 'notice', 'No.', 'police', 'Askaruly'];
const CYRILLIC = ['Шешім', 'Қазақстан', 'әғқңөұүһі', 'Министерство', 'үкім', 'Өтініш', 'ұлттық', 'Һәм', 'Іс', 'Нұрлан'];
const CHINESE = ['乌公通〔2020〕45号', '限期返回通知书', '公安局', '决定书', '新疆维吾尔自治区', '《通知》', '（副本）', '第三条、第五条。', '「证明」'];

export type Pick = <T>(items: readonly T[]) => T;

export function picker(random: () => number): Pick {
  return (items) => items[Math.floor(random() * items.length)]!;
}

/** A made-up Uyghur word of 2–6 letters: any letter anywhere, so every contextual form gets drawn. */
function madeUpWord(random: () => number, pick: Pick): string {
  const length = 2 + Math.floor(random() * 5);
  return Array.from({ length }, () => pick(UYGHUR_LETTERS)).join('');
}

function number(random: () => number, pick: Pick): string {
  const n = String(1 + Math.floor(random() * 2030));
  return pick([n, `№ ${n}`, `${n}/2021`, `${n}-${Math.floor(random() * 99)}`, `(${n})`]);
}

/** Two to four Uyghur words, nothing else: a line that reads right to left throughout. */
export function uyghurLine(random: () => number): string {
  const pick = picker(random);
  return Array.from({ length: 2 + Math.floor(random() * 3) }, () => (random() < 0.5 ? pick(UYGHUR_WORDS) : madeUpWord(random, pick))).join(' ');
}

/** One part of each script and a number, plus up to two more, shuffled, separated by spaces. */
export function mixedTitle(random: () => number): string {
  const pick = picker(random);
  const makers = [() => pick(LATIN), () => pick(CYRILLIC), () => pick(CHINESE), () => uyghurLine(random).split(' ').slice(0, 2).join(' '), () => number(random, pick)];
  const parts = makers.map((make) => make());
  for (let extra = Math.floor(random() * 3); extra > 0; extra--) parts.push(pick(makers)());
  for (let i = parts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
  }
  return parts.join(' ');
}
