import { BrowserWindow } from 'electron';

export interface AppWindowOptions {
  preloadPath: string;
  /** Only unpackaged builds may open DevTools: in a release it is a way round every other guard. */
  allowDevTools: boolean;
  /** `app://dalel/index.html`, or the dev server's page under `npm run dev` (devServer.ts). */
  entryUrl: string;
  /**
   * The first page did not load (no build in out/renderer, dev server gone). The window is created
   * hidden and shown on ready-to-show, which then never comes: without this the app would sit there
   * invisible, holding the single-instance lock.
   */
  onLoadFailed(error: unknown): void;
}

/**
 * The one window. Its page is untrusted in the sense that matters: it renders documents from asylum
 * files, so it gets no Node, runs sandboxed and isolated, and reaches the vault only through the
 * preload's `window.dalel`.
 */
export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Dalel',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would open links in new windows, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker would send typed words (names, case facts) to a dictionary service.
      spellcheck: false,
      devTools: options.allowDevTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.entryUrl).catch((error: unknown) => options.onLoadFailed(error));
  return window;
}
