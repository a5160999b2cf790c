/**
 * Suggestions judged right or wrong, per kind, as "Accept all" would meet them: laws and dates on
 * generated pages (seeds given by the caller), and every kind the corpus has truth for on the
 * development corpus's text. One sample per distinct thing a document would suggest, at its best
 * confidence (the suggestion service keeps one per thing). Test support only.
 */
import type { SuggestionKind } from '../../../../shared/domain/tagging';
import { CORPUS_TYPE_OF_KIND, corpusDocuments, foldLookalikes } from '../../extract/dates/corpusTruth';
import { findDocumentDates } from '../../extract/dates/dateRoles';
import { generatePage } from '../../extract/dates/testing/generatedPages';
import { classifyDocument } from '../../extract/docType/docType';
import { findLawCitations } from '../../extract/laws/lawCitations';
import { SEED_LAWS } from '../../extract/laws/seedLaws';
import { measureCitations } from '../../extract/laws/testing/measureCitations';
import { findNumbers } from '../../extract/numbers/numbers';
import { findPersonMentions } from '../../extract/persons/personMentions';
import type { DateFinding, KnownPerson, PageInput } from '../../extract/types';
import { corpusManifest, corpusPersonRecords, corpusPersons } from '../../testing/corpus';
import type { Judged } from '../acceptThresholds';
import { fixedRegister } from '../../extract/laws/lawNames';

const SEED_REGISTER = fixedRegister(SEED_LAWS);

export type Samples = Map<SuggestionKind, Judged[]>;

function add(samples: Samples, kind: SuggestionKind, confidence: number, correct: boolean): void {
  const list = samples.get(kind) ?? [];
  list.push({ confidence, correct });
  samples.set(kind, list);
}

/** The best document date and every distinct end of validity a page set yields, judged against the truth. */
function judgeDates(samples: Samples, found: DateFinding[], truth: { documentDate: string | null; validUntil: string | null }): void {
  const best = new Map<string, DateFinding>();
  for (const date of found) {
    if (date.kind === 'other') continue;
    const key = `${date.kind} ${date.date}`;
    if ((best.get(key)?.confidence ?? -1) < date.confidence) best.set(key, date);
  }
  for (const date of best.values()) {
    if (date.kind === 'document') add(samples, 'document-date', date.confidence, date.date === truth.documentDate);
    else add(samples, 'valid-until', date.confidence, date.date === truth.validUntil);
  }
}

/** Laws and dates on pages made from `seeds` (see citationPages.ts and dates/testing/generatedPages.ts). */
export function generatedSamples(seeds: readonly number[]): Samples {
  const samples: Samples = new Map();
  for (const judged of measureCitations(seeds, SEED_LAWS).judged) add(samples, 'law', judged.citation.confidence, judged.correct);
  for (const seed of seeds) {
    const { page, truth } = generatePage(seed);
    judgeDates(samples, findDocumentDates([page]), truth);
  }
  return samples;
}

/** Every kind with truth, on the development corpus's text (testdata/corpus). */
export function corpusSamples(): Samples {
  const samples: Samples = new Map();
  const manifest = corpusManifest() as unknown as { documents: Array<{ file: string; person_ids: string[]; laws_normalized?: Array<{ law: string; article: string | null }> }> };
  const truthOf = new Map(manifest.documents.map((d) => [d.file, d]));
  // the register as a lawyer keeps it: the name and its forms; and as one who recorded only the Chinese form
  const registers: KnownPerson[][] = [
    corpusPersons(),
    corpusPersonRecords().map((p) => ({ id: p.id, name: p.canonical_name, variants: p.names.zh ? [p.names.zh] : [] })),
  ];
  for (const doc of corpusDocuments()) {
    const pages: PageInput[] = doc.pages;
    const truth = truthOf.get(doc.file);
    judgeDates(samples, findDocumentDates(pages), { documentDate: doc.document_date, validUntil: doc.valid_until });
    if (truth?.laws_normalized) {
      const pairs = new Set(truth.laws_normalized.map((l) => `${l.law}:${l.article}`));
      const best = new Map<string, number>();
      for (const c of findLawCitations(pages, SEED_REGISTER)) best.set(`${c.law}:${c.article}`, Math.max(best.get(`${c.law}:${c.article}`) ?? 0, c.confidence));
      for (const [pair, confidence] of best) add(samples, 'law', confidence, pairs.has(pair));
    }
    for (const register of registers) {
      const best = new Map<string, number>();
      for (const m of findPersonMentions(pages, register)) if (m.personId) best.set(m.personId, Math.max(best.get(m.personId) ?? 0, m.confidence));
      for (const [id, confidence] of best) add(samples, 'person', confidence, truth?.person_ids.includes(id) ?? false);
    }
    const outgoing = findNumbers(pages).filter((n) => n.role === 'outgoing');
    const want = doc.outgoing_number?.normalized ?? null;
    for (const n of outgoing) add(samples, 'number', n.confidence, want !== null && foldLookalikes(n.number) === foldLookalikes(want));
    const type = classifyDocument(pages);
    if (type.type !== 'other') add(samples, 'type', type.confidence, CORPUS_TYPE_OF_KIND[doc.kind] === type.type);
  }
  return samples;
}

/** Samples of several sources together. */
export function merged(...sources: Samples[]): Samples {
  const out: Samples = new Map();
  for (const source of sources) for (const [kind, list] of source) out.set(kind, [...(out.get(kind) ?? []), ...list]);
  return out;
}
