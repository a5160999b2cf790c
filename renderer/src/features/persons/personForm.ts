import type { Person, PersonRole, RelationType } from '../../../../shared/domain/tagging';

/** One spelling a line, as typed: blank lines, repeats and the name itself left out. */
export function parseSpellings(text: string, name: string): string[] {
  const seen = new Set([name.trim().toLocaleLowerCase()]);
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const spelling = line.trim().replace(/\s+/g, ' ');
    const key = spelling.toLocaleLowerCase();
    if (!spelling || seen.has(key)) continue;
    seen.add(key);
    out.push(spelling);
  }
  return out;
}

export interface PersonDraft {
  name: string;
  spellings: string;
  role: PersonRole;
  dateOfBirth: string;
  protected: boolean;
}

export const EMPTY_DRAFT: PersonDraft = { name: '', spellings: '', role: 'client', dateOfBirth: '', protected: false };

/** What `persons:save` is sent for a new person. */
export function personInput(draft: PersonDraft) {
  const name = draft.name.trim().replace(/\s+/g, ' ');
  return {
    name,
    variants: parseSpellings(draft.spellings, name),
    role: draft.role,
    dateOfBirth: draft.dateOfBirth || null,
    protected: draft.protected,
  };
}

/** A person as the edit form starts: what the register holds now. */
export interface PersonEdit {
  name: string;
  role: PersonRole;
  dateOfBirth: string;
  notes: string;
  protected: boolean;
}

export function editOf(person: Person): PersonEdit {
  return { name: person.name, role: person.role, dateOfBirth: person.dateOfBirth ?? '', notes: person.notes, protected: person.protected };
}

/** What `persons:save` is sent for a change to an existing person (its spellings are kept as they are). */
export function personChange(personId: string, edit: PersonEdit) {
  return {
    id: personId,
    name: edit.name.trim().replace(/\s+/g, ' '),
    role: edit.role,
    dateOfBirth: edit.dateOfBirth || null,
    notes: edit.notes.trim(),
    protected: edit.protected,
  };
}

/**
 * What a merge will do, for the lawyer to read before confirming: the person that goes, the one kept,
 * and how many spellings move (the gone person's name becomes one of them, unless the kept one has it).
 */
export function mergeSummary(keep: Person, gone: Person): { keep: string; gone: string; spellings: number; protectedAfter: boolean } {
  const held = new Set([keep.name, ...keep.variants].map((name) => name.toLocaleLowerCase()));
  const moving = new Set([gone.name, ...gone.variants].map((name) => name.toLocaleLowerCase()).filter((name) => !held.has(name)));
  return { keep: keep.name, gone: gone.name, spellings: moving.size, protectedAfter: keep.protected || gone.protected };
}

/** Persons by name, in the lawyer's alphabet. */
export function sortPersons(persons: readonly Person[], language: string): Person[] {
  return [...persons].sort((a, b) => a.name.localeCompare(b.name, language));
}

/**
 * A relation read from this person's side. The core stores "subject <type> object"; from the object's
 * page, "Aigerim mother-of Dana" reads as "Dana: child of Aigerim", so the incoming side is shown as
 * "<type> this person" with the other person as the subject.
 */
export interface RelationLine {
  type: RelationType;
  direction: 'out' | 'in';
  personId: string;
  name: string;
}

export function relationKey(relation: RelationLine): string {
  return `${relation.direction}:${relation.type}:${relation.personId}`;
}
