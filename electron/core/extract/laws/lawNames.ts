/**
 * Where a page names an act of the register: by its number (№ 477-IV, also as OCR prints it: 4771V,
 * 1Ю17-ХИ, 216-ГУ, 223-Ш), by a title, alias or abbreviation (lawTitles), or by its Chinese title.
 *
 * Everything comes from the register the caller passes, so a law the lawyer adds is found by its number,
 * titles and aliases with no change here.
 */
import type { Law } from '../types';
import type { LawMention } from './lawMention';
import { baseLetters, isPunct, isWord, type PageText, type Token } from './lawText';
import { compileTitles, findTitles, type TitleIndex } from './lawTitles';
import { actNearby } from './lawWords';

export interface CompiledRegister {
  titles: TitleIndex;
  numbers: Map<string, Law>;
  chinese: Array<{ law: Law; title: string }>;
}

/**
 * The law register as citations are found with it: its laws, and their names compiled once. The vault's
 * is tagging/lawRegister.ts (read from the vault, compiled again after a law is saved).
 */
export interface CitableRegister {
  laws(): readonly Law[];
  compiled(): CompiledRegister;
}

/** A register of fixed laws (the seed, a test's own), compiled on first use. */
export function fixedRegister(laws: readonly Law[]): CitableRegister {
  let compiled: CompiledRegister | null = null;
  return { laws: () => laws, compiled: () => (compiled ??= compileRegister(laws)) };
}

const HAN = /\p{Script=Han}/u;
const CN_PREFIX = '中华人民共和国';

/**
 * A law number as a key that OCR's readings of it meet: 1, l, I, і, Г are one stroke; 0, O, Ю one
 * ring; V, У and Ү, X and Х alike; П and И read II, Ш reads III; separators dropped.
 */
const CODE_CHARS = new Map(Object.entries({
  '0': 'o', о: 'o', o: 'o', ю: 'o', '1': 'i', l: 'i', i: 'i', і: 'i', '|': 'i', '!': 'i', г: 'i', v: 'v', у: 'v', ү: 'v', y: 'v', x: 'x', х: 'x',
  п: 'ii', и: 'ii', н: 'ii', ш: 'iii',
}));

export function numberKey(printed: string): string {
  let key = '';
  for (const c of printed.toLowerCase()) {
    if (/[\s\-–./]/.test(c)) continue;
    key += CODE_CHARS.get(c) ?? baseLetters(c);
  }
  return key;
}

export function compileRegister(register: readonly Law[]): CompiledRegister {
  const numbers = new Map<string, Law>();
  const chinese: CompiledRegister['chinese'] = [];
  const names: Array<{ law: Law; name: string }> = [];
  for (const law of register) {
    if (law.number) numbers.set(numberKey(law.number), law);
    for (const name of [law.title.en, law.title.ru, law.title.kk, law.title.zh ?? '', ...law.aliases]) {
      if (name.trim() === '') continue;
      if (!HAN.test(name)) {
        names.push({ law, name });
        continue;
      }
      chinese.push({ law, title: name });
      // 中华人民共和国出境入境管理法 is also cited as 出境入境管理法
      if (name.startsWith(CN_PREFIX) && name.length > CN_PREFIX.length + 2) chinese.push({ law, title: name.slice(CN_PREFIX.length) });
    }
  }
  return { titles: compileTitles(names), numbers, chinese };
}

// --- numbers -------------------------------------------------------------------------------------

function hasNumberSign(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (isPunct(before, '№#')) return true;
  const word = isPunct(before, '.') ? tokens[i - 2] : before;
  return isWord(word) && ['n', 'no', 'nr', 'номер'].includes(word.text);
}

function findNumbers(page: PageText, register: CompiledRegister): LawMention[] {
  const { tokens } = page;
  const found: LawMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i]!;
    if (!/\d/.test(head.text) || head.kind === 'punct') continue;
    // Inside a longer identifier (3-1-17/А-1881) it is no law number.
    if (!head.space && isPunct(tokens[i - 1], '-/') && tokens[i - 2]?.kind !== 'punct') continue;
    const parts = [head];
    for (let j = i + 1; j < tokens.length && parts.length < 6; j++) {
      const t = tokens[j]!;
      const joined = !t.space || isPunct(t, '-') || isPunct(parts.at(-1), '-');
      if (!joined || !(isPunct(t, '-') || t.kind === 'num' || isWord(t))) break;
      parts.push(t);
    }
    const signed = hasNumberSign(tokens, i);
    for (let n = parts.length; n >= 1; n--) {
      if (parts[n - 1]!.kind === 'punct') continue;
      const printed = parts.slice(0, n).map((t) => t.text).join('');
      const law = register.numbers.get(numberKey(printed)) ?? (/^n\d/.test(printed) ? register.numbers.get(numberKey(printed.slice(1))) : undefined);
      if (!law) continue;
      const lettered = /\p{L}/u.test(law.number ?? '');
      if (!lettered && !signed) break;
      // A number alone (an interleaved OCR line) is no citation; one beside «Закона» or a title is.
      const near = actNearby(tokens, i, -1) || actNearby(tokens, i + n - 1, 1);
      found.push({
        law,
        start: head.start,
        end: parts[n - 1]!.end,
        first: i,
        last: i + n - 1,
        by: 'number',
        strong: near,
        confidence: numberKey(printed) === numberKey(law.number ?? '') && printed === (law.number ?? '').toLowerCase() ? 0.95 : 0.88,
      });
      i += n - 1;
      break;
    }
  }
  return found;
}

// --- Chinese -------------------------------------------------------------------------------------

function findChinese(page: PageText, register: CompiledRegister): LawMention[] {
  const found: LawMention[] = [];
  for (const { law, title } of register.chinese) {
    for (let at = page.text.indexOf(title); at >= 0; at = page.text.indexOf(title, at + title.length)) {
      const first = page.tokens.findIndex((t) => t.start >= at);
      const last = page.tokens.findLastIndex((t) => t.end <= at + title.length);
      found.push({ law, start: at, end: at + title.length, first, last, by: 'chinese', strong: true, confidence: 0.95 });
    }
  }
  return found;
}

/**
 * Every mention of a register act on the page, one per place: where two names overlap (a Chinese alias
 * inside the full title, «УК» inside «УК РК»), the longer one stays.
 */
export function findLawMentions(page: PageText, register: CompiledRegister): LawMention[] {
  const all = [...findNumbers(page, register), ...findTitles(page, register.titles), ...findChinese(page, register)];
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence);
  const kept: LawMention[] = [];
  for (const mention of all) {
    if (kept.some((k) => k.start < mention.end && mention.start < k.end)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}
