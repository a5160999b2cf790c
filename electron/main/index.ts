import { basename, join } from 'node:path';
import { app, clipboard, dialog, powerMonitor, session as electronSession, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { createAppServices } from '../core/app/appServices';
import { DalelFailure } from '../core/errors';
import { createHandlers } from '../core/ipc/handlers';
import { secretCopier } from './clipboard';
import { pageSource } from './devServer';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { utilityParserProcesses } from './parserProcesses';
import { registerAppScheme, serveRenderer } from './protocol';
import { watchSystemLock } from './systemLock';
import { createAppWindow } from './window';

/**
 * The Electron shell, kept thin: everything the lawyer's data goes through lives in electron/core and
 * is shared with the CLI and the loopback test host. This file wires it to windows, dialogs and the OS.
 */
const allowDevTools = !app.isPackaged;
// app://dalel/ from out/renderer, or Vite's dev server under `npm run dev` (unpackaged builds only).
const page = pageSource(process.env, app.isPackaged);

try {
  // Only unpackaged builds honour this: the Electron e2e journey needs a throwaway profile.
  const testUserData = allowDevTools ? process.env.DALEL_USER_DATA_DIR : undefined;
  if (testUserData) app.setPath('userData', testUserData);

  registerAppScheme();
  app.enableSandbox();

  // Two instances would open the same vault twice and race on its files.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    hardenWebContents(app, page.origin);
    app.whenReady().then(start).catch(failStartup);
  }
} catch (error) {
  failStartup(error);
}

/**
 * Nothing may leave an invisible Dalel behind: a process without a window that still holds the
 * single-instance lock makes every later launch quit silently (`second-instance` goes to a process the
 * lawyer cannot see). So a failed start says why in a plain dialog (before `ready` on Linux Electron
 * prints it to stderr instead: dialog.showErrorBox docs), lets go of the lock and exits at once;
 * `app.exit` skips `will-quit`, whose handler would wait on services that never finished starting.
 */
function failStartup(error: unknown): void {
  console.error('[dalel] could not start:', error);
  const reason = error instanceof Error ? error.message : String(error);
  try {
    dialog.showErrorBox('Dalel could not start', `${reason}\n\nNo vault was opened and nothing was changed. Start Dalel again; if this keeps happening, report this message.`);
  } finally {
    app.releaseSingleInstanceLock();
    app.exit(1);
  }
}

function start(): void {
  // Packaged: resources/ ships beside the asar (electron-builder extraResources); unpackaged: the repo's.
  const resources = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  const services = createAppServices({
    configFile: join(app.getPath('userData'), 'config.json'),
    defaultVaultPath: join(app.getPath('documents'), 'Dalel Vault'),
    parserProcesses: utilityParserProcesses(join(__dirname, 'parserChild.js')),
    tessdataDir: join(resources, 'tessdata'),
    fontsDir: join(resources, 'fonts'),
    demoDir: join(resources, 'demo'),
    logError: (context, error) => console.error(`[dalel] ${context} failed:`, error),
  });
  const { session } = services;
  let window: BrowserWindow | null = null;

  hardenSession(electronSession.defaultSession, { allowDevTools, devServerOrigin: page.devServer ? page.origin : null });
  serveRenderer(join(__dirname, '../renderer'));

  const showOpenDialog = (options: OpenDialogOptions) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
  const copier = secretCopier(clipboard);
  const handlers = createHandlers(services, {
    pickFolder: async () => {
      const result = await showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickFiles: async () => {
      const result = await showOpenDialog({
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Scans and PDFs', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return result.canceled ? [] : result.filePaths;
    },
    pickBackupFile: async () => {
      const result = await showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Dalel backup', extensions: ['dalelbackup'] }, { name: 'All files', extensions: ['*'] }] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickSavePath: async (purpose, suggestedName) => {
      const filters =
        purpose === 'bundle-zip'
          ? [{ name: 'ZIP archive', extensions: ['zip'] }]
          : purpose === 'backup'
            ? [{ name: 'Dalel backup', extensions: ['dalelbackup'] }]
            : purpose === 'recovery-code'
              ? [{ name: 'Text', extensions: ['txt'] }]
              : [{ name: 'PDF', extensions: ['pdf'] }];
      // A backup never replaces a file (the core refuses with target-exists), so its dialog does not offer to.
      const properties = purpose === 'backup' ? ['createDirectory' as const] : ['createDirectory' as const, 'showOverwriteConfirmation' as const];
      const options = { defaultPath: join(app.getPath('documents'), basename(suggestedName)), filters, properties };
      const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return result.canceled ? null : (result.filePath ?? null);
    },
    copySecret: (text) => copier.copy(text),
    // An exported bundle, in the system's PDF reader or its folder (the core allows only this session's exports).
    // shell.openPath resolves with an error message, '' on success (Electron docs, shell.openPath).
    openPath: async (path) => {
      const error = await shell.openPath(path);
      if (error) throw new DalelFailure('validation', `The bundle could not be opened: ${error}`);
    },
    showInFolder: (path) => shell.showItemInFolder(path),
  });
  registerIpc({
    handlers,
    appFrame: () => (window && !window.isDestroyed() ? window.webContents.mainFrame : null),
    pageOrigin: page.origin,
    logError: (channel, error) => console.error(`[dalel] ${channel} failed:`, error),
  });
  services.forwardEvents((event, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(event, payload);
  });

  const lock = (reason: 'user' | 'system') => {
    void session.lock(reason).catch((error: unknown) => console.error('[dalel] lock failed:', error));
  };
  // Screen locked (every platform, Linux by polling: systemLock.ts) or the machine going to sleep.
  watchSystemLock({ powerMonitor, platform: process.platform, onLock: () => lock('system') });

  installAppMenu({ lockVault: () => lock('user'), allowDevTools });

  let opened = false;
  const openWindow = () => {
    window = createAppWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      allowDevTools,
      entryUrl: page.entryUrl,
      // Only the first page matters here: later the window exists and the lawyer can close it.
      onLoadFailed: (error) => {
        if (!opened) failStartup(new Error(`The app's page did not load (${page.entryUrl}): ${error instanceof Error ? error.message : String(error)}`));
      },
    });
    window.once('ready-to-show', () => {
      opened = true;
    });
    window.on('closed', () => {
      window = null;
    });
  };
  openWindow();

  app.on('second-instance', () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // A running app with no window but an open vault helps nobody; quit (which locks) on every platform.
  app.on('window-all-closed', () => app.quit());

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void services
      .dispose()
      .catch((error: unknown) => console.error('[dalel] could not lock the vault on quit:', error))
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });
}
