import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  lockVault(): void;
  allowDevTools: boolean;
}

/**
 * A deliberately small menu: no links to websites, no reload (it would drop the page while the vault
 * stays open). "Lock vault" is here so that a lawyer stepping away can lock with one shortcut, even
 * when the page itself is not responding.
 */
export function installAppMenu(actions: AppMenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Lock vault', accelerator: 'CmdOrCtrl+L', click: () => actions.lockVault() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // Without an Edit menu, copy and paste shortcuts do not work in text fields on macOS.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.allowDevTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
