import { join } from 'node:path';
import { app, dialog, powerMonitor, session as electronSession, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { createHandlers, forwardEvents } from '../core/ipc/handlers';
import { AppConfigStore } from '../core/session/appConfig';
import { VaultSession } from '../core/session/vaultSession';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { installAppMenu } from './menu';
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
  const session = new VaultSession({
    config: new AppConfigStore(join(app.getPath('userData'), 'config.json')),
    defaultVaultPath: join(app.getPath('documents'), 'Dalel Vault'),
  });
  let window: BrowserWindow | null = null;

  hardenSession(electronSession.defaultSession, { allowDevTools });
  serveRenderer(join(__dirname, '../renderer'));

  const handlers = createHandlers(session, {
    pickFolder: async () => {
      const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  registerIpc({
    handlers,
    appFrame: () => (window && !window.isDestroyed() ? window.webContents.mainFrame : null),
    logError: (channel, error) => console.error(`[dalel] ${channel} failed:`, error),
  });
  forwardEvents(session, (event, payload) => {
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
    void session
      .dispose()
      .catch((error: unknown) => console.error('[dalel] could not lock the vault on quit:', error))
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });
}
