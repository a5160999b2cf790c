/**
 * What the lawyer changes about documents after import (issue 14): the title the library, results,
 * timeline, deadlines and bundles show instead of "scan 00041"; the document's date and type (tags, as
 * accepted suggestions make them, so the timeline and bundle index use them at once); notes; and
 * deleting documents — a wrong client's file — with everything that hangs on them.
 *
 * Every change is one transaction with its audit entry. The audit of an edit names the fields changed,
 * never the title or notes themselves (they may name a protected relative); the audit of a deletion keeps
 * the original's SHA-256, size and page count, so the record shows which file left the vault without
 * keeping its name.
 */
import type { DocumentEdit, DocumentSummary } from '../../../shared/domain/document';
import { DOCUMENT_TYPES } from '../../../shared/domain/tagging';
import { appendAudit } from '../audit/auditLog';
import { BundleStore } from '../bundle/bundleStore';
import { isDay } from '../calendar';
import { DalelFailure } from '../errors';
import { TagStore } from '../tagging/tagStore';
import type { VaultDatabase } from '../vault/database';
import { DocumentStore } from './documentStore';

export const MAX_TITLE_LENGTH = 300;
export const MAX_NOTES_LENGTH = 10_000;

export class DocumentEditing {
  private readonly store: DocumentStore;
  private readonly tags: TagStore;

  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.store = new DocumentStore(db);
    this.tags = new TagStore(db, clock);
  }

  private require(docId: string): DocumentSummary {
    const doc = this.store.get(docId);
    if (!doc) throw new DalelFailure('document-not-found', 'This document is no longer in the vault.');
    return doc;
  }

  /** Change a document's title, notes, date or type; a field left out stays, null clears the date or type. */
  edit(docId: string, changes: DocumentEdit, actor = 'lawyer'): DocumentSummary {
    const before = this.require(docId);
    const title = changes.title?.replace(/\s+/g, ' ').trim();
    if (title !== undefined && (title === '' || title.length > MAX_TITLE_LENGTH)) {
      throw new DalelFailure('validation', `A title is 1 to ${MAX_TITLE_LENGTH} characters.`).because('title-length', { max: MAX_TITLE_LENGTH });
    }
    if (changes.notes !== undefined && changes.notes.length > MAX_NOTES_LENGTH) throw new DalelFailure('validation', `Notes are at most ${MAX_NOTES_LENGTH} characters.`).because('notes-length', { max: MAX_NOTES_LENGTH });
    if (changes.documentDate != null && !isDay(changes.documentDate)) throw new DalelFailure('validation', 'A date is written YYYY-MM-DD and must exist.').because('date-format');
    if (changes.type != null && !(DOCUMENT_TYPES as readonly string[]).includes(changes.type)) throw new DalelFailure('validation', `A document type is one of ${DOCUMENT_TYPES.join(', ')}.`).because('unknown-document-type');

    const changed: string[] = [];
    this.db.transaction(() => {
      const now = this.clock().toISOString();
      if (title !== undefined && title !== before.title) {
        this.db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?').run(title, now, docId);
        changed.push('title');
      }
      if (changes.notes !== undefined && changes.notes !== before.notes) {
        this.db.prepare('UPDATE documents SET notes = ?, updated_at = ? WHERE id = ?').run(changes.notes, now, docId);
        changed.push('notes');
      }
      for (const [field, kind] of [['documentDate', 'document-date'], ['type', 'type']] as const) {
        const value = changes[field];
        if (value === undefined || value === before[field]) continue;
        if (value === null) for (const tag of this.tags.tags(docId).filter((t) => t.kind === kind)) this.tags.removeTag(tag.id, actor);
        else this.tags.addTag(docId, kind, value, actor);
        changed.push(field);
      }
      if (changed.length > 0) {
        const details: Record<string, unknown> = { fields: changed, actor };
        // a date and a type name nobody; a title and notes may
        if (changed.includes('documentDate')) details.documentDate = changes.documentDate;
        if (changed.includes('type')) details.type = changes.type;
        appendAudit(this.db, { action: 'document.edited', subject: docId, details }, this.clock());
      }
    })();
    return this.require(docId);
  }

  /**
   * Delete documents and everything that hangs on them: pages, images and the original, the search
   * index's words, suggestions, tags, deadlines, case membership, translations, and their entries and
   * drawn boxes in bundle definitions. All or none: an unknown id, or a document still being read,
   * refuses the whole call.
   */
  delete(docIds: readonly string[], actor = 'lawyer'): { deleted: number } {
    const ids = [...new Set(docIds)];
    const docs = ids.map((id) => this.require(id));
    const busy = docs.find((doc) => doc.status === 'processing');
    if (busy) throw new DalelFailure('document-busy', 'A document is still being read. Wait until it is ready, or cancel its import, then delete it.');
    this.db.transaction(() => {
      new BundleStore(this.db, this.clock).forgetDocuments(new Set(ids));
      for (const doc of docs) {
        // the search index's words go with the page rows (search_pages cascades; its trigger clears the FTS row)
        this.store.delete(doc.id);
        appendAudit(this.db, { action: 'document.deleted', subject: doc.id, details: { sha256: doc.sha256, size: doc.size, pages: doc.pageCount, actor } }, this.clock());
      }
    })();
    return { deleted: docs.length };
  }
}
