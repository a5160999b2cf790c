import { DOCUMENT_TYPES, type DocumentType, type MentionedDocument, type MentionPage } from '../../../shared/domain/tagging';
import { refsOf } from '../extract/persons/knownNames';
import { nameWords } from '../extract/persons/nameWords';
import { findKnownPersonMentions } from '../extract/persons/personMentions';
import { compileRegister, type PartRole, type Register } from '../extract/persons/personRegister';
import type { KnownPerson, PersonMention } from '../extract/types';
import { ftsExpression } from '../search/ftsExpression';
import type { SearchService } from '../search/searchService';
import { snippetOf } from '../search/snippets';
import type { VaultDatabase } from '../vault/database';

/**
 * The documents that name a person but are not tagged with them, for the person page's "Mentioned,
 * not tagged" (issue 14 item 4: the page said "No document is tagged with this person yet" while six
 * pages named him).
 *
 * Where "names them" comes from. The stored suggestions alone will not do: a document's suggestions
 * are made when the lawyer first opens it, so a document never opened has none, and those are the
 * very documents this list is for. Search alone will not do either: a query for the person's name
 * also finds a part of it alone (a given name that is not theirs only), which is right for a query
 * and wrong for a list the lawyer tags from. So the two are put together:
 *
 * 1. Search finds the candidate pages: the person's name compiled as a query meets every spelling
 *    the register has, in any script and case form (compile.ts, withPersonAliases), through the index,
 *    so a large vault is not read page by page.
 * 2. The same person extractor the suggestions use (extract/persons) reads each candidate document's
 *    pages and says which mentions are this person, settling a part of a name alone against the rest
 *    of the document and the rest of the register (a namesake, a relative with the same surname).
 * 3. The lawyer's decisions stand: a document whose suggestion of this person was rejected is theirs
 *    already decided, and a document tagged with the person is on the timeline instead.
 *
 * A page is listed when it names the person by a whole name (MENTION_CONFIDENCE), or prints both their
 * given name and their surname each alone in capitals, as a certificate's or a passport's fields do; a
 * document, when a page of it is.
 */

/**
 * The confidence of a whole name: in any spelling (0.75–0.95), the surname with a fitting initial
 * (0.7–0.9), a passport line, a Chinese name (0.9). Below it: a surname alone (0.55; 0.75 when the
 * document names the person in full elsewhere, so that page is listed too), a given name alone (at most
 * 0.55), a name that fits two persons (at most 0.57). The surname alone is not enough: «Заявитель:
 * Серик Аскарулы», a brother, reads as Nurlan Askaruly's surname alone (found by the generated letters
 * in mentionedDocuments.test.ts). On the development corpus the person pages list 83 documents, all
 * right, and miss none of the 83 that name a person, the five refugee certificates by their fields
 * among them (mentionedDocuments.test.ts measures it on every run).
 */
export const MENTION_CONFIDENCE = 0.7;

/**
 * Candidate pages read at most, newest first: the extractor reads a page of ~1,200 characters in about
 * 1.3 ms (the corpus's pages, with a register of 24 persons and of 224), so a person page opens in
 * about a second whatever the vault holds. Past it the list says it is partial.
 */
export const MAX_PAGES_READ = 800;

interface PageRow {
  docId: string;
  page: number;
  text: string;
}

interface DocumentRow {
  docId: string;
  title: string;
  date: string | null;
  type: string | null;
}

const typeOf = (value: string | null): DocumentType | null => (value !== null && (DOCUMENT_TYPES as readonly string[]).includes(value) ? (value as DocumentType) : null);

/** The query that finds a person's name: the main name as a phrase (a name's hyphen or "OR" is no query syntax). */
const nameQuery = (name: string): string => `"${name.replace(/"/g, ' ').trim()}"`;

/** The parts of the person's name a mention's words are, as the extractor reads them (case forms, scripts). */
function partsNamed(mention: PersonMention, own: Register): PartRole[] {
  return nameWords(mention.surface).flatMap((word) => refsOf(word, own).map((ref) => ref.part.role));
}

/** Written in capitals, as an identity document prints a name (АСҚАРҰЛЫ, NURLAN). */
const inCapitals = (text: string): boolean => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);

/**
 * Whether a page's mentions of the person name them: a whole name, or the given name and the surname
 * each alone in capitals (a card's fields). In running text the two alone are too often two other
 * people, each beside a name the register does not know: «Заявитель: Серик Аскарулы, брат. Свидетель
 * Нурлан Серикбаев» (found by personMentions.spec.ts).
 */
