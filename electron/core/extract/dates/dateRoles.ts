/**
 * Every date on a document's pages, with what it is: the document's own date (exactly one, when there is
 * one), the end of a certificate's, passport's or power of attorney's validity, or another date with its
 * role when recognisable (birth, application, issue, the date in a law's title, entry into force…).
 *
 * Dates are read in every common form (readDates.ts). A date's role comes, in order, from: a law's
 * number right after it; a field's label found through the page's layout — before it in its cell, in
 * the cell to its left, above it (fieldLayout.ts, through the words' boxes when the page has them); a
 * «Date:» label; the number it dates («02.04.2021 № 3-1-17/А-1881» is the letter's own, «вх. № …» the
 * request's, «решения от … № …» another document's); a «с … по …» range; the words around it
 * (dateCues.ts); a translator's or notary's line beside it; and on forms, the column header above it
 * or, where OCR read a card's labels and values as two separate columns, the labels' order.
 */
import { findNumbers } from '../numbers/numbers';
import type { DateFinding, NumberFinding, PageInput } from '../types';
import { cueRole, isLawDate, type CueRole, type DateContext } from './dateCues';
import type { LabelRole } from './dateVocabulary';
import { pickDocumentDate, type DatedMention } from './documentDate';
import { fieldLabels, type FieldLabel } from './fieldLayout';
import { mrzDates } from './mrzDates';
import { collapse, isBlank, lineIndexAt, linesOf, type Line } from './pageText';
import { readDates } from './readDates';

const YEAR_WORD_AT_END = /(?:г\.|года|год|ж\.|жылғы|жылы|жыл)$/u;
const SENTENCE_END = /\p{L}{3,}[.!?;]\s+(?=\p{Lu})|\n[ \t]*\n/gu;

/** Column headers above a form's or table's values: looser than the cues, a header may split its words. */
const HEADERS: Array<{ role: string; kind: DateFinding['kind']; form?: boolean; words: RegExp }> = [
  { role: 'birth_date', kind: 'other', words: /(?<!\p{L})(?:рождени\p{L}*|birth|出生|туған)/giu },
  { role: 'issue_date', kind: 'other', form: true, words: /(?<!\p{L})(?:выдачи|issue|签发日期|发证日期|берілген)/giu },
  { role: 'valid_until', kind: 'valid-until', words: /(?<!\p{L})(?:действител\p{L}*|expiry|valid|有效期|жарамды)/giu },
];
/** A card's labels when OCR reads them apart from their values (cert_nurlan.jpg, 2026 OCR run). */
const CARD_LABELS: Array<{ role: string; kind: DateFinding['kind']; form?: boolean; label: RegExp }> = [
  { role: 'birth_date', kind: 'other', label: /туған\s+күні|дата\s+рождения|date\s+of\s+birth/iu },
  { role: 'issue_date', kind: 'other', form: true, label: /берілген\s+күні|дата\s+выдачи|date\s+of\s+issue|(?<!\p{L})issued/iu },
  { role: 'valid_until', kind: 'valid-until', label: /жарамды|действител\p{L}*\s+до|valid\s+until|date\s+of\s+expiry/iu },
];

/** What a field's label makes of its value. A form's issue date dates the form. */
const FIELD_ROLES: Record<LabelRole, { role: string; kind: DateFinding['kind']; form?: boolean }> = {
  birth_date: { role: 'birth_date', kind: 'other' },
  issue_date: { role: 'issue_date', kind: 'other', form: true },
  valid_until: { role: 'valid_until', kind: 'valid-until' },
  valid_from: { role: 'valid_from', kind: 'other' },
  document_date: { role: 'document_date', kind: 'other' },
};

/** A birth date printed with a two-digit year is not later than the page's other dates: 01.02.45 is 1945. */
function bornBefore(date: string, found: ReadonlyArray<{ date: string }>): string {
  const latest = found.map((other) => other.date).filter((other) => other !== date).sort().at(-1) ?? '2020-12-31';
  return date > latest ? `${Number(date.slice(0, 4)) - 100}${date.slice(4)}` : date;
}

export function findDocumentDates(pages: PageInput[]): DateFinding[] {
  const numbers = findNumbers(pages);
  const mentions = pages.flatMap((page) => datesOfPage(page, numbers.filter((n) => n.page === page.page)));
  pickDocumentDate(pages, mentions);
  futureExpiries(mentions);
  settleValidity(mentions);
  const findings = mentions.map((mention) => mention.finding);
  // the machine-readable zone's expiry, when the printed one was not read (or says the same); a printed
  // date one character away from the zone's is the same field misread (08 → 09), and the zone, whose
  // check digits hold, says which it is
  for (const zone of pages.flatMap((page) => mrzDates(page))) {
    for (const printed of findings) {
      if (printed.kind === zone.kind && (zone.kind === 'valid-until' || printed.role === zone.role) && oneCharacterApart(printed.date, zone.date)) {
        printed.date = zone.date;
        printed.confidence = Math.max(printed.confidence, zone.confidence);
      }
    }
    if (findings.some((f) => f.date === zone.date && (f.kind === zone.kind || f.role === zone.role))) continue;
    if (zone.kind === 'valid-until' && findings.some((f) => f.kind === 'valid-until')) continue;
    findings.push(zone);
  }
  return findings;
}

