import type { DocumentSummary } from '../../../../shared/domain/document';

/** How the library orders its documents (issue 14): as imported (newest first), by their own date, or by title. */
export const LIBRARY_SORTS = ['imported', 'date', 'title'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/**
 * The documents in the order chosen: by document date newest first, undated after the dated; by title in
 * the interface language's alphabet (Kazakh letters where Kazakh puts them). Ties keep the import order.
 */
export function sortDocuments(documents: readonly DocumentSummary[], sort: LibrarySort, language: string): DocumentSummary[] {
  const byImport = [...documents];
  if (sort === 'imported') return byImport;
  if (sort === 'date') {
    return byImport.sort((a, b) => {
      if (a.documentDate === b.documentDate) return 0;
      if (a.documentDate === null) return 1;
      if (b.documentDate === null) return -1;
      return a.documentDate < b.documentDate ? 1 : -1;
    });
  }
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  return byImport.sort((a, b) => collator.compare(a.title, b.title));
}
