/**
 * Numbers a document carries, with what each one is: its own outgoing (registration) number, the incoming
 * number the authority gave the request it answers, numbers of other documents it cites, refugee
 * certificate and passport numbers, IINs and case numbers.
 *
 * A number is read after «№» (and OCR's readings of it: No., Ne, N°, Хо), as a 12-digit IIN, or in the
 * Chinese form 额公（治）通字〔2019〕37号. Its role comes from where it stands — the «02.04.2021 № …» line
 * under the letterhead, «Исх. №», «вх. №», a title «СПРАВКА № 759» — and otherwise from the nearest word
 * naming a kind of document: before it in Russian and English («удостоверение беженца № 000134»), after
 * it in Kazakh («№ 000418 босқын куәлігі», «№ … жауабымен»). Law numbers (№ 477-IV) are left to the law
 * extractor.
 */
import type { NumberFinding, PageInput } from '../types';
import { cellRows, type Cell } from '../dates/fieldLayout';
import { collapse, datesOnPage, lineIndexAt, linesOf, type Line } from '../dates/pageText';

type Role = NumberFinding['role'];

/** «№» and what OCR makes of it; "No" only before a space or a dot, so that "Not" and "None" stay words. */
const MARK = /(?<![\p{L}\p{N}])(?:№|N[°º]\.?|N[oO]\.|N[oO](?=\s)|Nr\.|Ne(?=\s)|Хо(?=\s)|N(?=\d))\s*/gu;
const PIECE = /^[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*/u;
/** An act's number: 477-IV, 1017-XII, and as OCR reads the numerals (1017-ХП, 216-ГУ, 4771V). */
export const LAW_NUMBER = /^\d{1,4}\s?-?\s?[IVXІХПУШГЛ]{1,5}$/u;
const CHINESE_NUMBER = /[\p{Script=Han}]{1,10}(?:[（(][\p{Script=Han}]{1,4}[）)])?[\p{Script=Han}]{0,4}\s*[〔［[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,6}\s*号/gu;
/** A passport number after the word, without «№»: «Паспорт: E30306445». */
const PASSPORT_WITHOUT_MARK = /(?<!\p{L})(?:[Пп]аспорт\p{L}*|[Pp]assport|PASSPORT|[Тт]өлқұжат\p{L}*|护照号?)[^\n\d№]{0,25}?(?<![\p{L}\p{N}])([A-ZА-Я]{1,2}\d{7,8})(?![\p{L}\p{N}])/gu;
const TWELVE_DIGITS = /(?<![\p{N}])\d{12}(?![\p{N}*%])/gu;

/** Words naming a kind of document, nearest first wins. `after` cues are Kazakh postpositions. */
const CUES: Array<{ role: Role; before?: RegExp; after?: RegExp }> = [
  { role: 'case', before: /(?<!\p{L})(?:дел[оау]|іс|case|производств[оау])(?:\s+(?:по\s+иску|№))?$/iu },
  {
    role: 'certificate',
    before: /(?:удостоверени\p{L}*|куәлі\p{L}*|certificate|свидетельств\p{L}*|справк\p{L}*|анықтама\p{L}*)(?:\s+(?:беженц\p{L}*|refugee|личности))?$/iu,
    after: /^(?:босқын\s+)?(?:куәлі|анықтама)\p{L}*/iu,
  },
  { role: 'passport', before: /(?:паспорт\p{L}*|passport|төлқұжат\p{L}*|护照)(?:\s+no)?$/iu, after: /^(?:паспорт|төлқұжат)\p{L}*/iu },
  { role: 'iin', before: /(?<!\p{L})(?:ИИН|ЖСН|IIN|БИН|БСН)$/u },
  {
    role: 'cited',
    before: /(?:письм\p{L}*|ответ\p{L}*|решени\p{L}*|приказ\p{L}*|постановлени\p{L}*|определени\p{L}*|уведомлени\p{L}*|обращени\p{L}*|заявлени\p{L}*|letter|decision|reply|order|notice|хат\p{L}*|шешім\p{L}*|бұйрық\p{L}*)$/iu,
    after: /^(?:жауаб|хат|шешім|бұйрығ|өтініш|арыз)\p{L}*/iu,
  },
  { role: 'other', before: /(?:лиценз\p{L}*|licen[cs]e|реестр\p{L}*|register|тізілім\p{L}*)(?:\s+(?:за|under))?$/iu },
];
const OUTGOING_MARK = /(?<!\p{L})(?:исх(?:одящий)?\.?|шығ(?:ыс)?\.?|ref\.?|our\s+ref\.?)$/iu;
const INCOMING_MARK = /(?<!\p{L})(?:вх(?:одящий)?\.?|входящ\p{L}*|incoming|кіріс|кір\.|your\s+ref\.?)$/iu;
/** «На № Ж-1734 от 21.09.2021» under the letterhead: the number of the request being answered. */
const IN_REPLY_TO = /(?:^|\n)[ \t]*(?:на|на\s+ваш|in\s+reply\s+to|сіздің)[ \t]*$/iu;
/** «Приложение к письму № …»: an annex to this very letter, under its own number. */
const ANNEX_TO = /(?:приложение|annex|appendix)\s*(?:№\s*\d+\s*)?(?:к|to(?:\s+the)?)\s+(?:письму|решению|приказу|letter|decision)$/iu;
const IDENTITY_TITLE = /удостоверени|куәлі|certificate|свидетельств|паспорт|passport|護照|护照/iu;

interface Mention {
  start: number;
  end: number;
  number: string;
  /** where «№» starts (the number itself for IINs) */
  lead: number;
}

export function findNumbers(pages: PageInput[]): NumberFinding[] {
  return pages.flatMap((page) => numbersOnPage(page));
}

function numbersOnPage(input: PageInput): NumberFinding[] {
  const { page, text } = input;
  const lines = linesOf(text);
  const cellAt = cellSpans(input);
  const dates = datesOnPage(text);
  const found: NumberFinding[] = [];
  const marked = markedNumbers(text);
  let previousEnd = 0;
  for (const mention of marked) {
    if (LAW_NUMBER.test(mention.number)) {
      previousEnd = mention.end;
      continue;
    }
    const { role, confidence } = roleOf(text, lines, dates, mention, previousEnd, cellAt);
    found.push(finding(page, text, mention, role, confidence));
    previousEnd = mention.end;
  }
  for (const m of text.matchAll(CHINESE_NUMBER)) {
    const start = m.index;
    const line = lines[lineIndexAt(lines, start)]!;
    const ownLine = collapse(line.text) === collapse(m[0]);
    const top = lineIndexAt(lines, start) < lines.length * 0.4;
    const mention = { start, end: start + m[0].length, number: m[0].replace(/\s+/g, ''), lead: start };
    found.push(finding(page, text, mention, ownLine && top ? 'outgoing' : 'cited', ownLine && top ? 0.9 : 0.7));
  }
  for (const m of text.matchAll(PASSPORT_WITHOUT_MARK)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (found.some((other) => other.start === start)) continue;
    found.push(finding(page, text, { start, end: start + m[1]!.length, number: m[1]!, lead: start }, 'passport', 0.8));
  }
  for (const m of text.matchAll(TWELVE_DIGITS)) {
    const before = collapse(text.slice(Math.max(0, m.index - 40), m.index));
    const labelled = /(?<!\p{L})(?:ИИН|ЖСН|IIN|ИМ|БСН)[\s/:`'.]*$/u.test(before);
    if (!labelled && !looksLikeIin(m[0])) continue;
    const mention = { start: m.index, end: m.index + 12, number: m[0], lead: m.index };
    if (found.some((other) => other.start === mention.start)) continue;
    found.push(finding(page, text, mention, 'iin', labelled ? 0.95 : 0.6));
  }
  return found.sort((a, b) => a.start - b.start);
}

function finding(page: number, text: string, mention: Mention, role: Role, confidence: number): NumberFinding {
  const surface = collapse(text.slice(mention.start, mention.end));
  return { page, start: mention.start, end: mention.end, surface, confidence, number: mention.number, role };
}

/** Every «№ token» on the page; a token OCR split at a space (3-1-1 7/Т-3033) is joined again. */
function markedNumbers(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const m of text.matchAll(MARK)) {
    const start = m.index + m[0].length;
    const first = PIECE.exec(text.slice(start, start + 60));
    if (!first) continue;
    let end = start + first[0].length;
    let number = first[0];
    for (;;) {
      const rest = text.slice(end, end + 40);
      const joined = /^ ?([-/]) ?([\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*)/u.exec(rest) ??
        (/[-/]/.test(number) && /\d$/.test(number) ? /^ (\d[\p{L}\p{N}]*(?:[-/][\p{L}\p{N}]+)+)/u.exec(rest) : null);
      if (!joined) break;
      number += joined.slice(1).join('');
      end += joined[0].length;
    }
    if (!/\p{N}/u.test(number) || number.length > 40) continue;
    mentions.push({ start, end, number, lead: m.index });
  }
  return mentions;
}

/**
 * Where the page's words stand in cells (columns apart), the span of the cell holding an offset: a
 * letterhead's reference and the addressee beside it, which a text layer or OCR writes on one line
 * («28.01.2026 № 3-12/419 Адвокату Сейткалиевой М.»), are two cells. Null without words.
 */
function cellSpans(page: PageInput): (at: number) => { start: number; end: number } | null {
  if (!page.words?.length) return () => null;
  // laid out only when a number asks (most pages have none)
  let laidOut: Cell[] | null = null;
  return (at) => {
    const cells = (laidOut ??= cellRows(page).flat());
    const cell = cells.find((candidate) => candidate.tokens.some((token) => token.start <= at && at < token.end));
    return cell ? { start: cell.tokens[0]!.start, end: cell.tokens.at(-1)!.end } : null;
  };
}

function roleOf(
  text: string,
  lines: Line[],
  dates: ReturnType<typeof datesOnPage>,
  mention: Mention,
  previousEnd: number,
  cellAt: (at: number) => { start: number; end: number } | null = () => null,
): { role: Role; confidence: number } {
  const rawBefore = text.slice(Math.max(previousEnd, mention.lead - 120), mention.lead);
  const before = collapse(sentenceTail(rawBefore));
  if (OUTGOING_MARK.test(before)) return { role: 'outgoing', confidence: 0.95 };
  if (INCOMING_MARK.test(before) || IN_REPLY_TO.test(rawBefore)) return { role: 'incoming', confidence: 0.9 };
  if (ANNEX_TO.test(collapse(rawBefore))) return { role: 'outgoing', confidence: 0.8 };
  if (isReferenceLine(text, lines, dates, mention, cellAt(mention.lead))) return { role: 'outgoing', confidence: 0.9 };
  const title = titleRole(text, lines, mention);
  if (title) return title;
  let best: { role: Role; distance: number } | null = null;
  const after = collapse(text.slice(mention.end, mention.end + 40));
  for (const cue of CUES) {
    const b = cue.before ? lastMatchEnd(before, cue.before) : null;
    if (b !== null && b <= 60 && (!best || b < best.distance)) best = { role: cue.role, distance: b };
    const a = cue.after ? firstMatchStart(after, cue.after) : null;
    if (a !== null && a <= 12 && (!best || a < best.distance)) best = { role: cue.role, distance: a };
  }
  if (best) return { role: best.role, confidence: best.distance <= 3 ? 0.9 : 0.75 };
  // A letter's reference (3-1-17/А-1881) named by no word is still a reference to some letter.
  if (/\//.test(mention.number) || (mention.number.match(/-/g)?.length ?? 0) >= 2) return { role: 'cited', confidence: 0.5 };
  return { role: 'other', confidence: 0.4 };
}

/** The text from the last sentence end: a full stop after a word of three letters or more (not an initial). */
function sentenceTail(text: string): string {
  const ends = [...text.matchAll(/\p{L}{3,}[.!?;]\s+(?=\p{Lu})|\n\s*\n/gu)];
  const last = ends.at(-1);
  return last ? text.slice(last.index + last[0].length) : text;
}

/** Characters between the end of the cue's last match and the end of `text`. */
function lastMatchEnd(text: string, cue: RegExp): number | null {
  const flags = cue.flags.includes('g') ? cue.flags : cue.flags + 'g';
  const unanchored = new RegExp(cue.source.replace(/\$$/, ''), flags);
  let best: number | null = null;
  for (const m of text.matchAll(unanchored)) best = text.length - (m.index + m[0].length);
  return best;
}

function firstMatchStart(text: string, cue: RegExp): number | null {
  const unanchored = new RegExp(cue.source.replace(/^\^/, ''), cue.flags);
  const m = unanchored.exec(text);
  if (!m || /[,.;:()]/.test(text.slice(0, m.index))) return null;
  return m.index;
}

/**
 * The letterhead's reference line: «02.04.2021 № 3-1-17/А-1881», «№ 96/21 от 25.10.2021», alone on its
 * line, or with only another column's text after it in a two-column letterhead. A date and number that only happen to open a wrapped line («… отмене решения от\n02.04.2021 № …,»)
 * are not one: the line before ends mid-phrase, or the line goes on after a comma.
 */
function isReferenceLine(text: string, lines: Line[], dates: ReturnType<typeof datesOnPage>, mention: Mention, cell: { start: number; end: number } | null): boolean {
  const index = lineIndexAt(lines, mention.lead);
  const whole = lines[index]!;
  // nothing after it in its cell, when the words' boxes show the line's columns (the addressee's column
  // beside it is another cell; the date may stand in a cell of its own before it)
  const start = whole.start;
  const end = cell ? Math.min(whole.end, cell.end) : whole.end;
  const line: Line = { start, end, text: text.slice(start, end) };
  const onLine = dates.filter((date) => date.start >= line.start && date.end <= line.end);
  if (onLine.length === 0) return false;
  let rest = line.text;
  for (const cut of [...onLine, { start: mention.lead, end: mention.end }].sort((a, b) => b.start - a.start)) {
    rest = rest.slice(0, cut.start - line.start) + ' ' + rest.slice(cut.end - line.start);
  }
  // OCR's stray marks (_ , ' ‘) at a line's edge are no words.
  if (!/^(?:\s|исх\.?|шығ\.?|ref\.?|от|of|dated|г\.|ж\.|[.:—–\-_,'‘’])*$/iu.test(rest)) return false;
  const previous = index > 0 ? lines[index - 1]!.text : '';
  return !/(?:^|\s)(?:от|of|dated|from|по|к|на|с|и|and)\s*$/iu.test(previous);
}

/** «СПРАВКА № 759», «РЕШЕНИЕ № 38», «REFUGEE CERTIFICATE № 000134»: a title line in the page's upper part. */
function titleRole(text: string, lines: Line[], mention: Mention): { role: Role; confidence: number } | null {
  const line = lines[lineIndexAt(lines, mention.lead)]!;
  if (collapse(text.slice(mention.end, line.end)) !== '') return null;
  const prefix = collapse(text.slice(line.start, mention.lead));
  const words = prefix.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4 || /\p{N}/u.test(prefix) || mention.lead > text.length * 0.6) return null;
  const letters = prefix.match(/\p{L}/gu) ?? [];
  const upper = prefix.match(/\p{Lu}/gu) ?? [];
  if (upper.length < letters.length * 0.6 && !(words.length <= 2 && /^\p{Lu}/u.test(prefix))) return null;
  if (/(?<!\p{L})(?:дело|іс|case)(?!\p{L})/iu.test(prefix)) return { role: 'case', confidence: 0.9 };
  if (IDENTITY_TITLE.test(prefix)) return { role: /паспорт|passport|护照/iu.test(prefix) ? 'passport' : 'certificate', confidence: 0.9 };
  return { role: 'outgoing', confidence: 0.85 };
}

/** A Kazakh IIN: birth date YYMMDD, then a century-and-sex digit 1–6. */
function looksLikeIin(digits: string): boolean {
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const century = Number(digits[6]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && century >= 1 && century <= 6;
}
