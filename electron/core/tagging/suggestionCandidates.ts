/** Reading a document for suggestions, kept apart from TagService, which stores them and records the lawyer's decisions on them. */
import type { Word } from '../../../shared/domain/document';
import { wordOffsets } from '../../../shared/domain/document';
import type { SuggestionKind } from '../../../shared/domain/tagging';
import { classifyDocument } from '../extract/docType/docType';
import { findDocumentDates } from '../extract/dates/dateRoles';
import { findProceduralDeadlines } from '../extract/deadlines/proceduralDeadlines';
import { findLawCitations } from '../extract/laws/lawCitations';
import type { CitableRegister } from '../extract/laws/lawNames';
import { findNumbers } from '../extract/numbers/numbers';
import { findPersonMentions } from '../extract/persons/personMentions';
import type { KnownPerson, PageInput, Span } from '../extract/types';
import type { VaultDatabase } from '../vault/database';
import { groupUnknownNames } from './unknownNames';

/** A page read for suggestions: its text and the words that place a suggestion on it. */
export type ReadPage = PageInput & { words: Word[] };

/** One thing the extractors found, before it is a stored suggestion. */
export interface Candidate {
  kind: SuggestionKind;
  value: string | null;
  detail: Record<string, string | null>;
  span: Span | null;
}

/** The document's pages that were read, in order. */
export function readPages(db: VaultDatabase, docId: string): ReadPage[] {
  const rows = db
    .prepare("SELECT page, text, words FROM pages WHERE document_id = ? AND status = 'done' AND text IS NOT NULL ORDER BY page")
    .all(docId) as Array<{ page: number; text: string; words: string | null }>;
  return rows.map((row) => ({ page: row.page, text: row.text, words: row.words ? (JSON.parse(row.words) as Word[]) : [] }));
}

/** Identity of a suggestion within a document: an unknown name is told apart by its spelling. */
export function identity(kind: SuggestionKind, value: string | null, surface: string): string {
  return `${kind}|${value ?? `?${surface.toLocaleLowerCase()}`}`;
}

/** The words a candidate was found in, on one line, as the suggestion shows them. */
export function surfaceOf(candidate: Candidate): string {
  return (candidate.span?.surface ?? '').replace(/\s+/g, ' ').trim();
}

/** What the extractors find in the document, one candidate per thing found (the same thing may come more than once). */
export function findCandidates(pages: PageInput[], laws: CitableRegister, persons: readonly KnownPerson[], acceptedDocumentDate: string | null): Candidate[] {
  const out: Candidate[] = [];
  for (const citation of findLawCitations(pages, laws)) {
    out.push({
      kind: 'law',
      value: citation.article ? `${citation.law}:${citation.article}` : citation.law,
      detail: { law: citation.law, article: citation.article, part: citation.part ?? null, sub: citation.sub ?? null },
      span: citation,
    });
  }
  for (const mention of findPersonMentions(pages, persons)) {
    out.push({ kind: 'person', value: mention.personId, detail: { explanation: mention.explanation }, span: mention });
  }
  let documentDate = acceptedDocumentDate;
  for (const date of findDocumentDates(pages)) {
    if (date.kind === 'other') continue;
    if (date.kind === 'document') documentDate ??= date.date;
    out.push({ kind: date.kind === 'document' ? 'document-date' : 'valid-until', value: date.date, detail: { role: date.role }, span: date });
  }
  // Appeal windows are counted from the document's date: the lawyer's, when one was accepted.
  for (const deadline of findProceduralDeadlines(pages, documentDate)) {
    out.push({
      kind: 'deadline',
      value: `${deadline.event}:${deadline.due}`,
      detail: { event: deadline.event, due: deadline.due, time: deadline.time, window: deadline.window, from: deadline.from },
      span: deadline,
    });
  }
  for (const number of findNumbers(pages)) {
    if (number.role === 'outgoing') out.push({ kind: 'number', value: number.number, detail: { role: number.role }, span: number });
  }
  if (pages.length > 0) {
    const type = classifyDocument(pages);
    if (type.type !== 'other') {
      out.push({ kind: 'type', value: type.type, detail: { cue: type.cue }, span: { page: 1, start: 0, end: 0, surface: type.cue, confidence: type.confidence } });
    }
  }
  return out;
}

/**
 * One candidate per distinct thing, the one with the best evidence kept, by identity. Unknown names are
 * grouped too (groupUnknown); `unknownSpellings` holds each kept unknown name's other spellings.
 */
export function bestCandidates(candidates: readonly Candidate[]): { best: Map<string, Candidate>; unknownSpellings: Map<string, string[]> } {
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = identity(candidate.kind, candidate.value, candidate.span?.surface ?? '');
    const held = best.get(key);
    if (!held || (candidate.span?.confidence ?? 0) > (held.span?.confidence ?? 0)) best.set(key, candidate);
  }
  return { best, unknownSpellings: groupUnknown(best) };
}

/**
 * One suggestion per unknown person, whatever the script or case each mention uses: the candidates
 * in `best` are merged in place, the one with the best evidence kept, and its detail lists the
 * spellings and the base form a new person would take (unknownNames.ts). Returns each kept key's
 * other spellings.
 */
function groupUnknown(best: Map<string, Candidate>): Map<string, string[]> {
  const unknown = [...best].filter(([, candidate]) => candidate.kind === 'person' && candidate.value === null);
  const others = new Map<string, string[]>();
  const named = unknown.map(([key, candidate]) => ({ key, candidate, surface: surfaceOf(candidate), confidence: candidate.span?.confidence ?? 0 }));
  for (const group of groupUnknownNames(named)) {
    for (const member of group.members) if (member !== group.best) best.delete(member.key);
    group.best.candidate.detail = { ...group.best.candidate.detail, spellings: JSON.stringify(group.spellings), baseName: group.baseName };
    others.set(group.best.key, group.spellings);
  }
  return others;
}

/** Where on its page the candidate was found: the box around the words its span covers, if any. */
export function candidateBox(candidate: Candidate, pages: readonly ReadPage[]): [number, number, number, number] | null {
  const span = candidate.span;
  const page = span ? pages.find((p) => p.page === span.page) : undefined;
  if (!page || !span || span.end <= span.start) return null;
  const offsets = wordOffsets(page.text, page.words);
  return unionBox(page.words.filter((_, i) => offsets[i] && offsets[i]![0] < span.end && offsets[i]![1] > span.start).map((w) => w.bbox));
}

function unionBox(boxes: ReadonlyArray<[number, number, number, number]>): [number, number, number, number] | null {
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
