import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileImportProgress, ImportErrorCode, OcrLanguage } from '../../../../shared/domain/document';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { planDropBatches } from './dropBatches';
import { collectFiles, type DroppedItem } from './droppedFiles';
import { importsReducer, NO_IMPORTS, type PasswordOutcome } from './importProgress';
import { loadImportLanguages, saveImportLanguages } from './ocrLanguages';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function refusedHere(file: string, code: ImportErrorCode): FileImportProgress {
  return { file, status: 'rejected', docId: null, pageCount: null, pagesDone: 0, warnings: [], error: { code, message: '' } };
}

/**
 * Imports started from this window and the core's progress for them. Mounted with the library, so
 * progress keeps coming while the lawyer reads a document, and is forgotten when the vault locks.
 */
export function useImports() {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(importsReducer, NO_IMPORTS);
  const [languages, setLanguagesState] = useState<OcrLanguage[]>(() => loadImportLanguages(localStorageOrNull()));
  const [error, setError] = useState<ErrorText | null>(null);
  const [starting, setStarting] = useState(false);
  const localBatches = useRef(0);

  useEffect(() => window.dalel.on('import:progress', (progress) => dispatch({ type: 'progress', progress })), []);

  const setLanguages = useCallback((next: OcrLanguage[]) => {
    setLanguagesState(next);
    saveImportLanguages(localStorageOrNull(), next);
  }, []);

  /** Files refused before they reach the core are shown in the panel like any other refusal. */
  const reportRefused = useCallback((files: FileImportProgress[]) => {
    if (files.length === 0) return;
    localBatches.current += 1;
    dispatch({ type: 'progress', progress: { batchId: `local-${localBatches.current}`, files, done: true } });
  }, []);

  const pickAndImport = useCallback(async () => {
    setError(null);
    const picked = await request(() => window.dalel.dialog.pickFiles());
    if (!picked.ok) return setError(describeError(t, picked.error));
    if (picked.value.paths.length === 0) return;
    setStarting(true);
    const started = await request(() => window.dalel.documents.import({ paths: picked.value.paths, languages }));
    setStarting(false);
    if (!started.ok) setError(describeError(t, started.error));
  }, [t, languages]);

  const importDropped = useCallback(
    async (items: DroppedItem[]) => {
      setError(null);
      setStarting(true);
      const { files, unreadable } = await collectFiles(items);
      const plan = planDropBatches(files);
      reportRefused([
        ...unreadable.map((name) => refusedHere(name, 'unsupported-file')),
        ...plan.tooLarge.map((file) => refusedHere(file.name, 'file-too-large')),
      ]);
      for (const batch of plan.batches) {
        const read: Array<{ name: string; data: Uint8Array<ArrayBuffer> }> = [];
        const failed: FileImportProgress[] = [];
        for (const file of batch) {
          try {
            read.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
          } catch {
            // A folder without the file system API, or a file removed since the drop.
            failed.push(refusedHere(file.name, file.size === 0 && file.type === '' ? 'unsupported-file' : 'corrupt-file'));
          }
        }
        reportRefused(failed);
        if (read.length === 0) continue;
        const started = await request(() => window.dalel.documents.importFiles({ files: read, languages }));
        if (!started.ok) {
          setError(describeError(t, started.error));
          break;
        }
      }
      setStarting(false);
    },
    [t, languages, reportRefused],
  );

  const cancel = useCallback(
    async (batchId: string) => {
      const cancelled = await request(() => window.dalel.documents.cancelImport({ batchId }));
      if (!cancelled.ok) setError(describeError(t, cancelled.error));
    },
    [t],
  );

  /**
   * The password of a file refused for want of it: sent once, held by nothing here after the call, which
   * answers when the file is stored ('opened') or refused again ('refused').
   */
  const retryWithPassword = useCallback(
    async (batchId: string, file: number, password: string): Promise<PasswordOutcome> => {
      setError(null);
      const tried = await request(() => window.dalel.documents.retryImport({ batchId, file, password }));
      if (!tried.ok) {
        setError(describeError(t, tried.error));
        return 'not-sent';
      }
      // The answer is the newest state of the import: shown at once, whenever its events arrive.
      dispatch({ type: 'progress', progress: tried.value });
      const row = tried.value.files[file];
      return row && row.status === 'rejected' ? 'refused' : 'opened';
    },
    [t],
  );

  const dismiss = useCallback((key: string) => dispatch({ type: 'dismiss', key }), []);

  return { batches: state.batches, languages, setLanguages, error, starting, pickAndImport, importDropped, cancel, retryWithPassword, dismiss };
}

export type Imports = ReturnType<typeof useImports>;
