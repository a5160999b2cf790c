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