function namesThem(onPage: readonly PersonMention[], own: Register): boolean {
  if (onPage.some((m) => m.confidence >= MENTION_CONFIDENCE)) return true;
  const parts = new Set(onPage.filter((m) => inCapitals(m.surface)).flatMap((m) => partsNamed(m, own)));
  return parts.has('given') && parts.has('surname');
}

function pagesOf(mentions: readonly PersonMention[], texts: ReadonlyMap<number, string>, own: Register): MentionPage[] {
  const byPage = new Map<number, PersonMention[]>();
  for (const mention of mentions) byPage.set(mention.page, [...(byPage.get(mention.page) ?? []), mention]);
  return [...byPage]
    .filter(([, onPage]) => namesThem(onPage, own))
    .sort(([a], [b]) => a - b)
    .map(([page, onPage]) => {
      const surest = onPage.reduce((best, m) => (m.confidence > best.confidence ? m : best));
      const ranges = onPage.map((m): [number, number] => [m.start, m.end]).sort((a, b) => a[0] - b[0]);
      return { page, spelling: surest.surface, snippet: snippetOf(texts.get(page) ?? '', ranges) };
    });
}

export interface Mentions {
  documents: MentionedDocument[];
  /** more pages met the name than were read (MAX_PAGES_READ): older documents may be missing */
  partial: boolean;
}

/**
 * Documents naming `personId` that are not tagged with them, most pages first, then the latest
 * document date first (undated last), then by title. `persons` is the whole register: a name is only
 * this person's when it is nobody else's. `pagesRead`: candidate pages read at most, the newest.
 */
export function mentionedDocuments(
  db: VaultDatabase,
  search: SearchService,
  persons: readonly KnownPerson[],
  personId: string,
  pagesRead = MAX_PAGES_READ,
): Mentions {
  const none: Mentions = { documents: [], partial: false };
  const person = persons.find((p) => p.id === personId);
  if (!person || person.name.trim() === '') return none;
  const compiled = search.compile(nameQuery(person.name));
  if (compiled.problem !== null || !compiled.clauses.some((clause) => !clause.negated)) return none;

  const rows = db
    .prepare(
      `SELECT s.document_id AS docId, s.page, p.text FROM search_fts
         JOIN search_pages s ON s.id = search_fts.rowid
         JOIN pages p ON p.document_id = s.document_id AND p.page = s.page
       WHERE search_fts MATCH ? AND p.status = 'done' AND p.text IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.document_id = s.document_id AND t.kind = 'person' AND t.person_id = ?)
         AND NOT EXISTS (SELECT 1 FROM suggestions g WHERE g.document_id = s.document_id AND g.kind = 'person' AND g.value = ? AND g.status = 'rejected')
       ORDER BY search_fts.rowid DESC LIMIT ?`,
    )
    .all(ftsExpression(compiled), personId, personId, pagesRead + 1) as PageRow[];
  const partial = rows.length > pagesRead;
  if (partial) rows.pop();

  const byDocument = new Map<string, PageRow[]>();
  for (const row of rows) byDocument.set(row.docId, [...(byDocument.get(row.docId) ?? []), row]);

  const everyone = compileRegister(persons);
  const own = compileRegister([person]);
  const found = new Map<string, MentionPage[]>();
  for (const [docId, pages] of byDocument) {
    const inputs = pages.map((row) => ({ page: row.page, text: row.text })).sort((a, b) => a.page - b.page);
    const mine = findKnownPersonMentions(inputs, everyone).filter((m) => m.personId === personId);
    const listed = pagesOf(mine, new Map(inputs.map((p) => [p.page, p.text])), own);
    if (listed.length > 0) found.set(docId, listed);
  }
  if (found.size === 0) return { documents: [], partial };

  const documents = db
    .prepare(
      `SELECT d.id AS docId, d.title,
         (SELECT value FROM tags t WHERE t.document_id = d.id AND t.kind = 'document-date') AS date,
         (SELECT value FROM tags t WHERE t.document_id = d.id AND t.kind = 'type') AS type
       FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...found.keys()])) as DocumentRow[];

  const listed = documents
    .map((doc) => ({ docId: doc.docId, title: doc.title, date: doc.date, type: typeOf(doc.type), pages: found.get(doc.docId)! }))
    .sort(
      (a, b) =>
        b.pages.length - a.pages.length ||
        (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
        (b.date ?? '').localeCompare(a.date ?? '') ||
        a.title.localeCompare(b.title) ||
        a.docId.localeCompare(b.docId),
    );
  return { documents: listed, partial };
}
