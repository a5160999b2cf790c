import type { Deadline } from '../../../shared/domain/tagging';
import { appendAudit } from '../audit/auditLog';
import { addDays, daysBetween, localDay } from '../calendar';
import { DalelFailure } from '../errors';
import type { VaultDatabase } from '../vault/database';

/**
 * The vault's deadlines: those set by hand for a case or a person, and the validity ends of documents
 * (kept in step with their tags by TagService through `syncValidity`), counted in days on the lawyer's
 * own calendar.
 */
export class DeadlineBook {
  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A deadline set by hand, for a case or a person. */
  addDeadline(input: { due: string; title: string; personId?: string; caseId?: string }): Deadline {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.due)) throw new DalelFailure('validation', 'A date is written YYYY-MM-DD.').because('date-format');
    if (!input.title.trim()) throw new DalelFailure('validation', 'Say what the deadline is for.').because('deadline-needs-title');
    // Found by the handler fuzz: an unknown person reached the foreign key and came back as `internal`.
    if (input.personId !== undefined && this.db.prepare('SELECT 1 FROM persons WHERE id = ?').get(input.personId) === undefined) throw new DalelFailure('person-not-found', 'This person is not in the register.');
    if (input.caseId !== undefined && this.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(input.caseId) === undefined) {
      throw new DalelFailure('not-found', 'This case is no longer in the vault.').because('case-gone');
    }
    const id = this.db.transaction(() => {
      const result = this.db
        .prepare("INSERT INTO deadlines (due, title, kind, person_id, case_id, created_at) VALUES (?, ?, 'manual', ?, ?, ?)")
        .run(input.due, input.title.trim(), input.personId ?? null, input.caseId ?? null, this.clock().toISOString());
      appendAudit(this.db, { action: 'deadline.added', subject: input.personId ?? input.caseId ?? null, details: { due: input.due } }, this.clock());
      return Number(result.lastInsertRowid);
    })();
    return this.deadline(id)!;
  }

  setDeadlineDone(id: number, done: boolean): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE deadlines SET done = ? WHERE id = ?').run(done ? 1 : 0, id);
      appendAudit(this.db, { action: done ? 'deadline.done' : 'deadline.reopened', subject: String(id) }, this.clock());
    })();
  }

  /** Deadlines due within `days` from today, overdue first (then soonest first). */
  deadlines(options: { days?: number; personId?: string; includeDone?: boolean } = {}): Deadline[] {
    // the lawyer's day, not UTC's: in Almaty a deadline due today would read "tomorrow" until 05:00
    const limit = addDays(localDay(this.clock()), options.days ?? 60);
    return this.deadlineRows(
      `d.due <= ? ${options.includeDone ? '' : 'AND d.done = 0'} ${options.personId ? 'AND d.person_id = ?' : ''}`,
      [limit, ...(options.personId ? [options.personId] : [])],
    );
  }

  /** One deadline by its id, whenever it is due and done or not; null when there is none. */
  deadline(id: number): Deadline | null {
    return this.deadlineRows('d.id = ?', [id])[0] ?? null;
  }

  private deadlineRows(where: string, params: ReadonlyArray<string | number>): Deadline[] {
    const todayIso = localDay(this.clock());
    const rows = this.db
      .prepare(
        `SELECT d.*, p.name AS person_name, doc.title AS document_title FROM deadlines d LEFT JOIN persons p ON p.id = d.person_id
         LEFT JOIN documents doc ON doc.id = d.document_id
         WHERE ${where}
         ORDER BY d.due, d.id`,
      )
      .all(...params) as Array<{
      id: number;
      due: string;
      time: string | null;
      title: string;
      kind: Deadline['kind'];
      person_id: string | null;
      person_name: string | null;
      case_id: string | null;
      document_id: string | null;
      document_title: string | null;
      done: number;
    }>;
    return rows.map((row) => ({
      id: row.id,
      due: row.due,
      time: row.time,
      title: row.title,
      kind: row.kind,
      personId: row.person_id,
      personName: row.person_name,
      caseId: row.case_id,
      docId: row.document_id,
      documentTitle: row.document_title,
      done: row.done === 1,
      daysLeft: daysBetween(todayIso, row.due),
    }));
  }

  /**
   * A validity end on a document becomes a deadline as soon as it is accepted: one for every person the
   * document is tagged with, or — while it is tagged with nobody — one that is unassigned (no person),
   * so a lapsing certificate is on the dashboard even before anyone is tagged (issue 13: it was not).
   */
  syncValidity(docId: string, title: string): void {
    const validity = this.db.prepare("SELECT id, value FROM tags WHERE document_id = ? AND kind = 'valid-until'").get(docId) as
      | { id: number; value: string }
      | undefined;
    if (!validity) {
      this.db.prepare("DELETE FROM deadlines WHERE document_id = ? AND kind = 'validity'").run(docId);
      return;
    }
    const persons = this.db.prepare("SELECT person_id FROM tags WHERE document_id = ? AND kind = 'person'").pluck().all(docId) as string[];
    const holders: Array<string | null> = persons.length > 0 ? persons : [null];
    // Keep what still holds (its done mark with it); drop deadlines of another validity tag, of persons
    // no longer tagged, and the unassigned one once somebody is.
    this.db
      .prepare(
        `DELETE FROM deadlines WHERE document_id = ? AND kind = 'validity'
           AND (tag_id <> ? OR (person_id IS NULL AND ? > 0) OR (person_id IS NOT NULL AND person_id NOT IN (SELECT value FROM json_each(?))))`,
      )
      .run(docId, validity.id, persons.length, JSON.stringify(persons));
    for (const personId of holders) {
      const exists = this.db.prepare("SELECT 1 FROM deadlines WHERE document_id = ? AND kind = 'validity' AND person_id IS ? AND tag_id = ?").get(docId, personId, validity.id);
      if (exists) continue;
      this.db
        .prepare("INSERT INTO deadlines (due, title, kind, person_id, document_id, tag_id, created_at) VALUES (?, ?, 'validity', ?, ?, ?, ?)")
        .run(validity.value, title, personId, docId, validity.id, this.clock().toISOString());
    }
  }
}
