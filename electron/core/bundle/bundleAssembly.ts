/**
 * From a bundle definition to what the PDF writer is given: the documents in order (translations after
 * their originals), every page as the writer will take it (an original PDF page kept as vectors, or the
 * page image with its redactions burned in and the covered words gone from the text layer), the text
 * Dalel prints scrubbed of every protected name and term, and where everything lands.
 *
 * Names are looked for in every reading of a page: its text (PDF text layer or OCR), OCR of the page as
 * it prints (pictures, stamps), and its form fields and annotations. A page keeps its vectors only when
 * nothing is to be redacted on it, it prints nothing its content stream does not hold, and both its
 * readings are done and confident; anything else goes in as its image, burned where needed (issue 11).
 */
import sharp from 'sharp';
import type { BundleDefinition, BundleWarning, PixelBox, PlannedDocument, PlannedRedaction, RedactionLogEntry, UncheckedPage } from '../../../shared/domain/bundle';
import { BUNDLE_WORDS } from '../../../shared/domain/bundleWords';
import type { DocumentSummary, PageRecord, Word } from '../../../shared/domain/document';
import { auditHead } from '../audit/auditLog';
import { localDay } from '../calendar';
import { DocumentStore } from '../documents/documentStore';
import { PrintReadings, type PageReadings } from '../documents/printReadings';
import { DalelFailure } from '../errors';
import type { OriginalPageReader } from '../import/parse/originalPageData';
import { CaseStore } from '../tagging/caseStore';
import { RegisterStore } from '../tagging/registerStore';
import type { VaultDatabase } from '../vault/database';
import { blankPage, burnRedactions } from './pageImages';
import { throwIfCancelled } from './pdf/cancellation';
import type { BundleImagePage, BundlePdfDocument, BundlePdfInput, BundlePdfLayout, BundleSourcePage } from './pdf/types';
import { bundlePersons, otherPeople } from './otherPeople';
import type { InkImage } from './redactionBoxes';
import { scrubText } from './redactionMatcher';
import { findPageMatches, planFromMatches, redactionRules, wordsOutside, type PageMatch, type RedactionRules } from './redactionPlan';

export interface AssembledDocument {
  docId: string;
  summary: DocumentSummary;
  section: string;
  translationOf: string | null;
  /** as printed (scrubbed) */
  title: string;
  pages: PageRecord[];
}

export interface AssembledBundle {
  input: BundlePdfInput;
  documents: AssembledDocument[];
  /** every planned redaction, waived ones included; pages are the documents' own page numbers */
  redactions: PlannedRedaction[];
  warnings: BundleWarning[];
  /** pages not fully checked for names (only when something is to be redacted) */
  unchecked: UncheckedPage[];
  /** pages still waiting for their print reading */
  printPending: Array<{ docId: string; page: number }>;
  otherPeople: ReturnType<typeof otherPeople>;
  rules: RedactionRules;
  scrub(text: string): string;
}


/**
 * The stored page image as the writer takes it; redaction boxes burned in, covered words dropped. Its text
 * layer is the page's words and the text its form fields and annotations show.
 */
async function imagePage(store: DocumentStore, docId: string, page: PageRecord, readings: PageReadings | undefined, boxes: PixelBox[]): Promise<BundleImagePage> {
  const stored = store.pageImage(docId, page.page, 'image');
  const dpi = page.dpi ?? 150;
  if (!stored || page.status !== 'done') {
    const width = page.width ?? 1240;
    const height = page.height ?? 1754;
    return { kind: 'image', image: await blankPage(width, height), mime: 'image/png', width, height, dpi, words: [] };
  }
  const shown: Word[] = [...page.words, ...(readings?.overlays ?? []).map(({ text, bbox, conf }) => ({ text, bbox, conf }))];
  if (boxes.length === 0 && (stored.mime === 'image/png' || stored.mime === 'image/jpeg')) {
    return {
      kind: 'image',
      image: new Uint8Array(stored.data.buffer, stored.data.byteOffset, stored.data.byteLength),
      mime: stored.mime,
      width: page.width ?? 0,
      height: page.height ?? 0,
      dpi,
      words: shown,
    };
  }
  const burned = await burnRedactions(stored.data, boxes);
  return { kind: 'image', image: burned.data, mime: burned.mime, width: burned.width, height: burned.height, dpi, words: wordsOutside(shown, boxes) };
}

/** The page image in grey, for snapping redaction boxes to the ink. */
async function inkOf(store: DocumentStore, docId: string, page: number): Promise<InkImage | null> {
  const stored = store.pageImage(docId, page, 'image');
  if (!stored) return null;
  try {
    const { data, info } = await sharp(stored.data).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    // Boxes stay where the readings put them; the export burns them into the image or fails on it.
    return null;
  }
}

