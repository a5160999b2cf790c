import { useEffect, useState } from 'react';
import { request } from '../../ipc/request';

export type PageImageState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'missing' };

/**
 * A page's image (or thumbnail) as a blob: URL, revoked when it is no longer shown, so decrypted page
 * images do not linger in memory after the lawyer moves on or the vault locks. `version` asks again:
 * pass something that changes when the image may have appeared (a page finishing, say).
 */
export function usePageImage(docId: string, page: number, variant: 'image' | 'thumb', version: string | number = 0): PageImageState {
  const key = `${docId}#${page}#${variant}#${version}`;
  const [loaded, setLoaded] = useState<{ key: string; url: string | null } | null>(null);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void request(() => window.dalel.documents.pageImage({ docId, page, variant })).then((image) => {
      if (!live) return;
      // Bytes from IPC or the test host's JSON are never a SharedArrayBuffer; the contract's type allows one.
      if (image.ok) url = URL.createObjectURL(new Blob([image.value.data as Uint8Array<ArrayBuffer>], { type: image.value.mime }));
      setLoaded({ key, url });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [docId, page, variant, key]);

  // Until the answer for this page comes, nothing older is shown as if it were this page.
  if (!loaded || loaded.key !== key) return { status: 'loading' };
  return loaded.url ? { status: 'ready', url: loaded.url } : { status: 'missing' };
}
