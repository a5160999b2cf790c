import { randomBytes } from 'node:crypto';
import type { Law, Person, PersonRole, Relation, RelationType } from '../../../shared/domain/tagging';
import { appendAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import type { SearchIndex } from '../search/searchIndex';
import { readLaws, toLaw, type LawRow } from './lawRegister';
import type { VaultDatabase } from '../vault/database';

/**
 * The case register: persons (every spelling, relations, protected flag) and laws. Changes are audit
 * entries naming ids only — never a name, which the audit log does not need to carry.
 */

interface PersonRow {
  id: string;
  name: string;
  role: PersonRole;
  date_of_birth: string | null;
  notes: string;
  protected: number;
}


export interface PersonInput {
  id?: string;
  name: string;
  variants?: string[];
  role?: PersonRole;
  dateOfBirth?: string | null;
  notes?: string;
  protected?: boolean;
  relations?: Relation[];
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function newPersonId(): string {
  return `per_${randomBytes(6).toString('base64url')}`;
}

function cleanVariant(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}


/** vault_meta row: when the register last changed what pages suggest (see RegisterStore.changedAt). */
const REGISTER_CHANGED_KEY = 'register.changedAt';

export class RegisterStore {
  /** The register of a vault (its laws were seeded by migration 0005). */
  static open(db: VaultDatabase, clock: () => Date = () => new Date()): RegisterStore {
    return new RegisterStore(db, clock);
  }

  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * When the register last changed in a way that changes what a page suggests (a person or spelling
   * added, edited, merged or removed; a law edited): suggestions computed before are stale, and are
   * computed again when next shown (TagService.currentSuggestions).
   */
  changedAt(): string | null {
    return (this.db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(REGISTER_CHANGED_KEY) as string | undefined) ?? null;
  }

  private changed(): void {
    this.db
      .prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(REGISTER_CHANGED_KEY, this.clock().toISOString());
  }

  // ---- persons

  listPersons(): Person[] {
    const rows = this.db.prepare('SELECT * FROM persons ORDER BY name COLLATE NOCASE, id').all() as PersonRow[];
    const variants = this.db.prepare('SELECT person_id, variant FROM person_variants ORDER BY rowid').all() as Array<{ person_id: string; variant: string }>;
    const byPerson = new Map<string, string[]>();
    for (const { person_id, variant } of variants) {
      let list = byPerson.get(person_id);
      if (!list) byPerson.set(person_id, (list = []));
      list.push(variant);
    }
    return rows.map((row) => this.toPerson(row, byPerson.get(row.id) ?? []));
  }

  getPerson(id: string): Person | null {
    const row = this.db.prepare('SELECT * FROM persons WHERE id = ?').get(id) as PersonRow | undefined;
    if (!row) return null;
    const variants = this.db.prepare('SELECT variant FROM person_variants WHERE person_id = ? ORDER BY rowid').pluck().all(id) as string[];
    return this.toPerson(row, variants);
  }

  private toPerson(row: PersonRow, variants: string[]): Person {
    return {
      id: row.id,
      name: row.name,
      variants,
      role: row.role,
      dateOfBirth: row.date_of_birth,
      notes: row.notes,
      protected: row.protected === 1,
    };
  }

  private requirePerson(id: string): Person {
    const person = this.getPerson(id);
    if (!person) throw new DalelFailure('person-not-found', 'This person is no longer in the register.');
    return person;
  }

  /** Add a person; returns the id. */
  /**
   * Adds a person, or edits one already in the register (the spellings given are added to its own), in
   * one transaction: what the person form saves.
   */
  savePerson(input: PersonInput): Person {
    return this.db.transaction(() => {
      const { id, variants, ...fields } = input;
      if (id && this.getPerson(id)) {
        this.updatePerson(id, fields);
        for (const variant of variants ?? []) this.addVariant(id, variant);
        return this.getPerson(id)!;
      }
      return this.getPerson(this.createPerson(input))!;
    })();
  }

  createPerson(input: PersonInput): string {
    const id = input.id ?? newPersonId();
    if (!ID.test(id)) throw new DalelFailure('validation', `"${id}" cannot be a person id: use letters, digits and - _ . : only.`);
    const name = cleanVariant(input.name);
    if (!name) throw new DalelFailure('validation', 'A person needs a name.').because('person-needs-name');
    const now = this.clock().toISOString();
    this.db.transaction(() => {
      if (this.getPerson(id)) throw new DalelFailure('conflict', `There is already a person with the id ${id}.`).because('person-id-taken', { id });
      this.db
        .prepare('INSERT INTO persons (id, name, role, date_of_birth, notes, protected, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, name, input.role ?? 'other', input.dateOfBirth ?? null, input.notes ?? '', input.protected ? 1 : 0, now, now);
      for (const variant of input.variants ?? []) this.insertVariant(id, variant, name);
      appendAudit(this.db, { action: 'person.created', subject: id, details: { protected: input.protected === true } }, this.clock());
      this.changed();
    })();
    return id;
  }

  updatePerson(id: string, change: Partial<Omit<PersonInput, 'id' | 'variants' | 'relations'>>): Person {
    const person = this.requirePerson(id);
    const name = change.name === undefined ? person.name : cleanVariant(change.name);
    if (!name) throw new DalelFailure('validation', 'A person needs a name.').because('person-needs-name');
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE persons SET name = ?, role = ?, date_of_birth = ?, notes = ?, protected = ?, updated_at = ? WHERE id = ?')
        .run(
          name,
          change.role ?? person.role,
          change.dateOfBirth === undefined ? person.dateOfBirth : change.dateOfBirth,
          change.notes ?? person.notes,
          (change.protected ?? person.protected) ? 1 : 0,
          this.clock().toISOString(),
          id,
        );
      // The former name stays findable as a variant.
      if (name !== person.name) this.insertVariant(id, person.name, name);
      const details: Record<string, unknown> = { fields: Object.keys(change).sort() };
      if (change.protected !== undefined) details.protected = change.protected;
      appendAudit(this.db, { action: 'person.updated', subject: id, details }, this.clock());
      this.changed();
    })();
    return this.requirePerson(id);
  }

  private insertVariant(id: string, variant: string, name: string): boolean {
    const clean = cleanVariant(variant);
    if (!clean || clean === name) return false;
    return this.db.prepare('INSERT OR IGNORE INTO person_variants (person_id, variant) VALUES (?, ?)').run(id, clean).changes > 0;
  }

  /** Record another spelling of a person's name (e.g. from a suggestion). */
  addVariant(id: string, variant: string): Person {
    const person = this.requirePerson(id);
    this.db.transaction(() => {
      if (this.insertVariant(id, variant, person.name)) {
        appendAudit(this.db, { action: 'person.variant-added', subject: id }, this.clock());
        this.changed();
      }
    })();
    return this.requirePerson(id);
  }

  /** Take a spelling off a person (a typo, or one that turned out to be someone else's). */
  removeVariant(id: string, variant: string): Person {
    this.requirePerson(id);
    this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM person_variants WHERE person_id = ? AND variant = ?').run(id, cleanVariant(variant));
      if (removed.changes > 0) {
        appendAudit(this.db, { action: 'person.variant-removed', subject: id }, this.clock());
        this.changed();
      }
    })();
    return this.requirePerson(id);
  }

  relations(id: string): Array<{ subject: string; type: RelationType; object: string }> {
    return this.db
      .prepare('SELECT subject, type, object FROM person_relations WHERE subject = ? OR object = ? ORDER BY type, subject, object')
      .all(id, id) as Array<{ subject: string; type: RelationType; object: string }>;
  }

  addRelation(subject: string, type: RelationType, object: string): void {
    this.requirePerson(subject);
    this.requirePerson(object);
    if (subject === object) throw new DalelFailure('validation', 'A person cannot be related to themselves.').because('person-related-to-self');
    this.db.transaction(() => {
      const added = this.db.prepare('INSERT OR IGNORE INTO person_relations (subject, type, object) VALUES (?, ?, ?)').run(subject, type, object);
      if (added.changes > 0) appendAudit(this.db, { action: 'person.relation-added', subject, details: { type, object } }, this.clock());
    })();
  }

  /**
   * Merge `goneId` into `keepId`: its name and spellings become variants, and its relations, tags,
   * deadlines and cases move over. The protected flag is kept if either was protected.
   */
  mergePersons(keepId: string, goneId: string): Person {
    if (keepId === goneId) throw new DalelFailure('validation', 'Choose two different persons to merge.').because('merge-needs-two');
    const keep = this.requirePerson(keepId);
    const gone = this.requirePerson(goneId);
    this.db.transaction(() => {
      for (const variant of [gone.name, ...gone.variants]) this.insertVariant(keepId, variant, keep.name);
      for (const rel of this.relations(goneId)) {
        const subject = rel.subject === goneId ? keepId : rel.subject;
        const object = rel.object === goneId ? keepId : rel.object;
        if (subject !== object) this.db.prepare('INSERT OR IGNORE INTO person_relations (subject, type, object) VALUES (?, ?, ?)').run(subject, rel.type, object);
      }
      // A document tagged with both keeps one tag.
      this.db
        .prepare(
          `DELETE FROM tags WHERE person_id = ? AND document_id IN (SELECT document_id FROM tags WHERE person_id = ?)`,
        )
        .run(goneId, keepId);
      this.db.prepare("UPDATE tags SET person_id = ?, value = ? WHERE person_id = ?").run(keepId, keepId, goneId);
      this.db.prepare("UPDATE suggestions SET value = ? WHERE kind = 'person' AND value = ?").run(keepId, goneId);
      this.db.prepare('UPDATE deadlines SET person_id = ? WHERE person_id = ?').run(keepId, goneId);
      this.db.prepare('INSERT OR IGNORE INTO case_persons (case_id, person_id) SELECT case_id, ? FROM case_persons WHERE person_id = ?').run(keepId, goneId);
      if (gone.protected && !keep.protected) this.db.prepare('UPDATE persons SET protected = 1 WHERE id = ?').run(keepId);
      if (!keep.dateOfBirth && gone.dateOfBirth) this.db.prepare('UPDATE persons SET date_of_birth = ? WHERE id = ?').run(gone.dateOfBirth, keepId);
      this.db.prepare('DELETE FROM persons WHERE id = ?').run(goneId);
      appendAudit(this.db, { action: 'person.merged', subject: keepId, details: { merged: goneId } }, this.clock());
      this.changed();
    })();
    return this.requirePerson(keepId);
  }

  /**
   * Import persons (the `dalel persons import` format). A person whose id exists is updated: name,
   * role and flag replaced, variants added. Relations may point at persons earlier or later in the file.
   */
  importPersons(persons: readonly PersonInput[]): { created: number; updated: number; relations: number } {
    let created = 0;
    let updated = 0;
    let relations = 0;
    this.db.transaction(() => {
      for (const input of persons) {
        if (input.id && this.getPerson(input.id)) {
          this.updatePerson(input.id, { name: input.name, role: input.role, protected: input.protected, dateOfBirth: input.dateOfBirth, notes: input.notes });
          for (const variant of input.variants ?? []) this.insertVariant(input.id, variant, cleanVariant(input.name));
          updated++;
        } else {
          this.createPerson(input);
          created++;
        }
      }
      for (const input of persons) {
        for (const relation of input.relations ?? []) {
          if (!this.getPerson(relation.to)) {
            throw new DalelFailure('validation', `${input.id ?? input.name}: relation "${relation.type}" points to ${relation.to}, who is not in the file or the register.`);
          }
          const before = this.relations(input.id!).length;
          this.addRelation(input.id!, relation.type, relation.to);
          if (this.relations(input.id!).length > before) relations++;
        }
      }
    })();
    return { created, updated, relations };
  }

  // ---- laws

  listLaws(): Law[] {
    return readLaws(this.db);
  }

  getLaw(id: string): Law | null {
    const row = this.db.prepare('SELECT * FROM laws WHERE id = ?').get(id) as LawRow | undefined;
    return row ? toLaw(row) : null;
  }

  /** Add or edit a law of the register; the vault's index (Vault.searchIndex) finds its citations anew. */
  saveLaw(law: Law, index: SearchIndex): Law {
    if (!ID.test(law.id)) throw new DalelFailure('validation', `"${law.id}" cannot be a law id: use letters, digits and - _ . : only.`);
    if (!law.title.en.trim() && !law.title.ru.trim() && !law.title.kk.trim()) throw new DalelFailure('validation', 'A law needs a title.').because('law-needs-title');
    this.db.transaction(() => {
      const existed = this.getLaw(law.id) !== null;
      this.db
        .prepare(
          `INSERT INTO laws (id, number, kind, date, title_en, title_ru, title_kk, title_zh, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET number = excluded.number, kind = excluded.kind, date = excluded.date, title_en = excluded.title_en,
             title_ru = excluded.title_ru, title_kk = excluded.title_kk, title_zh = excluded.title_zh, aliases = excluded.aliases`,
        )
        .run(law.id, law.number, law.kind, law.date, law.title.en, law.title.ru, law.title.kk, law.title.zh ?? null, JSON.stringify(law.aliases));
      appendAudit(this.db, { action: existed ? 'law.updated' : 'law.added', subject: law.id }, this.clock());
      this.changed();
      // Citations of this law are found anew: the index re-reads every page in the background.
      index.lawsChanged();
    })();
    return this.getLaw(law.id)!;
  }
}
