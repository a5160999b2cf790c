import { APP_ORIGIN } from './appProtocolPath';
import { isAppPageUrl, isPageUrl } from './senderPolicy';

/**
 * What the app's web contents may load. Dalel is offline by design: evidence must never leave the
 * machine, so the session refuses every request that is not for the app's own files, whatever the
 * page or a compromised renderer asks for. Electron-free so that Vitest can check it.
 */
export interface RequestPolicyOptions {
  /** DevTools loads its own front end over `devtools:`; only unpackaged builds open it. */
  allowDevTools: boolean;
  /**
   * `npm run dev` only (unpackaged, loopback, see devServer.ts): Vite's dev server, whose page, modules and
   * hot-reload socket (same host and port, `ws:`) are then let through. Nothing else on http is, ever.
   */
  devServerOrigin?: string | null;
}

export function isAllowedRequest(value: string, options: RequestPolicyOptions): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  switch (url.protocol) {
    case 'app:':
      return isAppPageUrl(value);
    // In-memory images the renderer makes itself (page previews); the CSP allows them as images only.
    case 'data:':
    case 'blob:':
      return true;
    case 'devtools:':
      return options.allowDevTools;
    case 'http:':
    case 'https:':
      return !!options.devServerOrigin && isPageUrl(value, options.devServerOrigin);
    case 'ws:':
    case 'wss:':
      return !!options.devServerOrigin && isDevServerSocket(url, options.devServerOrigin);
    default:
      return false;
  }
}

/** Vite's hot-reload WebSocket: the dev server's own host and port, ws for http and wss for https. */
function isDevServerSocket(url: URL, devServerOrigin: string): boolean {
  const server = new URL(devServerOrigin);
  const scheme = server.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.protocol === scheme && url.host === server.host && !url.username && !url.password;
}

/** The window may move between pages of the app (or of the dev server under `npm run dev`), never to anything else. */
export function isAllowedNavigation(value: string, pageOrigin: string = APP_ORIGIN): boolean {
  return isPageUrl(value, pageOrigin);
}
