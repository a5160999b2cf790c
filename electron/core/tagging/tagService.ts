import { type Suggestion, type SuggestionKind, type Tag } from '../../../shared/domain/tagging';
import { appendAudit } from '../audit/auditLog';
import type { CitableRegister } from '../extract/laws/lawNames';
import { LawRegister } from './lawRegister';
import { DalelFailure } from '../errors';
import type { VaultDatabase } from '../vault/database';
import { sureEnough } from './acceptThresholds';
import { TagStore } from './tagStore';
import { RegisterStore } from './registerStore';
import { bestCandidates, candidateBox, findCandidates, identity, readPages, surfaceOf } from './suggestionCandidates';

/**
 * Suggestions from a document's text, and what the lawyer's decisions on them create: tags (TagStore)
 * and deadlines (DeadlineBook).
 *
 * `suggest` reads the pages, runs the extractors (laws, persons, dates, numbers, document type:
 * suggestionCandidates.ts) and keeps one open suggestion per distinct thing found. Suggestions already
 * accepted or rejected are never offered again for that document. Accepting creates a tag with its provenance; a validity end
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

  /** Run the extractors on the document and return its suggestions (open, accepted and rejected). */
  suggest(docId: string): Suggestion[] {
    this.requireDocument(docId);
    const pages = readPages(this.db, docId);
    const accepted = this.db.prepare("SELECT value FROM tags WHERE document_id = ? AND kind = 'document-date'").pluck().get(docId) as string | undefined;
    const persons = this.register.listPersons().map((person) => ({ id: person.id, name: person.name, variants: person.variants }));
    const { best, unknownSpellings } = bestCandidates(findCandidates(pages, this.laws, persons, accepted ?? null));
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
        const bbox = candidateBox(candidate, pages);
        insert.run(
          docId,
          candidate.kind,
          candidate.value,
          JSON.stringify(candidate.detail),
          span?.page ?? null,
          bbox ? JSON.stringify(bbox) : null,
          surfaceOf(candidate),
          Math.round((span?.confidence ?? 0.5) * 1000) / 1000,
          now,
        );
      }
    })();
    return this.suggestions(docId);
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
