import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/**
 * Where a page asset asked for by URL lives on disk, for the `app://` protocol and the loopback test
 * host alike. Kept free of Electron so that Vitest can exercise it under plain Node.
 *
 * The renderer's files are the only thing either server may hand out: a request that could reach
 * anything outside that folder (`..`, `%2e%2e`, an encoded slash, an absolute or drive path, a
 * symlink pointing out) is refused, whatever the URL parser already normalised.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dalel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const ENTRY_FILE = 'index.html';

export type RendererFileLookup =
  | { kind: 'file'; path: string; mimeType: string }
  | { kind: 'not-found' }
  | { kind: 'refused' };

/** The URL path of an `app://dalel/...` request, still percent-encoded; null for any other URL. */
export function appUrlPath(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  return url.pathname;
}

/**
 * Map an encoded URL path (relative to the renderer root, e.g. `/assets/index-abc.js`) to a file.
 * `/` and the empty path mean index.html. Query strings and fragments must already be stripped.
 */
export async function lookupRendererFile(rendererDir: string, encodedPath: string): Promise<RendererFileLookup> {
  const segments = decodeSegments(encodedPath);
  if (segments === null) return { kind: 'refused' };
  if (segments.length === 0) segments.push(ENTRY_FILE);

  const root = resolve(rendererDir);
  const candidate = join(root, ...segments);
  if (!isInside(root, candidate)) return { kind: 'refused' };

  let realRoot: string;
  let realFile: string;
  try {
    [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!(await stat(realFile)).isFile()) return { kind: 'not-found' };
  } catch {
    return { kind: 'not-found' };
  }
  // A symlink inside the build folder must not become a way out of it.
  if (!isInside(realRoot, realFile)) return { kind: 'refused' };
  return { kind: 'file', path: realFile, mimeType: mimeTypeFor(realFile) };
}

/** null when any segment could step out of the folder or name something other than a plain file name. */
function decodeSegments(encodedPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of encodedPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..') return null;
    // Separators or a NUL smuggled in by encoding, and `C:`-style drive prefixes on Windows.
    if (/[/\\\0]/.test(segment) || segment.includes(':')) return null;
    segments.push(segment);
  }
  return segments;
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Only what a Vite build of the renderer emits. Anything else is served as opaque bytes, and with
 * `nosniff` the browser will neither run nor render it.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every renderer response, from either server. */
export function rendererResponseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
