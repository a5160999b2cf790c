import { DOCUMENT_TYPES, type DocumentType, type PersonTagging, type Tag } from '../../../shared/domain/tagging';
import { appendAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import type { VaultDatabase } from '../vault/database';
import { DeadlineBook } from './deadlineBook';
import { RegisterStore } from './registerStore';

/**
 * A document's tags: what it is about (persons, laws, dates, numbers, its type), made by hand or from a
 * suggestion accepted (TagService), each with its provenance and an audit entry. A validity end tag is
 * kept in step with the document's deadlines (DeadlineBook).
 */

interface TagRow {
  id: number;
  document_id: string;
  kind: Tag['kind'];
  value: string;
  person_id: string | null;
  law_id: string | null;
  article: string | null;
  page: number | null;
  source: Tag['source'];
  actor: string;
  created_at: string;
}

const toTag = (row: TagRow): Tag => ({
  id: row.id,
  docId: row.document_id,
  kind: row.kind,
  value: row.value,
  personId: row.person_id,
  lawId: row.law_id,
  article: row.article,
  page: row.page,
  source: row.source,
  actor: row.actor,
  createdAt: row.created_at,
});

export class TagStore {
  private readonly register: RegisterStore;
  private readonly deadlineBook: DeadlineBook;

  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.register = RegisterStore.open(db, clock);
    this.deadlineBook = new DeadlineBook(db, clock);
  }

  private requireDocument(docId: string): { title: string } {
    const doc = this.db.prepare('SELECT title FROM documents WHERE id = ?').get(docId) as { title: string } | undefined;
    if (!doc) throw new DalelFailure('document-not-found', 'This document is no longer in the vault.');
    return doc;
  }

  /** Tag a document by hand (a person, a law or law:article, a date, a number, a type). */
  addTag(docId: string, kind: Tag['kind'], value: string, actor = 'lawyer'): Tag {
    this.requireDocument(docId);
    return this.db.transaction(() => {
      appendAudit(this.db, { action: 'tag.added', subject: docId, details: { kind, value } }, this.clock());
      return this.insertTag(docId, kind, value, { page: null, source: 'manual', suggestionId: null, actor });
    })();
  }

  /**
   * Tag documents with a person at once (the person page's "Mentioned, not tagged"), in one
   * transaction: every document is tagged, or, when one is gone or the person is, none is. Each tag is
   * audited as tagging one document is. A document's open suggestion of this person is accepted with
   * it (its page and provenance go to the tag, and the viewer no longer offers it); otherwise the tag
   * is the lawyer's own. Documents already tagged with the person are left as they are.
   */
  tagPerson(personId: string, docIds: readonly string[], actor = 'lawyer'): PersonTagging {
    if (!this.register.getPerson(personId)) throw new DalelFailure('person-not-found', 'This person is not in the register.');
    const wanted = [...new Set(docIds)];
    return this.db.transaction(() => {
      const result: PersonTagging = { added: [], alreadyTagged: [] };
      const tagged = this.db.prepare("SELECT 1 FROM tags WHERE document_id = ? AND kind = 'person' AND value = ?").pluck();
      const openSuggestion = this.db.prepare("SELECT * FROM suggestions WHERE document_id = ? AND kind = 'person' AND value = ? AND status = 'open' ORDER BY confidence DESC, id");
      const now = this.clock().toISOString();
      for (const docId of wanted) {
        this.requireDocument(docId);
        if (tagged.get(docId, personId)) {
          result.alreadyTagged.push(docId);
          continue;
        }
        const suggestion = openSuggestion.get(docId, personId) as { id: number; page: number | null } | undefined;
        if (suggestion) {
          this.db.prepare("UPDATE suggestions SET status = 'accepted', decided_at = ? WHERE id = ?").run(now, suggestion.id);
          appendAudit(this.db, { action: 'suggestion.accepted', subject: docId, details: { suggestion: suggestion.id, kind: 'person', value: personId, actor } }, this.clock());
          result.added.push(this.insertTag(docId, 'person', personId, { page: suggestion.page, source: 'suggested', suggestionId: suggestion.id, actor }));
        } else {
          appendAudit(this.db, { action: 'tag.added', subject: docId, details: { kind: 'person', value: personId, actor } }, this.clock());
          result.added.push(this.insertTag(docId, 'person', personId, { page: null, source: 'manual', suggestionId: null, actor }));
        }
      }
      return result;
    })();
  }

  removeTag(tagId: number, actor = 'lawyer'): void {
    const row = this.db.prepare('SELECT * FROM tags WHERE id = ?').get(tagId) as TagRow | undefined;
    if (!row) return;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM tags WHERE id = ?').run(tagId);
      this.deadlineBook.syncValidity(row.document_id, this.requireDocument(row.document_id).title);
      appendAudit(this.db, { action: 'tag.removed', subject: row.document_id, details: { kind: row.kind, value: row.value, actor } }, this.clock());
    })();
  }

  tags(docId: string): Tag[] {
    return (this.db.prepare('SELECT * FROM tags WHERE document_id = ? ORDER BY kind, id').all(docId) as TagRow[]).map(toTag);
  }

  /** A tag with its provenance (a suggestion accepted, or the lawyer's own); validity ends become deadlines. Call inside a transaction. */
  insertTag(
    docId: string,
    kind: Tag['kind'],
    value: string,
    origin: { page: number | null; source: Tag['source']; suggestionId: number | null; actor: string },
  ): Tag {
    let personId: string | null = null;
    let lawId: string | null = null;
    let article: string | null = null;
    if (kind === 'person') {
      if (!this.register.getPerson(value)) throw new DalelFailure('person-not-found', 'This person is not in the register.');
      personId = value;
    } else if (kind === 'law') {
      const [law, art] = value.split(':');
      if (!this.register.getLaw(law!)) throw new DalelFailure('law-not-found', `There is no law ${law} in the register.`);
      lawId = law!;
      article = art?.trim() || null;
    } else if (kind === 'document-date' || kind === 'valid-until') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new DalelFailure('validation', 'A date is written YYYY-MM-DD.').because('date-format');
    } else if (kind === 'type') {
      // Every list of documents reads the type back as one of these: a stray value broke the whole library.
      if (!DOCUMENT_TYPES.includes(value as DocumentType)) throw new DalelFailure('validation', 'That is not a type of document Dalel knows.').because('unknown-document-type');
    }
    const existing = this.db.prepare('SELECT * FROM tags WHERE document_id = ? AND kind = ? AND value = ?').get(docId, kind, value) as TagRow | undefined;
    if (existing) return toTag(existing);
    // One document date and one validity end per document: a new one replaces the old.
    if (kind === 'document-date' || kind === 'valid-until' || kind === 'type') {
      this.db.prepare('DELETE FROM tags WHERE document_id = ? AND kind = ?').run(docId, kind);
    }
    const result = this.db
      .prepare(
        `INSERT INTO tags (document_id, kind, value, person_id, law_id, article, page, source, suggestion_id, actor, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(docId, kind, value, personId, lawId, article, origin.page, origin.source, origin.suggestionId, origin.actor, this.clock().toISOString());
    const tag = toTag(this.db.prepare('SELECT * FROM tags WHERE id = ?').get(result.lastInsertRowid) as TagRow);
    this.deadlineBook.syncValidity(docId, this.requireDocument(docId).title);
    return tag;
  }
}
