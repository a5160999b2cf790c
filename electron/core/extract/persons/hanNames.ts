/**
 * Chinese names in page text. OCR puts a space between Han characters and may read the middle dot of a
 * transcribed name (努尔兰·阿斯卡尔) as a full stop, a hyphen or nothing, so names are looked for in a
 * compacted copy of the text with those spaces taken out, and found spans are mapped back.
 */
import { HAN_NAME_SEPARATOR, type RegisteredPerson } from './personRegister';

const HAN = /\p{Script=Han}/u;
const SPACE = /\s/u;
const SEPARATORS = '·・•‧.．\\-';

/**
 * A span's text as printed: whitespace collapsed to single spaces, none between Han characters (OCR
 * puts them there, print does not).
 */
export function printed(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/(?<=\p{Script=Han}|[·・•‧])\s+(?=\p{Script=Han}|[·・•‧])/gu, '')
    .replace(/\s+/gu, ' ');
}

export interface CompactText {
  text: string;
  /** offset in the page text of each UTF-16 unit of `text`, plus one past the end */
  offsets: number[];
}

const joinsHan = (c: string | undefined) => c !== undefined && (HAN.test(c) || HAN_NAME_SEPARATOR.test(c));

const HAN_PAIR = /\p{Script=Han}(?=\p{Script=Han})/gu;
const HAN_SPACED_PAIR = /\p{Script=Han}[ \t\u3000](?=\p{Script=Han})/gu;

/**
 * The page text without the whitespace OCR puts between Han characters, around middle dots, and at
 * line breaks inside Chinese. Text that has its Han characters side by side (a born-digital layer)
 * keeps its spaces between them: there they are real, between two names in a table row.
 */
export function compactHan(text: string): CompactText {
  const spacedByOcr = (text.match(HAN_SPACED_PAIR)?.length ?? 0) > (text.match(HAN_PAIR)?.length ?? 0);
  // A line break between Han characters is never a separator: Chinese wraps lines inside words.
  const joins = (before: string | undefined, space: string, after: string) =>
    joinsHan(before) &&
    joinsHan(after) &&
    (spacedByOcr || space.includes('\n') ? HAN.test(before ?? '') || HAN.test(after) : HAN_NAME_SEPARATOR.test(before ?? '') || HAN_NAME_SEPARATOR.test(after));
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (SPACE.test(text[i]!)) {
      let j = i;
      while (j < text.length && SPACE.test(text[j]!)) j++;
      const before = out.at(-1);
      const after = String.fromCodePoint(text.codePointAt(j) ?? 32);
      if (!joins(before, text.slice(i, j), after)) {
        for (let k = i; k < j; k++) {
          out += text[k];
          offsets.push(k);
        }
      }
      i = j;
      continue;
    }
    out += text[i];
    offsets.push(i);
    i++;
  }
  offsets.push(text.length);
  return { text: out, offsets };
}

export interface HanFinding {
  start: number;
  end: number;
  person: RegisteredPerson;
  /** the whole name, or one part of it standing alone */
  whole: boolean;
  /** the recorded form it matched */
  form: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A Kazakh woman's or man's surname in Chinese may carry the transcribed -қызы/-ұлы (道来提克孜 for
 * 道来提): the name found runs over it.
 */
const PATRONYMIC_SUFFIX = '(?:克孜|克兹|克孜伊|乌力|乌勒|吾勒|吾力)?';
/** A part of a name standing alone needs three characters: two match too much running Chinese text. */
const MIN_PART = 3;

function findAll(compact: CompactText, pattern: RegExp, person: RegisteredPerson, whole: boolean, form: string, out: HanFinding[]) {
  for (const match of compact.text.matchAll(pattern)) {
    const start = compact.offsets[match.index]!;
    const end = compact.offsets[match.index + match[0].length - 1]! + 1;
    out.push({ start, end, person, whole, form });
  }
}

/**
 * Whole names first (longest first), then given names and surnames alone where no whole name covers
 * them; a part shared by two persons is reported once for each (the caller decides between them).
 */
export function findHanNames(text: string, persons: readonly RegisteredPerson[]): HanFinding[] {
  if (!HAN.test(text)) return [];
  const compact = compactHan(text);
  const wholes: HanFinding[] = [];
  const parts: HanFinding[] = [];
  for (const person of persons) {
    for (const han of person.han) {
      if (han.given && han.surname) {
        const [g, s] = [escape(han.given), escape(han.surname)];
        const form = `${han.given}·${han.surname}`;
        findAll(compact, new RegExp(`${g}[${SEPARATORS}]?${s}${PATRONYMIC_SUFFIX}`, 'gu'), person, true, form, wholes);
        findAll(compact, new RegExp(`${s}[${SEPARATORS}]${g}`, 'gu'), person, true, form, wholes);
        for (const part of [han.given, han.surname]) {
          if ([...part].length >= MIN_PART) findAll(compact, new RegExp(escape(part), 'gu'), person, false, form, parts);
        }
      } else if (han.whole && [...han.whole].length >= MIN_PART) {
        findAll(compact, new RegExp(escape(han.whole), 'gu'), person, true, han.whole, wholes);
      }
    }
  }
  const taken: HanFinding[] = [];
  const overlaps = (f: HanFinding) => taken.some((t) => f.start < t.end && t.start < f.end && !(t.start === f.start && t.end === f.end));
  wholes.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const finding of wholes) if (!overlaps(finding)) taken.push(finding);
  const wholeSpans = [...taken];
  for (const finding of parts) {
    if (!wholeSpans.some((t) => finding.start < t.end && t.start < finding.end)) taken.push(finding);
  }
  return taken;
}
