import type { SearchFilters } from '../../../../shared/domain/search';

/** The library's filter bar as the lawyer set it: '' where a choice is not made. */
export interface LibraryFilterChoice {
  caseId: string;
  personId: string;
  /** a law id (KZ-477-IV) or law and article (KZ-477-IV:49) */
  law: string;
  docType: string;
  /** the documents' own dates (the tagged document date), from `<input type="date">` */
  dateFrom: string;
  dateTo: string;
}

export const NO_LIBRARY_FILTERS: LibraryFilterChoice = { caseId: '', personId: '', law: '', docType: '', dateFrom: '', dateTo: '' };

/** The filters `documents:list` is sent: only what is set, and a range typed backwards read the right way round. */
export function libraryRequestFilters(choice: LibraryFilterChoice): SearchFilters | undefined {
  const filters: SearchFilters = {};
  if (choice.caseId) filters.caseId = choice.caseId;
  if (choice.personId) filters.personId = choice.personId;
  if (choice.law.trim()) filters.law = choice.law.trim();
  if (choice.docType) filters.docType = choice.docType;
  const [from, to] = choice.dateFrom && choice.dateTo && choice.dateFrom > choice.dateTo ? [choice.dateTo, choice.dateFrom] : [choice.dateFrom, choice.dateTo];
  if (from) filters.documentDateFrom = from;
  if (to) filters.documentDateTo = to;
  return Object.keys(filters).length > 0 ? filters : undefined;
}

export function hasLibraryFilters(choice: LibraryFilterChoice): boolean {
  return libraryRequestFilters(choice) !== undefined;
}
