/**
 * A date as documents print it, in a language and a form picked at random: numeric with any separator,
 * two-digit years, Roman numeral months, month names and abbreviations (the Russian genitive, Kazakh, English, bilingual
 * passport months), 年月日 in digits or in Chinese numerals. Written for the generator apart from the
 * reader's month table (dateVocabulary.ts), so that a slip in one is not copied into the other. Test
 * support only.
 */
import type { Random } from './random';

export type Language = 'ru' | 'kk' | 'en' | 'zh';

const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_SHORT = ['янв.', 'фев.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const RU_PASSPORT = ['ЯНВ', 'ФЕВ', 'МАР', 'АПР', 'МАЙ', 'ИЮН', 'ИЮЛ', 'АВГ', 'СЕН', 'ОКТ', 'НОЯ', 'ДЕК'];
const KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ZH_DIGITS = '〇一二三四五六七八九';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

const pad = (n: number) => String(n).padStart(2, '0');

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function chineseNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? ZH_DIGITS[tens] : ''}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
}

/** Any of the numeric forms, day first as in Kazakhstan, or year first. */
export function numericDate(random: Random, iso: string, twoDigitYear = true): string {
  const { y, m, d } = parts(iso);
  const separator = random.pick(['.', '.', '.', '/', '-', ' ']);
  const day = random.chance(0.85) ? pad(d) : String(d);
  const month = random.chance(0.85) || separator === ' ' ? pad(m) : String(m);
  if (random.chance(0.1)) return `${y}-${pad(m)}-${pad(d)}`;
  if (random.chance(0.04)) return `${pad(d)}.${ROMAN[m - 1]}.${y}`;
  if (random.chance(0.06)) return `${y}.${pad(m)}.${pad(d)}`;
  if (twoDigitYear && separator !== ' ' && separator !== '-' && random.chance(0.12)) return `${pad(d)}${separator}${pad(m)}${separator}${pad(y % 100)}`;
  return `${day}${separator}${month}${separator}${y}`;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
const ordinal = (d: number) => (Math.floor(d / 10) === 1 ? 'th' : (['th', 'st', 'nd', 'rd'][d % 10] ?? 'th'));

/** A date written out in `language`, or numeric. */
export function printedDate(random: Random, iso: string, language: Language, options: { numeric?: number; twoDigitYear?: boolean } = {}): string {
  const { y, m, d } = parts(iso);
  if (random.chance(options.numeric ?? 0.5)) return language === 'zh' && random.chance(0.5) ? `${y}年${m}月${d}日` : numericDate(random, iso, options.twoDigitYear);
  switch (language) {
    case 'ru':
      return random.pick([
        `${d} ${RU_GENITIVE[m - 1]} ${y} года`,
        `${d} ${RU_GENITIVE[m - 1]} ${y} г.`,
        `«${pad(d)}» ${RU_GENITIVE[m - 1]} ${y} г.`,
        `${d} ${RU_SHORT[m - 1]} ${y}`,
        `${pad(d)} ${RU_GENITIVE[m - 1]!.toUpperCase()} ${y}`,
      ]);
    case 'kk':
      return random.pick([`${y} жылғы ${d} ${KK[m - 1]}`, `${y} жылғы «${pad(d)}» ${KK[m - 1]}`, `${d} ${KK[m - 1]} ${y} ж.`, `${y} ж. ${d} ${KK[m - 1]}`]);
    case 'en':
      return random.pick([
        `${d} ${EN[m - 1]} ${y}`,
        `${EN[m - 1]} ${d}, ${y}`,
        `${d} ${EN[m - 1]!.slice(0, 3)} ${y}`,
        `${pad(d)}-${EN[m - 1]!.slice(0, 3).toUpperCase()}-${y}`,
        `${pad(d)} ${EN[m - 1]!.slice(0, 3).toUpperCase()} ${y}`,
        `${d}${ordinal(d)} day of ${EN[m - 1]}, ${y}`,
      ]);
    case 'zh':
      return random.pick([`${y}年${m}月${d}日`, `${y}年${pad(m)}月${pad(d)}日`, `${[...String(y)].map((c) => ZH_DIGITS[Number(c)]).join('')}年${chineseNumber(m)}月${chineseNumber(d)}日`]);
  }
}

/** A passport's date: «12 ФЕВ/FEB 2027», «14 3月/MAR 1979», «12 FEB 2027». */
export function passportDate(random: Random, iso: string): string {
  const { y, m, d } = parts(iso);
  const en = EN[m - 1]!.slice(0, 3).toUpperCase();
  return random.pick([`${pad(d)} ${RU_PASSPORT[m - 1]}/${en} ${y}`, `${pad(d)} ${m}月/${en} ${y}`, `${pad(d)} ${en} ${y}`, `${pad(d)} ${en}/${RU_PASSPORT[m - 1]} ${y}`]);
}
