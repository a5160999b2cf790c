import { randomBytes } from 'node:crypto';
import type { CaseDetail, CaseSummary } from '../../../shared/domain/tagging';
import { appendAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import type { VaultDatabase } from '../vault/database';

/**
 * Cases group the persons and documents of one matter (an appeal, a family's file). A document or a
 * person may belong to several cases. Changes are audit entries (ids only).
 */
export class CaseStore {
  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(): CaseSummary[] {
    return this.db
      .prepare(
        `SELECT c.id, c.title, c.notes,
           (SELECT count(*) FROM case_persons p WHERE p.case_id = c.id) AS persons,
           (SELECT count(*) FROM case_documents d WHERE d.case_id = c.id) AS documents
         FROM cases c ORDER BY c.title COLLATE NOCASE, c.id`,
      )
      .all() as CaseSummary[];
  }

  /** The cases a person or a document is in. */
  casesOf(member: { personId?: string; docId?: string }): CaseSummary[] {
    const [table, column, value] = member.personId
      ? (['case_persons', 'person_id', member.personId] as const)
      : (['case_documents', 'document_id', member.docId ?? ''] as const);
    const ids = new Set(this.db.prepare(`SELECT case_id FROM ${table} WHERE ${column} = ?`).pluck().all(value) as string[]);
    return this.list().filter((item) => ids.has(item.id));
  }

  get(id: string): CaseDetail {
    const row = this.db.prepare('SELECT id, title, notes FROM cases WHERE id = ?').get(id) as { id: string; title: string; notes: string } | undefined;
    if (!row) throw new DalelFailure('not-found', 'This case is no longer in the vault.').because('case-gone');
    const personIds = this.db.prepare('SELECT person_id FROM case_persons WHERE case_id = ? ORDER BY rowid').pluck().all(id) as string[];
    const docIds = this.db.prepare('SELECT document_id FROM case_documents WHERE case_id = ? ORDER BY rowid').pluck().all(id) as string[];
    return { ...row, personIds, docIds };
  }

  /** Open a case (no id) or rename / re-describe one. */
  save(input: { id?: string; title: string; notes?: string }): CaseDetail {
    const title = input.title.replace(/\s+/g, ' ').trim();
    if (!title) throw new DalelFailure('validation', 'A case needs a title.').because('case-needs-title');
    const id = input.id ?? `case_${randomBytes(6).toString('base64url')}`;
    this.db.transaction(() => {
      const existed = this.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
      if (existed) this.db.prepare('UPDATE cases SET title = ?, notes = ? WHERE id = ?').run(title, input.notes ?? '', id);
      else if (input.id) throw new DalelFailure('not-found', 'This case is no longer in the vault.').because('case-gone');
      else this.db.prepare('INSERT INTO cases (id, title, notes, created_at) VALUES (?, ?, ?, ?)').run(id, title, input.notes ?? '', this.clock().toISOString());
      appendAudit(this.db, { action: existed ? 'case.updated' : 'case.opened', subject: id }, this.clock());
    })();
    return this.get(id);
  }

  /** Put a person or a document in a case, or take it out. */
  setMember(caseId: string, member: { personId?: string; docId?: string }, inCase: boolean): CaseDetail {
    this.get(caseId);
    const [table, column, value] = member.personId
      ? (['case_persons', 'person_id', member.personId] as const)
      : member.docId
        ? (['case_documents', 'document_id', member.docId] as const)
        : (() => {
            throw new DalelFailure('validation', 'Say which person or document.').because('case-member-missing');
          })();
    if (member.personId && !this.db.prepare('SELECT 1 FROM persons WHERE id = ?').get(member.personId)) {
      throw new DalelFailure('person-not-found', 'This person is no longer in the register.');
    }
    if (member.docId && !this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(member.docId)) {
      throw new DalelFailure('document-not-found', 'This document is no longer in the vault.');
    }
    this.db.transaction(() => {
      const change = inCase
        ? this.db.prepare(`INSERT OR IGNORE INTO ${table} (case_id, ${column}) VALUES (?, ?)`).run(caseId, value)
        : this.db.prepare(`DELETE FROM ${table} WHERE case_id = ? AND ${column} = ?`).run(caseId, value);
      if (change.changes > 0) {
        appendAudit(this.db, { action: inCase ? 'case.member-added' : 'case.member-removed', subject: caseId, details: { [column]: value } }, this.clock());
      }
    })();
    return this.get(caseId);
  }
}
