import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary, PageRecord } from '../../../../shared/domain/document';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { useDocumentsChanged } from '../library/useDocumentsChanged';

export interface OpenDocument {
  document: DocumentSummary;
  pages: PageRecord[];
}

/** One document with its pages, kept current while its pages are read. */
export function useDocument(docId: string): { data: OpenDocument | null; error: DalelError | null; reload: () => void } {
  const [data, setData] = useState<OpenDocument | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.documents.get({ docId })).then((got) => {
      if (mine !== sequence.current) return;
      if (got.ok) {
        setData(got.value);
        setError(null);
      } else {
        setError(got.error);
      }
    });
  }, [docId]);

  useEffect(() => {
    reload();
    return () => void (sequence.current += 1);
  }, [reload]);

  useDocumentsChanged(reload, docId);
  return { data, error, reload };
}
