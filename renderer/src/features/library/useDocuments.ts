import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/domain/document';
import type { SearchFilters } from '../../../../shared/domain/search';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { useDocumentsChanged } from './useDocumentsChanged';

export interface DocumentsState {
  /** null until the first answer. */
  documents: DocumentSummary[] | null;
  error: DalelError | null;
  reload: () => void;
}

/** The vault's documents (those that meet `filters`, when given), kept current as imports and OCR change them. */
export function useDocuments(filters?: SearchFilters): DocumentsState {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  // Answers can overtake each other; only the newest request's answer is shown.
  const sequence = useRef(0);
  // Compared by value: a filter object made afresh on each render must not ask again.
  const filterKey = JSON.stringify(filters ?? null);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    const wanted = JSON.parse(filterKey) as SearchFilters | null;
    void request(() => window.dalel.documents.list(wanted ? { filters: wanted } : {})).then((listed) => {
      if (mine !== sequence.current) return;
      if (listed.ok) {
        setDocuments(listed.value);
        setError(null);
      } else {
        setError(listed.error);
      }
    });
  }, [filterKey]);

  useEffect(() => {
    reload();
    // Unmounted: an answer still on its way must not be applied.
    return () => void (sequence.current += 1);
  }, [reload]);

  useDocumentsChanged(reload);
  return { documents, error, reload };
}