/** Why a page cannot be trusted to have shown every name to the matcher, or null. */
function uncheckedReason(page: PageRecord): UncheckedPage['reason'] | null {
  if (page.status !== 'done') return 'not-read';
  if (page.lowConfidence) return 'low-confidence';
  if (page.print.status === 'failed' && page.readingConfirmedAt === null) return 'print-failed';
  return null;
}

export async function assembleBundle(
  db: VaultDatabase,
  definition: BundleDefinition,
  options: {
    fontsDir: string;
    /** Reads pages of original PDFs in the parser process; without it PDF pages go in as their images. */
    originals?: OriginalPageReader;
    clock?: () => Date;
    signal?: AbortSignal;
    /** Only for the leak check's own test: readings the planner skips, to plant a leak it must catch. */
    skipReadings?: ReadonlySet<PageMatch['origin']>;
  },
): Promise<AssembledBundle> {
  const clock = options.clock ?? (() => new Date());
  const store = new DocumentStore(db);
  const prints = new PrintReadings(db);
  const register = RegisterStore.open(db);
  const words = BUNDLE_WORDS[definition.language];
  const rules = redactionRules(definition.redaction, register.listPersons(), definition.language);
  const scrub = (text: string) => scrubText(text, rules);
  const hasRedaction = rules.patterns.length > 0 || definition.redaction.boxes.length > 0;

  const documents: AssembledDocument[] = [];
  const redactions: PlannedRedaction[] = [];
  const warnings: BundleWarning[] = [];
  const unchecked: UncheckedPage[] = [];
  const printPending: Array<{ docId: string; page: number }> = [];
  const sections: BundlePdfInput['sections'] = [];

  for (const section of definition.sections) {
    const pdfDocuments: BundlePdfDocument[] = [];
    for (const entry of section.entries) {
      const members: Array<{ docId: string; title: string; date: string | null; description: string; translationOf: string | null }> = [
        { docId: entry.docId, title: entry.title, date: entry.date, description: entry.description, translationOf: null },
      ];
      for (const translationId of entry.translationDocIds) {
        const translated = store.get(translationId);
        members.push({
          docId: translationId,
          title: translated ? words.translationTitle(translated.title) : words.translation,
          date: entry.date,
          description: '',
          translationOf: entry.docId,
        });
      }
      for (const member of members) {
        const summary = store.get(member.docId);
        if (!summary) throw new DalelFailure('document-not-found', 'A document of this bundle is no longer in the vault.', { docIds: [member.docId] });
        const pages = store.pages(member.docId);
        const readings = prints.readings(member.docId);
        const title = scrub(member.title);
        const assembled: AssembledDocument = { docId: member.docId, summary, section: section.title, translationOf: member.translationOf, title, pages };
        documents.push(assembled);

        const pageBoxes = new Map<number, PixelBox[]>();
        for (const page of pages) {
          throwIfCancelled(options.signal);
          const reading = readings.get(page.page);
          const found = findPageMatches({ page, printWords: reading?.printWords, overlays: reading?.overlays }, rules);
          const matches = options.skipReadings ? found.filter((match) => !options.skipReadings!.has(match.origin)) : found;
          const ink = matches.some((match) => !match.whole) ? await inkOf(store, member.docId, page.page) : null;
          const planned = planFromMatches(member.docId, page, matches, rules, definition.redaction, ink);
          redactions.push(...planned);
          pageBoxes.set(page.page, planned.filter((r) => !r.waived).map((r) => r.box));
          if (page.status === 'done' && page.print.status === 'pending') printPending.push({ docId: member.docId, page: page.page });
          const reason = hasRedaction ? uncheckedReason(page) : null;
          if (reason && !unchecked.some((u) => u.docId === member.docId && u.page === page.page)) {
            unchecked.push({ docId: member.docId, page: page.page, reason, confidence: page.status === 'done' ? (page.source === 'ocr' ? page.confidence : page.print.confidence) : null });
          }
          if (page.status !== 'done') {
            // An unread page has no text to look for names in, and no stored image: a PDF's own page
            // goes in when nothing is to be redacted, else a blank page holds its place and number.
            const outcome = summary.kind === 'pdf' && !hasRedaction ? 'as-original' : hasRedaction ? 'blank-unchecked' : 'blank';
            warnings.push({ code: 'page-unread', docId: member.docId, title, page: page.page, state: page.status === 'pending' ? 'pending' : 'failed', outcome });
          }
        }

        const originalTitle = member.translationOf ? documents.find((d) => d.docId === member.translationOf)?.title ?? null : null;
        let original: Uint8Array | null = null;
        const originalPdf = () => {
          if (!original) {
            // a password-protected original is read from its reading copy (import/parse/pdfReadingCopy.ts)
            const stored = store.readable(member.docId);
            if (!stored) throw new DalelFailure('document-not-found', 'A document of this bundle is no longer in the vault.');
            original = new Uint8Array(stored.data.buffer, stored.data.byteOffset, stored.data.byteLength);
          }
          return original;
        };
        pdfDocuments.push({
          id: member.docId,
          title,
          date: member.date,
          description: scrub(member.description),
          fileName: scrub(summary.fileName),
          sha256: summary.sha256,
          translationOf: member.translationOf,
          translationOfTitle: originalTitle,
          pageCount: summary.pageCount,
          page: async (index): Promise<BundleSourcePage> => {
            throwIfCancelled(options.signal);
            const page = pages[index];
            if (!page) throw new DalelFailure('document-not-found', 'A page of this bundle is no longer in the vault.');
            const boxes = pageBoxes.get(page.page) ?? [];
            const reading = readings.get(page.page);
            const fallback = () => imagePage(store, member.docId, page, reading, boxes);
            // A PDF's own page keeps its vector text only when it has a text layer (a scanned PDF needs the
            // OCR layer of the image page), nothing on it is redacted, it prints nothing its content stream
            // does not hold (form fields, annotations), and — when names are redacted — both its readings
            // are done and confident and it draws no pictures: else something on it was not checked, and its
            // image is what is known (a picture is carried whole, with what the page hides of it).
            const checked = !hasRedaction || (page.print.status === 'done' && !page.lowConfidence);
            const readable = page.status === 'done' && checked && page.source === 'text-layer' && !reading?.flatten;
            const unread = page.status !== 'done' && !hasRedaction;
            if (summary.kind === 'pdf' && boxes.length === 0 && (readable || unread)) {
              return { kind: 'pdf', pdf: originalPdf(), pageIndex: index, picturesAsPrinted: hasRedaction, fallback };
            }
            return fallback();
          },
        });
      }
    }
    sections.push({ title: scrub(section.title), documents: pdfDocuments });
  }

  const caseTitle = definition.caseId ? safeCaseTitle(db, definition.caseId) : null;
  const person = definition.personId ? register.getPerson(definition.personId) : null;
  const now = clock();
  const head = auditHead(db);
  const input: BundlePdfInput = {
    title: scrub(definition.title),
    language: definition.language,
    cover: {
      caseTitle: caseTitle === null ? null : scrub(caseTitle),
      personName: person ? scrub(person.name) : null,
      preparedBy: scrub(definition.preparedBy),
      date: localDay(now),
    },
    stampPrefix: scrub(definition.stampPrefix),
    sections,
    manifest: { auditHead: head ? `${head.seq}:${head.hash}` : 'none', generatedAt: now.toISOString(), redactions: [] },
    fontsDir: options.fontsDir,
    originals: options.originals,
    signal: options.signal,
  };
  const own = bundlePersons(db, definition);
  const others = otherPeople(db, documents.map((doc) => doc.docId), own, definition.redaction.protectedPersons);
  return { input, documents, redactions, warnings, unchecked, printPending, otherPeople: others, rules, scrub };
}

