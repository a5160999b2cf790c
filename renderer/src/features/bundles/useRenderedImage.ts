import { useEffect, useRef, useState } from 'react';
import type { DalelError, Result } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';

export type ImageState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'failed'; error: DalelError };

/**
 * An image the core rendered (a preview page) as a blob: URL, revoked once it is no longer shown, like
 * the page images: a bundle's cover names the client. `key` says when to ask again.
 */
export function useRenderedImage(key: string, load: () => Promise<Result<{ mime: string; data: Uint8Array }>>): ImageState {
  const [loaded, setLoaded] = useState<{ key: string; state: ImageState } | null>(null);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void request(() => loader.current()).then((image) => {
      if (!live) return;
      if (image.ok) {
        // Bytes from IPC or the test host's JSON are never a SharedArrayBuffer; the contract's type allows one.
        url = URL.createObjectURL(new Blob([image.value.data as Uint8Array<ArrayBuffer>], { type: image.value.mime }));
        setLoaded({ key, state: { status: 'ready', url } });
      } else {
        setLoaded({ key, state: { status: 'failed', error: image.error } });
      }
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [key, loader]);

  return loaded && loaded.key === key ? loaded.state : { status: 'loading' };
}