/** Two ISO dates that differ in exactly one character: one digit misread. */
function oneCharacterApart(a: string, b: string): boolean {
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
  return a.length === b.length && differ === 1;
}

function datesOfPage(page: PageInput, numbers: NumberFinding[]): DatedMention[] {
  const { text } = page;
  const lines = linesOf(text);
  const sentenceEnds = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
  const found = readDates(text);
  const fields = fieldLabels(page, found);
  const mentions: DatedMention[] = [];
  found.forEach((date, i) => {
    const previousEnd = i > 0 ? found[i - 1]!.end : 0;
    const sentenceStart = Math.max(0, ...sentenceEnds.filter((at) => at <= date.start));
    const sentenceEnd = sentenceEnds.find((at) => at > date.end) ?? text.length;
    const surface = collapse(text.slice(date.start, date.end));
    const context: DateContext = {
      before: cueText(collapse(text.slice(Math.max(previousEnd, sentenceStart, date.start - 160), date.start))),
      after: collapse((surface.match(YEAR_WORD_AT_END)?.[0] ?? '') + text.slice(date.end, date.end + 60)),
      sentence: collapse(text.slice(sentenceStart, Math.min(sentenceEnd, date.end + 300))),
      lineBefore: '',
    };
    const line = lineIndexAt(lines, date.start);
    context.lineBefore = collapse(text.slice(Math.max(lines[line]!.start, previousEnd), date.start));
    const mention: DatedMention = {
      finding: { page: page.page, start: date.start, end: date.end, surface, confidence: 0.6, date: date.date, kind: 'other', role: null },
      line,
      lines,
      text,
      evidence: null,
    };
    decideRole(mention, context, numbers, mentions.at(-1), text.slice(previousEnd, date.start), fields[i] ?? null);
    mentions.push(mention);
  });
  mentions.forEach((mention, i) => {
    if (found[i]!.twoDigitYear && mention.finding.role === 'birth_date') mention.finding.date = bornBefore(mention.finding.date, found);
  });
  headerRoles(mentions);
  cardLabelRoles(mentions);
  return mentions;
}

/** Roles that say a date and number belong to another document the text cites. */
const CITING_ROLES = new Set(['decision_date', 'cited_document_date', 'application_date']);

/**
 * The words before a date as the cues read them, through two of OCR's slips around «от»: read in Latin
 * letters («решения OT 02.04.2021»), or with a speck before it read as a quote mark («‘от»).
 */