function safeCaseTitle(db: VaultDatabase, caseId: string): string | null {
  try {
    return new CaseStore(db).get(caseId).title;
  } catch {
    return null;
  }
}

/**
 * The redaction log in bundle page numbers, and the plan's documents, once the layout is known. The
 * log's page numbers do not change the layout: the manifest pages count the log's lines, not its digits.
 */
export function placeBundle(assembled: AssembledBundle, layout: BundlePdfLayout): { documents: PlannedDocument[]; log: RedactionLogEntry[] } {
  const firstPage = new Map<string, number>();
  const documents = assembled.documents.map((doc, index) => {
    const placed = layout.documents[index]!;
    firstPage.set(doc.docId, placed.firstPage);
    return {
      docId: doc.docId,
      title: doc.title,
      date: assembled.input.sections.flatMap((s) => s.documents)[index]?.date ?? null,
      section: assembled.scrub(doc.section),
      translationOf: doc.translationOf,
      firstPage: placed.firstPage,
      lastPage: placed.lastPage,
    };
  });
  const log = assembled.redactions
    .filter((r) => !r.waived)
    .map((r) => ({ page: firstPage.get(r.docId)! + r.page - 1, box: r.box, reason: r.reason, label: r.reason === 'manual' ? assembled.scrub(r.label) : r.label }));
  return { documents, log };
}
