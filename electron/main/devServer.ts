import { APP_ENTRY_URL, APP_ORIGIN } from './appProtocolPath';

/**
 * Where the window's page comes from. A release (and `npm start`, which runs the built files) always
 * loads `app://dalel/index.html` from out/renderer. `npm run dev` is different: electron-vite serves the
 * renderer from Vite's dev server, never writes out/renderer, and tells the app where the server is in
 * `ELECTRON_RENDERER_URL` (electron-vite 6, dist/chunks/lib-*.js: `process.env.ELECTRON_RENDERER_URL =
 * \`${protocol}//${host}:${port}\``). That origin then takes the place of `app://dalel` in the request,
 * navigation and sender policies, and nothing else is let in.
 *
 * Only an unpackaged build honours the variable, and only for a server on this machine: in a packaged
 * app an environment variable must never be able to point the window, and the vault behind it, at
 * another page. Electron-free so that Vitest can check it.
 */
export interface PageSource {
  /** What the window loads first. */
  entryUrl: string;
  /** The one origin whose pages may call into the vault and whose requests are let through. */
  origin: string;
  /** True only for `npm run dev`. */
  devServer: boolean;
}

export const APP_PAGE: PageSource = { entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN, devServer: false };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function pageSource(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): PageSource {
  const value = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !value) return APP_PAGE;
  const origin = devServerOrigin(value);
  if (!origin) {
    console.warn('[dalel] ignored ELECTRON_RENDERER_URL: only a dev server on this machine (http://localhost:<port>) is used');
    return APP_PAGE;
  }
  return { entryUrl: `${origin}/`, origin, devServer: true };
}

/** The origin of a loopback http(s) server with an explicit port, or null for anything else. */
export function devServerOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.port || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url.origin;
}

/**
 * The Content-Security-Policy for `npm run dev` pages: the release policy plus one nonce on script-src
 * and style-src, and nothing else. Vite's dev server needs it for what it puts into the page itself: the
 * React Fast Refresh preamble is an inline module script (@vitejs/plugin-react 6), and hot-reloaded CSS
 * arrives as <style> elements. With `html.cspNonce` Vite puts the nonce on every tag it writes and on
 * those styles (Vite 8: injectNonceAttributeTagHook, and the client reads `meta[property=csp-nonce]`).
 * The hot-reload WebSocket needs nothing: `connect-src 'self'` covers ws: on the page's own host and port
 * (CSP Level 3). No remote origin, no 'unsafe-inline', no 'unsafe-eval', even in development.
 */
export function devServerContentSecurityPolicy(releasePolicy: string, nonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('A CSP nonce must be at least 16 base64 characters');
  const withNonce = (directive: string) => {
    const from = `${directive} 'self'`;
    if (!releasePolicy.includes(from)) throw new Error(`The release CSP no longer has "${from}"; update devServerContentSecurityPolicy`);
    return (policy: string) => policy.replace(from, `${from} 'nonce-${nonce}'`);
  };
  return [withNonce('script-src'), withNonce('style-src')].reduce((policy, add) => add(policy), releasePolicy);
}
