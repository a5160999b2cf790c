import { describe, expect, it } from 'vitest';
import { hasLibraryFilters, libraryRequestFilters, NO_LIBRARY_FILTERS } from './libraryFilters';

describe('libraryRequestFilters', () => {
  it('sends nothing when nothing is chosen', () => {
    expect(libraryRequestFilters(NO_LIBRARY_FILTERS)).toBeUndefined();
    expect(hasLibraryFilters(NO_LIBRARY_FILTERS)).toBe(false);
  });

  it('sends only the choices that are made', () => {
    expect(libraryRequestFilters({ ...NO_LIBRARY_FILTERS, caseId: 'case-1', law: 'KZ-477-IV:49', docType: 'refusal' })).toEqual({
      caseId: 'case-1',
      law: 'KZ-477-IV:49',
      docType: 'refusal',
    });
  });

  it('maps the date range to the documents’ own dates', () => {
    expect(libraryRequestFilters({ ...NO_LIBRARY_FILTERS, dateFrom: '2021-01-01' })).toEqual({ documentDateFrom: '2021-01-01' });
    expect(libraryRequestFilters({ ...NO_LIBRARY_FILTERS, dateTo: '2021-12-31' })).toEqual({ documentDateTo: '2021-12-31' });
  });

  it('reads a range typed backwards the right way round', () => {
    expect(libraryRequestFilters({ ...NO_LIBRARY_FILTERS, dateFrom: '2022-06-03', dateTo: '2021-04-02' })).toEqual({
      documentDateFrom: '2021-04-02',
      documentDateTo: '2022-06-03',
    });
  });

  it('counts a person alone as a filter', () => {
    expect(hasLibraryFilters({ ...NO_LIBRARY_FILTERS, personId: 'p1' })).toBe(true);
  });
});
