import type { OtherPerson, UncheckedPage } from '../../../../shared/domain/bundle';

/**
 * What the review says besides the boxes: the people named on the pages who are not the bundle's own
 * (for the lawyer to decide on), and the pages that could not be fully checked for names.
 */

const folded = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase();

/** Is `name` already one of the redacted words (however it is spaced or capitalised)? */
export function hasTerm(terms: readonly string[], name: string): boolean {
  const wanted = folded(name);
  return terms.some((term) => folded(term) === wanted);
}

/** The terms with `name` added, unless it is there already. */
export function addTerm(terms: readonly string[], name: string): string[] {
  const clean = name.replace(/\s+/gu, ' ').trim();
  if (!clean || hasTerm(terms, clean)) return [...terms];
  return [...terms, clean];
}

/** One document's pages where someone is named, in page order. */
export interface PagesInDocument {
  docId: string;
  pages: number[];
}

/** Pages grouped by document, documents in the order of `docOrder` (the bundle's), then as met. */
export function pagesByDocument(pages: ReadonlyArray<{ docId: string; page: number }>, docOrder: readonly string[]): PagesInDocument[] {
  const byDoc = new Map<string, Set<number>>();
  for (const { docId, page } of pages) byDoc.set(docId, (byDoc.get(docId) ?? new Set()).add(page));
  const rank = (docId: string) => {
    const at = docOrder.indexOf(docId);
    return at < 0 ? docOrder.length : at;
  };
  return [...byDoc.entries()]
    .map(([docId, set], met) => ({ docId, pages: [...set].sort((a, b) => a - b), met }))
    .sort((a, b) => rank(a.docId) - rank(b.docId) || a.met - b.met)
    .map(({ docId, pages: sorted }) => ({ docId, pages: sorted }));
}

/** Where the lawyer stands with someone named on the pages. */
export type OtherPersonState = 'redacted-as-term' | 'not-redacted';

export function otherPersonState(person: OtherPerson, terms: readonly string[]): OtherPersonState {
  return hasTerm(terms, person.name) ? 'redacted-as-term' : 'not-redacted';
}

/**
 * Can the lawyer confirm the page as read? Only a page that was read: one not read at all has no text
 * to confirm and must be read (again).
 */
export function canConfirm(page: UncheckedPage): boolean {
  return page.reason !== 'not-read';
}

/** A long list is cut to its first `limit` rows until the lawyer asks for all of them. */
export function firstRows<T>(rows: readonly T[], showAll: boolean, limit: number): { shown: T[]; hidden: number } {
  if (showAll || rows.length <= limit) return { shown: [...rows], hidden: 0 };
  return { shown: rows.slice(0, limit), hidden: rows.length - limit };
}
