import type { SearchFilters } from '../../../shared/domain/search';

/** The start of a local calendar day (plus some days) as the ISO instant imports are stamped with. */
function localDayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/**
 * Conditions on documents (alias `d`) shared by search and the library list: OCR languages, import
 * date, and the case register's tags (case, person, law or law:article, type, document date). Returns
 * SQL to append after a WHERE clause (each part starts with AND) and its parameters.
 */
export function documentFilterSql(filters: SearchFilters | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters?.languages?.length) {
    parts.push(`(${filters.languages.map(() => "('+' || d.languages || '+') LIKE ?").join(' OR ')})`);
    params.push(...filters.languages.map((language) => `%+${language}+%`));
  }
  if (filters?.importedFrom) {
    parts.push('d.imported_at >= ?');
    params.push(localDayStart(filters.importedFrom));
  }
  if (filters?.importedTo) {
    parts.push('d.imported_at < ?');
    params.push(localDayStart(filters.importedTo, 1));
  }
  const tagged = (condition: string, ...values: unknown[]) => {
    parts.push(`EXISTS (SELECT 1 FROM tags t WHERE t.document_id = d.id AND ${condition})`);
    params.push(...values);
  };
  if (filters?.caseId) {
    parts.push('EXISTS (SELECT 1 FROM case_documents c WHERE c.document_id = d.id AND c.case_id = ?)');
    params.push(filters.caseId);
  }
  if (filters?.personId) tagged("t.kind = 'person' AND t.person_id = ?", filters.personId);
  if (filters?.law) {
    const [law, article] = filters.law.split(':');
    if (article) tagged("t.kind = 'law' AND t.law_id = ? AND t.article = ?", law, article);
    else tagged("t.kind = 'law' AND t.law_id = ?", law);
  }
  if (filters?.docType) tagged("t.kind = 'type' AND t.value = ?", filters.docType);
  if (filters?.documentDateFrom) tagged("t.kind = 'document-date' AND t.value >= ?", filters.documentDateFrom);
  if (filters?.documentDateTo) tagged("t.kind = 'document-date' AND t.value <= ?", filters.documentDateTo);
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
}
