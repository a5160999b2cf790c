import type { BundleEntry, BundleSection } from '../../../../shared/domain/bundle';

/**
 * The bundle's arrangement: sections of entries, each entry a document (with its translations after
 * it). Every change returns new sections and leaves the old ones as they were, so React sees it and an
 * undone drag leaves nothing behind. A document is in a bundle once: as an entry, or as a translation.
 */

/** The type of what is dragged in the arrangement: an entry of this bundle, named by its document. */
export const ENTRY_DRAG_TYPE = 'application/x-dalel-bundle-entry';

/** Where an entry is: its section, and its position in that section. */
export interface EntryPlace {
  section: number;
  index: number;
}

/** Every document in the bundle, translations included, in bundle order. */
export function bundleDocIds(sections: readonly BundleSection[]): string[] {
  return sections.flatMap((section) => section.entries.flatMap((entry) => [entry.docId, ...entry.translationDocIds]));
}

export function entryCount(sections: readonly BundleSection[]): number {
  return sections.reduce((total, section) => total + section.entries.length, 0);
}

export function placeOf(sections: readonly BundleSection[], docId: string): EntryPlace | null {
  for (const [section, { entries }] of sections.entries()) {
    const index = entries.findIndex((entry) => entry.docId === docId);
    if (index >= 0) return { section, index };
  }
  return null;
}

/**
 * Move an entry to `to`: the position in the destination section as it is now, before the entry
 * leaves its own ("before the entry now at to.index"; the section's length for its end). This is what
 * a drop on an entry means, within a section and between sections alike.
 */
export function moveEntry(sections: readonly BundleSection[], from: EntryPlace, to: EntryPlace): BundleSection[] {
  const source = sections[from.section];
  const entry = source?.entries[from.index];
  const target = sections[to.section];
  if (!entry || !target) return [...sections];
  let index = Math.max(0, Math.min(to.index, target.entries.length));
  if (to.section === from.section && index > from.index) index -= 1;
  const next = sections.map((section) => ({ ...section, entries: [...section.entries] }));
  next[from.section]!.entries.splice(from.index, 1);
  next[to.section]!.entries.splice(index, 0, entry);
  return next;
}

/** One step up: before the entry above it, or from the top of a section to the end of the one above. */
export function moveUp(sections: readonly BundleSection[], from: EntryPlace): BundleSection[] {
  if (from.index > 0) return moveEntry(sections, from, { section: from.section, index: from.index - 1 });
  if (from.section > 0) return moveEntry(sections, from, { section: from.section - 1, index: sections[from.section - 1]!.entries.length });
  return [...sections];
}

/** One step down: after the entry below it, or from the end of a section to the top of the next one. */
export function moveDown(sections: readonly BundleSection[], from: EntryPlace): BundleSection[] {
  const length = sections[from.section]?.entries.length ?? 0;
  if (from.index < length - 1) return moveEntry(sections, from, { section: from.section, index: from.index + 2 });
  if (from.section < sections.length - 1) return moveEntry(sections, from, { section: from.section + 1, index: 0 });
  return [...sections];
}

export function canMoveUp(_sections: readonly BundleSection[], at: EntryPlace): boolean {
  return at.index > 0 || at.section > 0;
}

export function canMoveDown(sections: readonly BundleSection[], at: EntryPlace): boolean {
  return at.index < (sections[at.section]?.entries.length ?? 0) - 1 || at.section < sections.length - 1;
}

export function addSection(sections: readonly BundleSection[], title: string): BundleSection[] {
  return [...sections, { title, entries: [] }];
}

export function renameSection(sections: readonly BundleSection[], at: number, title: string): BundleSection[] {
  return sections.map((section, index) => (index === at ? { ...section, title } : section));
}

/**
 * Remove a section. Its documents are not dropped from the bundle with it: they move to the end of the
 * section above (the one below, for the first). The last section stays: a bundle has at least one.
 */
export function removeSection(sections: readonly BundleSection[], at: number): BundleSection[] {
  if (sections.length <= 1 || !sections[at]) return [...sections];
  const orphans = sections[at]!.entries;
  const heir = at > 0 ? at - 1 : 1;
  return sections
    .map((section, index) => (index === heir ? { ...section, entries: at > 0 ? [...section.entries, ...orphans] : [...orphans, ...section.entries] } : section))
    .filter((_, index) => index !== at);
}

export type EntryChange = Partial<Pick<BundleEntry, 'title' | 'date' | 'description'>>;

export function updateEntry(sections: readonly BundleSection[], docId: string, change: EntryChange): BundleSection[] {
  return sections.map((section) =>
    section.entries.some((entry) => entry.docId === docId)
      ? { ...section, entries: section.entries.map((entry) => (entry.docId === docId ? { ...entry, ...change } : entry)) }
      : section,
  );
}

/** Take a document out of the bundle, wherever it is: as an entry, or as another entry's translation. */
export function removeDocument(sections: readonly BundleSection[], docId: string): BundleSection[] {
  return sections.map((section) => ({
    ...section,
    entries: section.entries
      .filter((entry) => entry.docId !== docId)
      .map((entry) => (entry.translationDocIds.includes(docId) ? { ...entry, translationDocIds: entry.translationDocIds.filter((id) => id !== docId) } : entry)),
  }));
}

/**
 * Add what the core proposed for newly chosen documents: each proposed entry joins the section of the
 * same title (case and spaces aside), or a new section at the end. Documents already in the bundle stay
 * where the lawyer put them. A bundle that is still one empty section takes the proposal as it is.
 */
export function mergeProposal(sections: readonly BundleSection[], proposed: readonly BundleSection[]): BundleSection[] {
  const present = new Set(bundleDocIds(sections));
  const fresh = (entry: BundleEntry) => !present.has(entry.docId);
  const wanted = proposed
    .map((section) => ({ ...section, entries: section.entries.filter(fresh).map((entry) => ({ ...entry, translationDocIds: entry.translationDocIds.filter((id) => !present.has(id)) })) }))
    .filter((section) => section.entries.length > 0);
  if (wanted.length === 0) return [...sections];
  if (entryCount(sections) === 0) return wanted;
  const next = sections.map((section) => ({ ...section, entries: [...section.entries] }));
  const key = (title: string) => title.trim().toLocaleLowerCase();
  for (const section of wanted) {
    const same = next.find((existing) => key(existing.title) === key(section.title));
    if (same) same.entries.push(...section.entries);
    else next.push(section);
  }
  return next;
}
