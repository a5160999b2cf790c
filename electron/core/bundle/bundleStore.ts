import { randomBytes } from 'node:crypto';
import type { BundleDefinition, BundleDefinitionInput, BundleSummary } from '../../../shared/domain/bundle';
import { isBundleLanguage } from '../../../shared/domain/bundleWords';
import { appendAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import type { VaultDatabase } from '../vault/database';

/**
 * Bundle definitions, the record of their exports, and translations attached to documents. Changes are
 * audit entries naming ids and counts only: a bundle's title, entries and redaction terms can name the
 * very persons the bundle protects, and the audit log does not need them.
 */

interface BundleRow {
  id: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

export interface BundleExportRecord {
  at: string;
  sha256: string;
  pages: number;
  documents: number;
}

export function newBundleId(): string {
  return `bnd_${randomBytes(9).toString('base64url')}`;
}

export const bundleNotFound = () => new DalelFailure('not-found', 'This bundle is no longer in the vault.').because('bundle-gone');

/** Every document a definition puts in the bundle, translations included, in order. */
export function definitionDocIds(definition: Pick<BundleDefinition, 'sections'>): string[] {
  return definition.sections.flatMap((section) => section.entries.flatMap((entry) => [entry.docId, ...entry.translationDocIds]));
}

export class BundleStore {
  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(): BundleSummary[] {
    const rows = this.db.prepare('SELECT * FROM bundles ORDER BY updated_at DESC, id').all() as BundleRow[];
    return rows.map((row) => {
      const definition = this.toDefinition(row);
      const last = this.lastExport(row.id);
      return {
        id: row.id,
        title: definition.title,
        documents: new Set(definitionDocIds(definition)).size,
        updatedAt: row.updated_at,
        lastExport: last ? { at: last.at, sha256: last.sha256, pages: last.pages } : null,
      };
    });
  }

  get(id: string): BundleDefinition | null {
    const row = this.db.prepare('SELECT * FROM bundles WHERE id = ?').get(id) as BundleRow | undefined;
    return row ? this.toDefinition(row) : null;
  }

  require(id: string): BundleDefinition {
    const definition = this.get(id);
    if (!definition) throw bundleNotFound();
    return definition;
  }

  /** Save a new definition (no id, or an id not yet used) or replace one. */
  save(input: BundleDefinitionInput): BundleDefinition {
    const title = input.title.replace(/\s+/g, ' ').trim();
    if (!title) throw new DalelFailure('validation', 'A bundle needs a title.').because('bundle-needs-title');
    if (input.sections.length === 0) throw new DalelFailure('validation', 'A bundle needs at least one section.').because('bundle-needs-section');
    const docIds = definitionDocIds(input);
    const known = this.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    const missing = docIds.filter((docId) => !known.get(docId));
    if (missing.length > 0) throw new DalelFailure('document-not-found', 'A document of this bundle is no longer in the vault.', { docIds: missing });
    if (new Set(docIds).size !== docIds.length) throw new DalelFailure('validation', 'A document can be in a bundle only once.').because('bundle-document-twice');

    const id = input.id ?? newBundleId();
    const now = this.clock().toISOString();
    return this.db.transaction(() => {
      const existing = this.get(id);
      const definition: BundleDefinition = {
        id,
        title,
        caseId: input.caseId,
        personId: input.personId,
        preparedBy: input.preparedBy,
        stampPrefix: input.stampPrefix,
        sections: input.sections,
        redaction: input.redaction,
        // A definition saved again without a language keeps the one it had.
        language: input.language ?? existing?.language ?? 'en',
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      const json = JSON.stringify(definition);
      if (existing) {
        this.db.prepare('UPDATE bundles SET title = ?, definition = ?, updated_at = ? WHERE id = ?').run(title, json, now, id);
      } else {
        this.db.prepare('INSERT INTO bundles (id, title, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, title, json, now, now);
      }
      appendAudit(
        this.db,
        {
          action: existing ? 'bundle.updated' : 'bundle.created',
          subject: id,
          details: {
            documents: docIds.length,
            sections: definition.sections.length,
            protectedPersons: definition.redaction.protectedPersons,
            terms: definition.redaction.terms.length,
            boxes: definition.redaction.boxes.length,
            waived: definition.redaction.waived.length,
          },
        },
        this.clock(),
      );
      return definition;
    })();
  }

  delete(id: string): void {
    this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM bundles WHERE id = ?').run(id);
      if (removed.changes === 0) throw bundleNotFound();
      appendAudit(this.db, { action: 'bundle.deleted', subject: id }, this.clock());
    })();
  }

  /**
   * The definitions without these documents (deleted from the vault): their entries, their place as a
   * translation, and the boxes drawn on them. A definition that held none of them is left as it was.
   * Call inside the deletion's transaction.
   */
  forgetDocuments(docIds: ReadonlySet<string>): void {
    const now = this.clock().toISOString();
    for (const row of this.db.prepare('SELECT * FROM bundles').all() as BundleRow[]) {
      const definition = this.toDefinition(row);
      if (!definitionDocIds(definition).some((id) => docIds.has(id)) && !definition.redaction.boxes.some((box) => docIds.has(box.docId))) continue;
      const sections = definition.sections.map((section) => ({
        ...section,
        entries: section.entries
          .filter((entry) => !docIds.has(entry.docId))
          .map((entry) => ({ ...entry, translationDocIds: entry.translationDocIds.filter((id) => !docIds.has(id)) })),
      }));
      const boxes = definition.redaction.boxes.filter((box) => !docIds.has(box.docId));
      const kept: BundleDefinition = { ...definition, sections, redaction: { ...definition.redaction, boxes }, updatedAt: now };
      this.db.prepare('UPDATE bundles SET definition = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(kept), now, row.id);
    }
  }

  /** Record an export; its audit entry commits with it. */
  recordExport(id: string, record: BundleExportRecord, details: Record<string, unknown> = {}): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO bundle_exports (bundle_id, at, sha256, pages, documents) VALUES (?, ?, ?, ?, ?)')
        .run(id, record.at, record.sha256, record.pages, record.documents);
      appendAudit(
        this.db,
        { action: 'bundle.exported', subject: id, details: { sha256: record.sha256, pages: record.pages, documents: record.documents, ...details } },
        this.clock(),
      );
    })();
  }

  exports(id: string): BundleExportRecord[] {
    return this.db.prepare('SELECT at, sha256, pages, documents FROM bundle_exports WHERE bundle_id = ? ORDER BY at, id').all(id) as BundleExportRecord[];
  }

  /** The exports whose PDF had this SHA-256 (is this copy one Dalel wrote?). */
  exportsWithHash(sha256: string): Array<BundleExportRecord & { bundleId: string }> {
    return this.db
      .prepare('SELECT bundle_id AS bundleId, at, sha256, pages, documents FROM bundle_exports WHERE sha256 = ? ORDER BY at, id')
      .all(sha256.toLowerCase()) as Array<BundleExportRecord & { bundleId: string }>;
  }

  private lastExport(id: string): BundleExportRecord | null {
    return (this.db.prepare('SELECT at, sha256, pages, documents FROM bundle_exports WHERE bundle_id = ? ORDER BY at DESC, id DESC LIMIT 1').get(id) as
      | BundleExportRecord
      | undefined) ?? null;
  }

  private toDefinition(row: BundleRow): BundleDefinition {
    const stored = JSON.parse(row.definition) as Omit<BundleDefinition, 'language'> & { language?: unknown };
    // Definitions saved before bundles had a language printed in English.
    const language = isBundleLanguage(stored.language) ? stored.language : 'en';
    return { ...stored, language, id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  // ---- translations

  translations(docId: string): { translations: string[]; translationOf: string | null } {
    const translations = this.db
      .prepare('SELECT translation_id FROM document_translations WHERE original_id = ? ORDER BY position, created_at, translation_id')
      .pluck()
      .all(docId) as string[];
    const translationOf = (this.db.prepare('SELECT original_id FROM document_translations WHERE translation_id = ?').pluck().get(docId) as string | undefined) ?? null;
    return { translations, translationOf };
  }

  /** Every translation link, original → its translations in order (for proposing bundles). */
  allTranslations(): Map<string, string[]> {
    const rows = this.db
      .prepare('SELECT original_id, translation_id FROM document_translations ORDER BY original_id, position, created_at, translation_id')
      .all() as Array<{ original_id: string; translation_id: string }>;
    const map = new Map<string, string[]>();
    for (const row of rows) {
      let list = map.get(row.original_id);
      if (!list) map.set(row.original_id, (list = []));
      list.push(row.translation_id);
    }
    return map;
  }

  /** Attach (or detach) a translation; a document translates one original at most. */
  setTranslation(docId: string, translationDocId: string, attached: boolean): { translations: string[]; translationOf: string | null } {
    if (docId === translationDocId) throw new DalelFailure('validation', 'A document cannot be its own translation.').because('translation-of-itself');
    const known = this.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    if (!known.get(docId) || !known.get(translationDocId)) throw new DalelFailure('document-not-found', 'This document is no longer in the vault.');
    this.db.transaction(() => {
      if (attached) {
        if (this.translations(docId).translationOf === translationDocId) {
          throw new DalelFailure('conflict', 'This document is itself the translation of the other one.').because('translation-is-translated');
        }
        if (this.translations(translationDocId).translations.length > 0) {
          throw new DalelFailure('conflict', 'This document has translations of its own, so it cannot be attached as a translation.').because('translation-has-translations');
        }
        const current = this.translations(translationDocId).translationOf;
        if (current === docId) return;
        const position = (this.db.prepare('SELECT coalesce(max(position), -1) + 1 FROM document_translations WHERE original_id = ?').pluck().get(docId) as number) ?? 0;
        this.db
          .prepare(
            `INSERT INTO document_translations (translation_id, original_id, position, created_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(translation_id) DO UPDATE SET original_id = excluded.original_id, position = excluded.position, created_at = excluded.created_at`,
          )
          .run(translationDocId, docId, position, this.clock().toISOString());
        appendAudit(this.db, { action: 'document.translation-attached', subject: docId, details: { translation: translationDocId } }, this.clock());
      } else {
        const removed = this.db.prepare('DELETE FROM document_translations WHERE translation_id = ? AND original_id = ?').run(translationDocId, docId);
        if (removed.changes > 0) {
          appendAudit(this.db, { action: 'document.translation-detached', subject: docId, details: { translation: translationDocId } }, this.clock());
        }
      }
    })();
    return this.translations(docId);
  }
}
