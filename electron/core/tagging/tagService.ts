import type { Word } from '../../../shared/domain/document';
import { type Suggestion, type SuggestionKind, type Tag } from '../../../shared/domain/tagging';
import { appendAudit } from '../audit/auditLog';
import { classifyDocument } from '../extract/docType/docType';
import { findDocumentDates } from '../extract/dates/dateRoles';
import { findProceduralDeadlines } from '../extract/deadlines/proceduralDeadlines';
import { findLawCitations } from '../extract/laws/lawCitations';
import type { CitableRegister } from '../extract/laws/lawNames';
import { LawRegister } from './lawRegister';
import { findNumbers } from '../extract/numbers/numbers';
import { findPersonMentions } from '../extract/persons/personMentions';
import type { PageInput, Span } from '../extract/types';
import { DalelFailure } from '../errors';
import { wordOffsets } from '../../../shared/domain/document';
import type { VaultDatabase } from '../vault/database';
import { sureEnough } from './acceptThresholds';
import { TagStore } from './tagStore';
import { RegisterStore } from './registerStore';
import { groupUnknownNames } from './unknownNames';

/**
 * Suggestions from a document's text, and what the lawyer's decisions on them create: tags (TagStore)
 * and deadlines (DeadlineBook).
 *
 * `suggest` reads the pages, runs the extractors (laws, persons, dates, numbers, document type) and
 * keeps one open suggestion per distinct thing found. Suggestions already accepted or rejected are
 * never offered again for that document. Accepting creates a tag with its provenance; a validity end
 * on a document tagged with a person (either order) becomes that person's deadline. Every accept,
 * reject and manual tag is an audit entry.
 */

interface SuggestionRow {
  id: number;
  document_id: string;
  kind: SuggestionKind;
  value: string | null;
  detail: string;
  page: number | null;
  bbox: string | null;
  surface: string;
  confidence: number;
  status: Suggestion['status'];
}


interface Candidate {
  kind: SuggestionKind;
  value: string | null;
  detail: Record<string, string | null>;
  span: Span | null;
}

const toSuggestion = (row: SuggestionRow): Suggestion => ({
  id: row.id,
  docId: row.document_id,
  kind: row.kind,
  value: row.value,
  detail: JSON.parse(row.detail) as Record<string, string | null>,
  page: row.page,
  bbox: row.bbox ? (JSON.parse(row.bbox) as [number, number, number, number]) : null,
  surface: row.surface,
  confidence: row.confidence,
  sure: false,
  status: row.status,
});

/** The kinds a document has one of: only the likeliest open reading of it may be accepted in bulk. */
const ONE_PER_DOCUMENT: ReadonlySet<SuggestionKind> = new Set(['document-date', 'valid-until']);

/** Marks the suggestions "Accept all" may take (acceptThresholds.ts). */
function markSure(suggestions: Suggestion[]): Suggestion[] {
  for (const s of suggestions) s.sure = s.status === 'open' && s.value !== null && sureEnough(s.kind, s.confidence);
  for (const kind of ONE_PER_DOCUMENT) {
    const open = suggestions.filter((s) => s.kind === kind && s.status === 'open' && s.value !== null).sort((a, b) => b.confidence - a.confidence);
    // two readings as likely as each other: the lawyer chooses
    const tied = open.length > 1 && open[1]!.confidence >= open[0]!.confidence - 1e-9;
    for (const [i, s] of open.entries()) s.sure &&= i === 0 && !tied;
  }
  return suggestions;
}


