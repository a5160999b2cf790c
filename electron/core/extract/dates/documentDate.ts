/**
 * Which date is the document's own. Candidates, strongest first:
 *
 * | evidence | example | score |
 * |---|---|---|
 * | translator's or notary's date, in a document that opens as a translation | «Almaty, 12 April 2021» under «Translator: …» | 0.97 |
 * | the date beside the document's outgoing number | «02.04.2021 № 3-1-17/А-1881», «Исх. № 96/21 от 25.10.2021» | 0.95 |
 * | a «Date:» label | «Date: 12 May 2021» | 0.9 |
 * | a date-and-place line (five words at most) in the upper part of the first page | «9 сентября 2019 года г. Жаркент» | 0.85 |
 * | a form's issue date | «Дата выдачи / Issued 20.01.2022», «签发日期» | 0.8 |
 * | a date-and-signature line among a page's last lines | «Адвокат М. Сейітқалиева 2021 жылғы 15 сәуір», «2019年2月18日» | 0.75 |
 * | a short date line elsewhere | | 0.5 |
 * | any unexplained date on the first page | | 0.3 |
 *
 * A date with any other role (birth, application, a law's…) is never the document's, and an unexplained
 * date older than one the page cites (a request answered, a law, a birth) is not either. A translator's or
 * notary's date dates the document only when the document is the translation (a certified translation);
 * a register extract with a notarised translation attached keeps the extract's issue date. When a
 * different date scores within 0.1 of the best, the pick's confidence drops.
 */
import type { DateFinding, PageInput } from '../types';
import { collapse, firstTextPage, isBlank, type Line } from './pageText';

export interface DatedMention {
  finding: DateFinding;
  /** index of the mention's line on its page */
  line: number;
  lines: Line[];
  text: string;
  evidence: 'reference' | 'label' | 'translation' | 'notarisation' | 'column' | null;
  /** labelled as a form's field (Дата выдачи / Issued) */
  form?: boolean;
  /** a validity extended by a stamp or a letter */
  extension?: boolean;
}

/** Roles of dates before the document was written: who was born, what it answers, cites or applies. */
const PAST_ROLES = new Set(['birth_date', 'application_date', 'cited_document_date', 'decision_date', 'law_enactment', 'issue_date', 'court_date', 'release_date', 'marriage_date']);

const TRANSLATION_HEADING = /^(?:\[[^\]]*\]\s*)?(?:(?:unofficial|certified|official|notari[sz]ed)\s+)?translation\b|^перевод\s+с|^аударма/iu;

export function pickDocumentDate(pages: PageInput[], mentions: DatedMention[]): void {
  const firstPage = firstTextPage(pages)?.page;
  const translation = opensAsTranslation(pages) && mentions.some((mention) => mention.evidence === 'translation' || mention.evidence === 'notarisation');
  const latestPast = mentions
    .filter((mention) => PAST_ROLES.has(mention.finding.role ?? '') && !mention.form)
    .map((mention) => mention.finding.date)
    .sort()
    .at(-1);
  const scored = mentions
    .map((mention) => ({ mention, score: scoreOf(mention, mention.finding.page === firstPage, translation) }))
    // A document is not older than what it answers or cites: an unexplained date older than that (a
    // birth date whose «г.р.» OCR lost, an event) is not its date.
    .filter((candidate) => candidate.score > 0 && (candidate.mention.finding.role !== null || !latestPast || candidate.mention.finding.date >= latestPast));
  if (scored.length === 0) return;
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const rival = scored.find((candidate) => candidate.mention.finding.date !== best.mention.finding.date && candidate.score >= best.score - 0.1);
  const chosen = best.mention.finding;
  chosen.kind = 'document';
  chosen.role = chosen.role ?? 'document_date';
  chosen.confidence = rival ? best.score * 0.75 : best.score;
  for (const { mention } of scored) {
    if (mention === best.mention || (mention.evidence !== 'reference' && mention.evidence !== 'label')) continue;
    // The letter's header repeated on its translation page or annex; in a certified translation, the original's.
    mention.finding.role = mention.finding.date === chosen.date ? 'document_date' : translation ? 'original_document_date' : 'document_date';
  }
}

function scoreOf(mention: DatedMention, onFirstPage: boolean, translation: boolean): number {
  const { finding, evidence } = mention;
  if (evidence === 'translation') return translation ? 0.97 : 0;
  if (evidence === 'notarisation') return translation ? 0.96 : 0;
  if (evidence === 'reference') return 0.95;
  if (evidence === 'label') return 0.9;
  if (finding.role === 'issue_date' && mention.form) return 0.8;
  if (finding.role !== null) return 0;
  if (isDateLine(mention)) {
    if (onFirstPage && finding.start <= mention.text.length * 0.6 && isHeadingDate(mention)) return 0.85;
    if (amongLastLines(mention)) return 0.75;
    return 0.5;
  }
  return onFirstPage ? 0.3 : 0;
}

/** The line holds this date and a few words (a place, a signature), nothing else. */
function isDateLine({ finding, lines, line, text }: DatedMention): boolean {
  const { start, end } = lines[line]!;
  const rest = collapse(text.slice(start, finding.start) + ' ' + text.slice(finding.end, end));
  const words = rest.split(' ').filter(Boolean).length + (rest.match(/\p{Script=Han}/gu)?.length ?? 0);
  // A stray digit or two is OCR's reading of a signature.
  return (rest.match(/\p{N}/gu)?.length ?? 0) <= 2 && rest.length <= 60 && words <= 8;
}

/**
 * A heading's date-and-place line («9 сентября 2019 года г. Жаркент», «Алматы қаласы / город Алматы 7 мая
 * 2021 года»): a few words, the date not the end of a phrase («arrived in Kazakhstan on 13 November»).
 */
function isHeadingDate({ finding, lines, line, text }: DatedMention): boolean {
  const lead = text.slice(lines[line]!.start, finding.start);
  const rest = collapse(lead + ' ' + text.slice(finding.end, lines[line]!.end));
  return rest.split(' ').filter(Boolean).length <= 5 && !/(?<!\p{L})(?:on|in|of|from|since|at|от|с|до|в|на|по)\s*$/iu.test(lead);
}

function amongLastLines({ lines, line }: DatedMention): boolean {
  let after = 0;
  for (let i = line + 1; i < lines.length; i++) if (!isBlank(lines[i]!)) after++;
  return after <= 3;
}

function opensAsTranslation(pages: PageInput[]): boolean {
  const first = firstTextPage(pages);
  const opening = first?.text.split('\n').find((line) => line.trim() !== '') ?? '';
  return TRANSLATION_HEADING.test(opening.trim());
}
