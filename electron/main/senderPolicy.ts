import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './appProtocolPath';

/**
 * Who may call into the vault. Only Dalel's own page, loaded from `app://dalel/` in the main
 * window's top frame, may: not an iframe, not another window, not a page the window was somehow
 * navigated to. Under `npm run dev` (unpackaged only, see devServer.ts) the dev server's origin takes
 * the place of `app://dalel`, never in addition to it. Electron-free so that it can be tested under
 * Node; `ipc.ts` hands it the facts.
 */
export interface FrameFacts {
  url: string;
  processId: number;
  routingId: number;
  /** Null for a top-level frame. */
  parent: unknown;
}

export function isAppPageUrl(value: string): boolean {
  if (!value.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * True for a URL on the page origin: `app://dalel/...`, or the dev server's `http://localhost:<port>/...`
 * when that is the origin the window was given.
 */
export function isPageUrl(value: string, pageOrigin: string = APP_ORIGIN): boolean {
  if (pageOrigin === APP_ORIGIN) return isAppPageUrl(value);
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === pageOrigin && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * @param sender the frame that sent the request (`event.senderFrame`; null once it navigated away or died)
 * @param appFrame the main window's top frame, or null when there is no main window
 * @param pageOrigin the window's page origin (PageSource.origin)
 */
export function isTrustedSender(
  sender: FrameFacts | null | undefined,
  appFrame: Pick<FrameFacts, 'processId' | 'routingId'> | null | undefined,
  pageOrigin: string = APP_ORIGIN,
): boolean {
  if (!sender || !appFrame) return false;
  if (sender.parent !== null) return false;
  if (sender.processId !== appFrame.processId || sender.routingId !== appFrame.routingId) return false;
  return isPageUrl(sender.url, pageOrigin);
}
