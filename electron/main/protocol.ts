import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import {
  APP_SCHEME,
  appUrlPath,
  lookupRendererFile,
  rendererResponseHeaders,
} from './appProtocolPath';

/**
 * The renderer is served from `app://dalel/`, never `file://`: a file page shares one origin with
 * every file on disk, while `app://dalel` is an origin of its own whose only content is the built
 * renderer. Every response carries the CSP header.
 */

/** Must run before the app is ready (Electron reads privileges at startup). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and a real origin, so the page's module scripts load same-origin.
      // secure: treated like https (secure context). Nothing else: the renderer never fetch()es, it
      // talks to the app only through window.dalel, and no other origin may read app:// (no corsEnabled).
      privileges: { standard: true, secure: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const path = appUrlPath(request.url);
    if (path === null) return refusal(404);
    const found = await lookupRendererFile(rendererDir, path);
    if (found.kind === 'refused') return refusal(403);
    if (found.kind === 'not-found') return refusal(404);
    const body = request.method === 'HEAD' ? null : await readFile(found.path);
    return new Response(body, { status: 200, headers: rendererResponseHeaders(found.mimeType) });
  });
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: rendererResponseHeaders('text/plain; charset=utf-8') });
}
