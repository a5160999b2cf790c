import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/domain/document';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { useDocumentsChanged } from './useDocumentsChanged';

export interface DocumentsState {
  /** null until the first answer. */
  documents: DocumentSummary[] | null;
  error: DalelError | null;
  reload: () => void;
}

/** The vault's documents, kept current as imports and OCR change them. */
export function useDocuments(): DocumentsState {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  // Answers can overtake each other; only the newest request's answer is shown.
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.documents.list()).then((listed) => {
      if (mine !== sequence.current) return;
      if (listed.ok) {
        setDocuments(listed.value);
        setError(null);
      } else {
        setError(listed.error);
      }
    });
  }, []);

  useEffect(() => {
    reload();
    // Unmounted: an answer still on its way must not be applied.
    return () => void (sequence.current += 1);
  }, [reload]);

  useDocumentsChanged(reload);
  return { documents, error, reload };
}