function cueText(before: string): string {
  return before
    .replace(/[‘’`´]/gu, ' ')
    .replace(/(^|\s)[OoО0][TtТт](?=\s|$)/gu, '$1от')
    .replace(/\s+/gu, ' ');
}

function setRole(mention: DatedMention, role: CueRole | { role: string; kind: DateFinding['kind']; form?: boolean }, confidence: number, evidence: DatedMention['evidence'] = null): void {
  mention.finding.role = role.role;
  mention.finding.kind = role.kind;
  mention.finding.confidence = confidence;
  mention.evidence = evidence;
  if (role.form) mention.form = true;
  if ('extension' in role && role.extension) mention.extension = true;
}

function decideRole(
  mention: DatedMention,
  context: DateContext,
  numbers: NumberFinding[],
  previous: DatedMention | undefined,
  between: string,
  field: FieldLabel | null,
): void {
  const { finding, text } = mention;
  const sameLinePrevious = previous?.line === mention.line ? previous : undefined;
  if (isLawDate(context)) return setRole(mention, { role: 'law_enactment', kind: 'other' }, 0.9);
  // A field's label, read through the layout, before the «Date:» test: «Дата» may be «Дата рождения» wrapped.
  if (field) return setRole(mention, FIELD_ROLES[field.role], field.how === 'same-cell' ? 0.85 : 0.8, field.role === 'document_date' ? 'label' : 'column');
  // «Date:», and legal English's «Dated this 14th day of April, 2026», «Done at Almaty on …»
  if (/(?:^|\n)[ \t]*(?:date|дата|күні|日期|dated(?:[ \t]+(?:this|on))?|done[ \t]+(?:at[ \t]+\p{L}+,?[ \t]+)?(?:on|this))[ \t]*[:：]?[ \t]*(?:the[ \t]+)?$/iu.test(text.slice(Math.max(0, finding.start - 30), finding.start))) {
    return setRole(mention, { role: 'document_date', kind: 'other' }, 0.9, 'label');
  }
  const numbered = numberBeside(text, finding, numbers);
  // «решения от 02.04.2021 № 3-1-17/А-1881»: a date and number the words before it say are another
  // document's (a decision appealed, a letter answered), however much they look like a letterhead's
  const cited = numbered ? cueRole(context) : null;
  if (cited && CITING_ROLES.has(cited.role)) return setRole(mention, cited, 0.85);
  if (numbered?.role === 'outgoing') return setRole(mention, { role: 'document_date', kind: 'other' }, 0.9, 'reference');
  if (numbered?.role === 'incoming') return setRole(mention, { role: 'application_date', kind: 'other' }, 0.85);
  if (numbered?.role === 'cited') return setRole(mention, { role: 'cited_document_date', kind: 'other' }, 0.85);
  if (previous && rangeOf(previous, mention, between)) return;
  const cue = cueRole(context);
  if (cue) return setRole(mention, cue, 0.85);
  // «Дата рождения 25.07.1972 03.10.1975»: a row of values under one label.
  if (sameLinePrevious?.finding.role && sameLinePrevious.finding.role !== 'document_date' && between.trim() === '') {
    const { role, kind } = sameLinePrevious.finding;
    return setRole(mention, { role, kind, form: sameLinePrevious.form }, 0.7, sameLinePrevious.evidence);
  }
  const certifier = certifierRole(mention);
  if (certifier) setRole(mention, { role: certifier, kind: 'other' }, 0.75, certifier === 'translation_date' ? 'translation' : 'notarisation');
}

/** A number right beside the date: «02.04.2021 № 3-1-17/А-1881», «№ Ж-1734 от 21.09.2021». */
function numberBeside(text: string, date: DateFinding, numbers: NumberFinding[]): NumberFinding | undefined {
  return numbers.find((number) =>
    number.start >= date.end
      ? number.start - date.end < 30 && /^[\s,]*(?:г\.|года|ж\.)?[\s,]*(?:№|N[°º]\.?|No\.?|Ne|Хо|N)\s*$/u.test(text.slice(date.end, number.start))
      : number.end <= date.start &&
        date.start - number.end < 12 &&
        (/^\s*(?:от|of|dated|from)\s*$/iu.test(text.slice(number.end, date.start)) ||
          // a letterhead's outgoing number, or a received stamp's, with its date on the line under it
          ((number.role === 'outgoing' || number.role === 'incoming') && /^[ \t]*\n[ \t]*$/u.test(text.slice(number.end, date.start)))),
  );
}

/**
 * «с 14.10.2019 по 14.10.2020»: a status's validity (сроком на один год) or a term served (отбывал
 * наказание); «有效期限：2019.02.18-2029.02.18»: a validity label over a range. The first date gets the
 * start role, the second the end.
 */
function rangeOf(first: DatedMention, self: DatedMention, between: string): boolean {
  if (!/^\s*(?:г\.|года|ж\.)?\s*(?:по|до|[-–—]|to|until|till|至)\s*$/iu.test(between)) return false;
  const opening = collapse(first.text.slice(Math.max(0, first.finding.start - 200), first.finding.start));
  let roles: readonly [string, string] | null = null;
  // OCR reads «с» as «©» often enough (2026 OCR run of the corpus) to accept it here.
  if (/(?:^|\s)(?:с|со|from|since|©)$/iu.test(opening)) {
    roles = /наказани|отбыва|лишени|sentence|imprison|custody|содержани/iu.test(opening)
      ? ['sentence_start', 'release_date']
      : /срок\p{L}*\s+на|действ|valid|статус|status|жарамды|period\s+of/iu.test(opening)
        ? ['valid_from', 'valid_until']
        : null;
  } else if (first.finding.kind === 'valid-until') {
    roles = ['valid_from', 'valid_until'];
  }
  if (!roles) return false;
  setRole(first, { role: roles[0], kind: 'other' }, 0.85);
  setRole(self, { role: roles[1], kind: roles[1] === 'valid_until' ? 'valid-until' : 'other' }, 0.85);
  return true;
}

/** «Перевод выполнен переводчиком …» / «Almaty, 12 April 2021» / «I, …, notary»: who signs beside the date. */
function certifierRole(mention: DatedMention): 'translation_date' | 'notarisation_date' | null {
  const { lines, line } = mention;
  if (lines[line]!.text.length > 90) return null;
  const near = (step: number) => {
    for (let i = line + step; i >= 0 && i < lines.length; i += step) if (!isBlank(lines[i]!)) return lines[i]!.text;
    return '';
  };
  const own = lines[line]!.text;
  if (/нотариус|notary|нотариат/iu.test(own + ' ' + near(1))) return 'notarisation_date';
  if (/переводчи|translator|аудармашы|перевод\s+выполнен|translated\s+by/iu.test(own + ' ' + near(-1))) return 'translation_date';
  return null;
}

const isProse = (line: Line) => (line.text.match(/(?<!\p{L})\p{Ll}{4,}/gu)?.length ?? 0) >= 4 || line.text.length > 100;

/** Dates in a table or on a form whose label is the column header above: 出生日期 over «14 3月/MAR 1979». */
function headerRoles(mentions: DatedMention[]): void {
  for (const mention of mentions) {
    if (mention.finding.role) continue;
    const { lines, line } = mention;
    if (isProse(lines[line]!)) continue;
    // A value alone on its line sits right under its label (a passport's fields); a table row may be
    // several rows below the header, through the rows above it.
    const reach = collapse(lines[line]!.text) === mention.finding.surface ? 2 : 6;
    let seen = 0;
    for (let i = line - 1; i >= 0 && seen < reach; i--) {
      const header = lines[i]!;
      if (isBlank(header)) continue;
      seen++;
      if (isProse(header) || /,\s*$/.test(header.text)) break;
      const dated = mentions.find((other) => other.line === i);
      if (dated) {
        if (dated.evidence === 'column' && dated.finding.role) setRole(mention, { role: dated.finding.role, kind: dated.finding.kind }, 0.7, 'column');
        break;
      }
      const role = headerAt(header, (mention.finding.start - lines[line]!.start) / Math.max(1, lines[line]!.text.length));
      if (role) {
        setRole(mention, role, 0.7, 'column');
        break;
      }
    }
  }
}

/** The header's date label in the column nearest the value's, when the header names more than one. */
function headerAt(header: Line, column: number): (typeof HEADERS)[number] | null {
  let best: { header: (typeof HEADERS)[number]; distance: number } | null = null;
  for (const candidate of HEADERS) {
    for (const m of header.text.matchAll(candidate.words)) {
      const distance = Math.abs(m.index / Math.max(1, header.text.length) - column);
      if (!best || distance < best.distance) best = { header: candidate, distance };
    }
  }
  return best?.header ?? null;
}

/**
 * A card's labels with no value on their line (two or more, each a short line, not a sentence that says
 * «жарамды»), then as many unexplained dates below them: pair them in order.
 */
function cardLabelRoles(mentions: DatedMention[]): void {
  const first = mentions[0];
  if (!first) return;
  const { lines } = first;
  const labels: Array<{ line: number; label: (typeof CARD_LABELS)[number] }> = [];
  lines.forEach((line, index) => {
    if (line.text.length > 60 || isProse(line) || mentions.some((mention) => mention.line === index)) return;
    const label = CARD_LABELS.find((candidate) => candidate.label.test(line.text));
    if (label) labels.push({ line: index, label });
  });
  if (labels.length < 2) return;
  const orphans = mentions.filter((mention) => !mention.finding.role && mention.line > labels[0]!.line);
  if (orphans.length !== labels.length) return;
  orphans.forEach((mention, i) => {
    const { label } = labels[i]!;
    setRole(mention, label, 0.6, 'column');
  });
}

/**
 * When an extension moves a validity's end, the latest date is the effective one; the printed earlier
 * ones stay as `valid_until_original`.
 */
/**
 * «…куәлігінің қолданылу мерзімі 2026 жылғы 30 сәуірде аяқталады», «срок действия паспорта истекает
 * 30.04.2026»: an expiry the letter announces, after its own date, is a validity end still to come (a
 * deadline); one before it is past, and stays a fact of the letter.
 */
function futureExpiries(mentions: DatedMention[]): void {
  const own = mentions.find((mention) => mention.finding.kind === 'document')?.finding.date;
  if (!own) return;
  for (const mention of mentions) {
    const { role, date } = mention.finding;
    if ((role === 'expiry' || role === 'passport_expiry') && date > own) setRole(mention, { role: 'valid_until', kind: 'valid-until' }, 0.8, mention.evidence);
  }
}

function settleValidity(mentions: DatedMention[]): void {
  const valid = mentions.filter((mention) => mention.finding.kind === 'valid-until');
  if (!valid.some((mention) => mention.extension) || new Set(valid.map((mention) => mention.finding.date)).size < 2) return;
  const latest = valid.map((mention) => mention.finding.date).sort().at(-1);
  for (const mention of valid) {
    if (mention.finding.date === latest) continue;
    mention.finding.kind = 'other';
    mention.finding.role = 'valid_until_original';
  }
}