/** The spellings an unknown-name suggestion groups (its detail's `spellings`, a JSON list). */
function spellingsOf(detail: string): string[] {
  try {
    const list = JSON.parse((JSON.parse(detail) as Record<string, string | null>).spellings ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Identity of a suggestion within a document: an unknown name is told apart by its spelling. */
function identity(kind: SuggestionKind, value: string | null, surface: string): string {
  return `${kind}|${value ?? `?${surface.toLocaleLowerCase()}`}`;
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

export interface AcceptOptions {
  /** who decided (shown in provenance); the desktop app passes "lawyer" */
  actor?: string;
  /** for a name that matches nobody known: tag this existing person (the spelling becomes a variant) */
  personId?: string;
  /** …or create a person with this name */
  newPerson?: { name: string; role?: 'client' | 'relative' | 'official' | 'other'; protected?: boolean };
}

export class TagService {
  private readonly register: RegisterStore;
  private readonly tagStore: TagStore;

  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date = () => new Date(),
    /** the vault's law register (Vault.lawRegister), which its search index cites with too */
    private readonly laws: CitableRegister = new LawRegister(db),
  ) {
    this.register = RegisterStore.open(db, clock);
    this.tagStore = new TagStore(db, clock);
  }

  private requireDocument(docId: string): { title: string } {
    const doc = this.db.prepare('SELECT title FROM documents WHERE id = ?').get(docId) as { title: string } | undefined;
    if (!doc) throw new DalelFailure('document-not-found', 'This document is no longer in the vault.');
    return doc;
  }

  private pages(docId: string): Array<PageInput & { words: Word[] }> {
    const rows = this.db
      .prepare("SELECT page, text, words FROM pages WHERE document_id = ? AND status = 'done' AND text IS NOT NULL ORDER BY page")
      .all(docId) as Array<{ page: number; text: string; words: string | null }>;
    return rows.map((row) => ({ page: row.page, text: row.text, words: row.words ? (JSON.parse(row.words) as Word[]) : [] }));
  }

  /** What the extractors find in the document, one candidate per distinct thing (best evidence kept). */
  private candidates(pages: PageInput[], acceptedDocumentDate: string | null): Candidate[] {
    const out: Candidate[] = [];
    for (const citation of findLawCitations(pages, this.laws)) {
      out.push({
        kind: 'law',
        value: citation.article ? `${citation.law}:${citation.article}` : citation.law,
        detail: { law: citation.law, article: citation.article, part: citation.part ?? null, sub: citation.sub ?? null },
        span: citation,
      });
    }
    const persons = this.register.listPersons().map((person) => ({ id: person.id, name: person.name, variants: person.variants }));
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

  /** Run the extractors on the document and return its suggestions (open, accepted and rejected). */
  suggest(docId: string): Suggestion[] {
    this.requireDocument(docId);
    const pages = this.pages(docId);
    const accepted = this.db.prepare("SELECT value FROM tags WHERE document_id = ? AND kind = 'document-date'").pluck().get(docId) as string | undefined;
    const best = new Map<string, Candidate>();
    for (const candidate of this.candidates(pages, accepted ?? null)) {
      const key = identity(candidate.kind, candidate.value, candidate.span?.surface ?? '');
      const held = best.get(key);
      if (!held || (candidate.span?.confidence ?? 0) > (held.span?.confidence ?? 0)) best.set(key, candidate);
    }
    const unknownSpellings = this.groupUnknown(best);
    const now = this.clock().toISOString();
    this.db.transaction(() => {
      const decided = new Set(
        (this.db.prepare("SELECT kind, value, surface FROM suggestions WHERE document_id = ? AND status <> 'open'").all(docId) as SuggestionRow[]).map(
          (row) => identity(row.kind, row.value, row.surface),
        ),
      );
      const tagged = new Set(
        (this.db.prepare('SELECT kind, value FROM tags WHERE document_id = ?').all(docId) as Array<{ kind: SuggestionKind; value: string }>).map((row) => identity(row.kind, row.value, '')),
      );
      this.db.prepare("DELETE FROM suggestions WHERE document_id = ? AND status = 'open'").run(docId);
      const insert = this.db.prepare(
        'INSERT INTO suggestions (document_id, kind, value, detail, page, bbox, surface, confidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const [key, candidate] of best) {
        if (decided.has(key) || tagged.has(key)) continue;
        // An unknown name already decided under another of its spellings stays decided.
        const spellings = unknownSpellings.get(key) ?? [];
        if (spellings.some((spelling) => decided.has(identity('person', null, spelling)))) continue;
        const span = candidate.span;
        const page = span ? pages.find((p) => p.page === span.page) : undefined;
        let bbox: [number, number, number, number] | null = null;
        if (page && span && span.end > span.start) {
          const offsets = wordOffsets(page.text, page.words);
          bbox = unionBox(page.words.filter((_, i) => offsets[i] && offsets[i]![0] < span.end && offsets[i]![1] > span.start).map((w) => w.bbox));
        }
        insert.run(
          docId,
          candidate.kind,
          candidate.value,
          JSON.stringify(candidate.detail),
          span?.page ?? null,
          bbox ? JSON.stringify(bbox) : null,
          (span?.surface ?? '').replace(/\s+/g, ' ').trim(),
          Math.round((span?.confidence ?? 0.5) * 1000) / 1000,
          now,
        );
      }
    })();
    return this.suggestions(docId);
  }

  /**
   * One suggestion per unknown person, whatever the script or case each mention uses: the candidates
   * in `best` are merged in place, the one with the best evidence kept, and its detail lists the
   * spellings and the base form a new person would take (unknownNames.ts). Returns each kept key's
   * other spellings.
   */
  private groupUnknown(best: Map<string, Candidate>): Map<string, string[]> {
    const unknown = [...best].filter(([, candidate]) => candidate.kind === 'person' && candidate.value === null);
    const others = new Map<string, string[]>();
    const named = unknown.map(([key, candidate]) => ({ key, candidate, surface: (candidate.span?.surface ?? '').replace(/\s+/g, ' ').trim(), confidence: candidate.span?.confidence ?? 0 }));
    for (const group of groupUnknownNames(named)) {
      for (const member of group.members) if (member !== group.best) best.delete(member.key);
      group.best.candidate.detail = { ...group.best.candidate.detail, spellings: JSON.stringify(group.spellings), baseName: group.baseName };
      others.set(group.best.key, group.spellings);
    }
    return others;
  }

  /**
   * The document's text changed (OCR run again): read it again for suggestions, if it was read before
   * (it has suggestions or tags), so none is decided on from text that is gone. A document never read
   * is left to be read when the lawyer first opens it, against the register as it is then. True when
   * it was read again.
   */
  suggestAgain(docId: string): boolean {
    const read = this.db
      .prepare('SELECT EXISTS (SELECT 1 FROM suggestions WHERE document_id = ?) OR EXISTS (SELECT 1 FROM tags WHERE document_id = ?)')
      .pluck()
      .get(docId, docId);
    if (!read) return false;
    this.suggest(docId);
    return true;
  }

  /**
   * The document's suggestions as the register is now. Suggestions computed before the register last
   * changed are computed again first (issue 13: a person added with the spelling a letter uses still
   * showed there as an unknown name until "Read again"). A document never read is left alone.
   */
  currentSuggestions(docId: string): Suggestion[] {
    const changedAt = this.register.changedAt();
    if (changedAt !== null) {
      const stale = this.db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM suggestions WHERE document_id = ? AND status = 'open' AND created_at <= ?)
               OR NOT EXISTS (SELECT 1 FROM suggestions WHERE document_id = ? AND status = 'open' AND created_at > ?)`,
        )
        .pluck()
        .get(docId, changedAt, docId, changedAt);
      if (stale) this.suggestAgain(docId);
    }
    return this.suggestions(docId);
  }

  suggestions(docId: string): Suggestion[] {
    const suggestions = (
      this.db
        .prepare("SELECT * FROM suggestions WHERE document_id = ? ORDER BY status = 'open' DESC, kind, confidence DESC, id")
        .all(docId) as SuggestionRow[]
    ).map(toSuggestion);
    return markSure(suggestions);
  }

  private requireSuggestion(id: number): SuggestionRow {
    const row = this.db.prepare('SELECT * FROM suggestions WHERE id = ?').get(id) as SuggestionRow | undefined;
    if (!row) throw new DalelFailure('suggestion-not-found', 'This suggestion is no longer there; the document may have been read again.');
    if (row.status !== 'open') throw new DalelFailure('conflict', `This suggestion was already ${row.status}.`).because('suggestion-decided', { status: row.status });
    return row;
  }

  /**
   * Accept a suggestion: it becomes a tag with its provenance (and, for a validity end, deadlines); a
   * deadline the document's words set (a hearing, an appeal window) goes on the dashboard, linked to the
   * document, and no tag is made (null).
   */
  accept(id: number, options: AcceptOptions = {}): Tag | null {
    const row = this.requireSuggestion(id);
    const actor = options.actor ?? 'lawyer';
    const kind = row.kind;
    if (kind === 'deadline') return this.acceptDeadline(row, actor);
    return this.db.transaction(() => {
      let value = row.value;
      if (row.kind === 'person') {
        // Every spelling the document uses for this name becomes the person's.
        const spellings = [row.surface, ...spellingsOf(row.detail)];
        if (options.newPerson) value = this.register.createPerson({ ...options.newPerson, variants: spellings });
        else if (options.personId) {
          for (const spelling of new Set(spellings)) this.register.addVariant(options.personId, spelling);
          value = options.personId;
        }
        if (!value) throw new DalelFailure('validation', 'Say who this is: choose a person from the register or add a new one.').because('suggestion-needs-person');
      }
      this.db.prepare("UPDATE suggestions SET status = 'accepted', decided_at = ?, value = ? WHERE id = ?").run(this.clock().toISOString(), value, id);
      appendAudit(this.db, { action: 'suggestion.accepted', subject: row.document_id, details: { suggestion: id, kind: row.kind, value } }, this.clock());
      return this.tagStore.insertTag(row.document_id, kind, value!, { page: row.page, source: 'suggested', suggestionId: id, actor });
    })();
  }

  private acceptDeadline(row: SuggestionRow, actor: string): null {
    const detail = JSON.parse(row.detail) as Record<string, string | null>;
    const event = detail.event === 'hearing' ? 'hearing' : 'appeal';
    const due = detail.due ?? row.value?.split(':')[1] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) throw new DalelFailure('validation', 'This deadline has no date.').because('deadline-needs-date');
    const { title } = this.requireDocument(row.document_id);
    this.db.transaction(() => {
      this.db.prepare("UPDATE suggestions SET status = 'accepted', decided_at = ? WHERE id = ?").run(this.clock().toISOString(), row.id);
      this.db
        .prepare('INSERT INTO deadlines (due, time, title, kind, document_id, suggestion_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(due, detail.time ?? null, title, event, row.document_id, row.id, this.clock().toISOString());
      appendAudit(this.db, { action: 'suggestion.accepted', subject: row.document_id, details: { suggestion: row.id, kind: row.kind, value: row.value, actor } }, this.clock());
    })();
    return null;
  }

  reject(id: number, actor = 'lawyer'): void {
    const row = this.requireSuggestion(id);
    this.db.transaction(() => {
      this.db.prepare("UPDATE suggestions SET status = 'rejected', decided_at = ? WHERE id = ?").run(this.clock().toISOString(), id);
      appendAudit(this.db, { action: 'suggestion.rejected', subject: row.document_id, details: { suggestion: id, kind: row.kind, value: row.value, actor } }, this.clock());
    })();
  }

  /**
   * Accept every open suggestion sure enough to need no look (Suggestion.sure): unknown names need a
   * decision each, and a reading below its kind's calibrated threshold stays open for review.
   */
  acceptAll(docId: string, actor = 'lawyer'): Tag[] {
    this.requireDocument(docId);
    const open = this.suggestions(docId).filter((s) => s.sure);
    return this.db.transaction(() => open.map((s) => this.accept(s.id, { actor })).filter((tag): tag is Tag => tag !== null))();
  }
}
