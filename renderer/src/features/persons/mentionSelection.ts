import type { MentionedDocument } from '../../../../shared/domain/tagging';

/**
 * Which of the "Mentioned, not tagged" documents the lawyer ticked. None is ticked to begin with:
 * the list is for review, and a document is tagged only once the lawyer has looked at what it says.
 */

export type SelectionState = 'none' | 'some' | 'all';

/** The ticked documents still listed: a document tagged (or gone) since leaves the selection. */
export function stillListed(selected: ReadonlySet<string>, mentions: readonly MentionedDocument[]): Set<string> {
  const listed = new Set(mentions.map((doc) => doc.docId));
  return new Set([...selected].filter((docId) => listed.has(docId)));
}

export function toggled(selected: ReadonlySet<string>, docId: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(docId)) next.add(docId);
  return next;
}

/** What "Select all" shows: ticked when every listed document is, half-ticked when some are. */
export function selectionState(selected: ReadonlySet<string>, mentions: readonly MentionedDocument[]): SelectionState {
  const ticked = mentions.filter((doc) => selected.has(doc.docId)).length;
  if (ticked === 0) return 'none';
  return ticked === mentions.length ? 'all' : 'some';
}

/** "Select all" clicked: every listed document, or none when all already were. */
export function afterSelectAll(selected: ReadonlySet<string>, mentions: readonly MentionedDocument[]): Set<string> {
  return selectionState(selected, mentions) === 'all' ? new Set() : new Set(mentions.map((doc) => doc.docId));
}

/** The ticked documents in the order they are listed (the order they are tagged in). */
export function selectedInOrder(selected: ReadonlySet<string>, mentions: readonly MentionedDocument[]): string[] {
  return mentions.filter((doc) => selected.has(doc.docId)).map((doc) => doc.docId);
}
