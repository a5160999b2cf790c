import { isAppPageUrl } from './senderPolicy';

/**
 * What the app's web contents may load. Dalel is offline by design: evidence must never leave the
 * machine, so the session refuses every request that is not for the app's own files, whatever the
 * page or a compromised renderer asks for. Electron-free so that Vitest can check it.
 */
export interface RequestPolicyOptions {
  /** DevTools loads its own front end over `devtools:`; only unpackaged builds open it. */
  allowDevTools: boolean;
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
    default:
      return false;
  }
}

/** The window may move between pages of the app, never to anything else. */
export function isAllowedNavigation(value: string): boolean {
  return isAppPageUrl(value);
}
