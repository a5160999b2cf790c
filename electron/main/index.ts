import { basename, join } from 'node:path';
import { app, dialog, powerMonitor, session as electronSession, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { createAppServices } from '../core/app/appServices';
import { createHandlers } from '../core/ipc/handlers';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { utilityParserProcesses } from './parserProcesses';
import { registerAppScheme, serveRenderer } from './protocol';
import { createAppWindow } from './window';

/**
 * The Electron shell, kept thin: everything the lawyer's data goes through lives in electron/core and
 * is shared with the CLI and the loopback test host. This file wires it to windows, dialogs and the OS.
 */
const allowDevTools = !app.isPackaged;

// Only unpackaged builds honour this: the Electron e2e journey needs a throwaway profile.
const testUserData = allowDevTools ? process.env.DALEL_USER_DATA_DIR : undefined;
if (testUserData) app.setPath('userData', testUserData);

registerAppScheme();
app.enableSandbox();

// Two instances would open the same vault twice and race on its files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenWebContents(app);
  void app.whenReady().then(start);
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
    logError: (context, error) => console.error(`[dalel] ${context} failed:`, error),
  });
  const { session } = services;
  let window: BrowserWindow | null = null;

  hardenSession(electronSession.defaultSession, { allowDevTools });
  serveRenderer(join(__dirname, '../renderer'));

  const showOpenDialog = (options: OpenDialogOptions) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
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
    pickSavePath: async (purpose, suggestedName) => {
      const filters = purpose === 'bundle-zip' ? [{ name: 'ZIP archive', extensions: ['zip'] }] : [{ name: 'PDF', extensions: ['pdf'] }];
      const options = { defaultPath: join(app.getPath('documents'), basename(suggestedName)), filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return result.canceled ? null : (result.filePath ?? null);
    },
  });
  registerIpc({
    handlers,
    appFrame: () => (window && !window.isDestroyed() ? window.webContents.mainFrame : null),
    logError: (channel, error) => console.error(`[dalel] ${channel} failed:`, error),
  });
  services.forwardEvents((event, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(event, payload);
  });

  const lock = (reason: 'user' | 'system') => {
    void session.lock(reason).catch((error: unknown) => console.error('[dalel] lock failed:', error));
  };
  // Someone walking up to an unattended, locked-screen laptop must not find the vault open.
  powerMonitor.on('lock-screen', () => lock('system'));
  powerMonitor.on('suspend', () => lock('system'));

  installAppMenu({ lockVault: () => lock('user'), allowDevTools });

  const openWindow = () => {
    window = createAppWindow({ preloadPath: join(__dirname, '../preload/index.js'), allowDevTools });
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
