import type { App, Session } from 'electron';
import { APP_ORIGIN } from './appProtocolPath';
import { isAllowedNavigation, isAllowedRequest } from './requestPolicy';

/**
 * Guards that hold even if the page is compromised, say by a crafted document. Dalel works offline
 * and case data must never leave the machine, so the session refuses every network request, every
 * permission, every download and every new window, and the page may not navigate off the app.
 *
 * Crash reporting is never started (no `crashReporter.start` anywhere, checked by
 * `npm run lint:electron`): a crash dump of this process can hold the unlocked data key and case text.
 */
export interface HardeningOptions {
  allowDevTools: boolean;
  /** Set only under `npm run dev` (devServer.ts): Vite's dev server on this machine. */
  devServerOrigin: string | null;
}

export function hardenSession(session: Session, options: HardeningOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options);
    if (!allowed) console.warn(`[dalel] blocked a request to ${describeUrl(details.url)}`);
    callback({ cancel: !allowed });
  });

  // Evidence leaves the vault only through the app's own export, never as a browser download.
  session.on('will-download', (event) => event.preventDefault());

  // Chromium fetches Hunspell dictionaries from Google on demand; point it somewhere that cannot answer.
  session.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionary-downloads/`);
  session.setSpellCheckerEnabled(false);
}

/**
 * Applies to every web contents the app ever creates, including ones nobody meant to create.
 * `pageOrigin` is `app://dalel`, or the dev server's origin under `npm run dev`.
 */
export function hardenWebContents(app: App, pageOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseNavigation = (event: { url: string; preventDefault(): void }) => {
      if (isAllowedNavigation(event.url, pageOrigin)) return;
      event.preventDefault();
      console.warn(`[dalel] blocked navigation to ${describeUrl(event.url)}`);
    };
    contents.on('will-navigate', refuseNavigation);
    contents.on('will-frame-navigate', refuseNavigation);
    contents.on('will-redirect', refuseNavigation);

    contents.setWindowOpenHandler(() => ({ action: 'deny' }));

    // `webviewTag: false` already refuses <webview>; this catches any path round it.
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Scheme and host only: a blocked URL may carry case data in its path or query. */
function describeUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(unparsable URL)';
  }
}
