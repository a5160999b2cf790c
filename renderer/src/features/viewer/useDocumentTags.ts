import { useCallback, useEffect, useRef, useState } from 'react';
import type { Suggestion, Tag } from '../../../../shared/domain/tagging';
import type { Input } from '../../../../shared/ipc/contract';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export interface DocumentTags {
  suggestions: Suggestion[];
  tags: Tag[];
}

export interface DocumentTagsState {
  data: DocumentTags | null;
  error: DalelError | null;
  /** A call is on its way: the buttons wait, so one click is one decision. */
  busy: boolean;
  readAgain: () => Promise<void>;
  accept: (input: Input<'tags:accept'>) => Promise<boolean>;
  acceptMany: (ids: number[]) => Promise<void>;
  reject: (suggestionId: number) => Promise<void>;
  removeTag: (tagId: number) => Promise<void>;
  /** Tag the document by hand; false when refused (the error is shown). */
  addTag: (tag: Omit<Input<'tags:add'>, 'docId'>) => Promise<boolean>;
}

/**
 * A document's suggestions and tags. A document never read for suggestions (none, and no tags) is read
 * once on opening; after that "Read again" reads it, and so does the core whenever the document's text
 * changes (OCR run again): it says so with `tags:changed`, and the panel shows the new suggestions.
 * A rejected suggestion stays rejected either way.
 */
export function useDocumentTags(docId: string): DocumentTagsState {
  const [data, setData] = useState<DocumentTags | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useRef(true);

  const show = useCallback((answer: Result<DocumentTags>) => {
    if (!live.current) return;
    if (answer.ok) {
      setData(answer.value);
      setError(null);
    } else {
      setError(answer.error);
    }
  }, []);

  const refresh = useCallback(async () => show(await request(() => window.dalel.tags.forDocument({ docId }))), [docId, show]);

  useEffect(() => {
    live.current = true;
    void (async () => {
      const loaded = await request(() => window.dalel.tags.forDocument({ docId }));
      if (loaded.ok && loaded.value.suggestions.length === 0 && loaded.value.tags.length === 0) {
        setBusy(true);
        show(await request(() => window.dalel.tags.suggest({ docId })));
        if (live.current) setBusy(false);
      } else {
        show(loaded);
      }
    })();
    return () => {
      live.current = false;
    };
  }, [docId, show]);

  useEffect(
    () =>
      window.dalel.on('tags:changed', (event) => {
        if (event.docId === docId) void refresh();
      }),
    [docId, refresh],
  );

  // A person or law added or edited elsewhere (another window, the persons page): the core computes
  // this document's suggestions anew against the register when they are asked for.
  useEffect(() => window.dalel.on('register:changed', () => void refresh()), [refresh]);

  /** Runs one change, then shows the document's suggestions and tags as they now are. */
  const change = useCallback(
    async (call: () => Promise<Result<unknown>>): Promise<boolean> => {
      setBusy(true);
      const done = await request(call);
      if (!done.ok && live.current) setError(done.error);
      if (done.ok) await refresh();
      if (live.current) setBusy(false);
      return done.ok;
    },
    [refresh],
  );

  return {
    data,
    error,
    busy,
    readAgain: async () => {
      setBusy(true);
      show(await request(() => window.dalel.tags.suggest({ docId })));
      if (live.current) setBusy(false);
    },
    accept: (input) => change(() => window.dalel.tags.accept(input)),
    acceptMany: async (ids) => {
      await change(async () => {
        for (const suggestionId of ids) {
          const accepted = await window.dalel.tags.accept({ suggestionId });
          if (!accepted.ok) return accepted;
        }
        return { ok: true, value: null };
      });
    },
    reject: async (suggestionId) => void (await change(() => window.dalel.tags.reject({ suggestionId }))),
    removeTag: async (tagId) => void (await change(() => window.dalel.tags.remove({ tagId }))),
    addTag: (tag) => change(() => window.dalel.tags.add({ docId, ...tag })),
  };
}
