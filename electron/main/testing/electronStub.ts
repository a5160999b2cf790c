import { EventEmitter } from 'node:events';
import Module, { createRequire } from 'node:module';

// Node's own CommonJS require (and its cache): the built shell is CommonJS, loaded the way Electron loads it.
const nodeRequire = createRequire(import.meta.url);

/**
 * A stand-in for the `electron` module that only RECORDS what the built shell asks of it, so that the
 * shell's wiring (out/main/index.js, out/preload/index.js) can be checked under plain Node, where no
 * Electron binary exists. It stands in for nothing the product needs: every call is written down with
 * whether it came before `ready`, answers are the inert minimum an API promises (a window object, a lock
 * that was granted, a path), and an Electron API the stub does not know throws, so a shell that starts
 * using one fails here until someone decides how to record it.
 *
 * `controls` change the stub, never the product, to show that a check fails when the wiring is wrong.
 */
export interface StubOptions {
  userData: string;
  documents: string;
  isPackaged?: boolean;
  resourcesPath?: string;
  /** Control: pretend this channel's ipcMain.handle never happened (a shell that forgot to register it). */
  dropHandle?: string;
  /** A start-up error inside `ready`: app.getPath throws. */
  failGetPath?: boolean;
  /** What powerMonitor.getSystemIdleState answers (Linux screen-lock route). */
  idleState?: () => 'active' | 'idle' | 'locked' | 'unknown';
}

export interface Call {
  api: string;
  args: unknown[];
  beforeReady: boolean;
}

export interface StubbedWindow {
  options: Record<string, unknown>;
  loaded: string[];
  sent: Array<{ channel: string; payload: unknown }>;
  events: EventEmitter;
  webContents: EventEmitter & { mainFrame: FakeFrame };
}

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: unknown;
}

export interface ElectronStub {
  module: Record<string, unknown>;
  calls: Call[];
  windows: StubbedWindow[];
  handlers: Map<string, (event: unknown, input: unknown) => Promise<unknown>>;
  app: EventEmitter & { quit(): void };
  powerMonitor: EventEmitter;
  session: EventEmitter & { webRequest: { listeners: Array<(details: { url: string }, callback: (r: { cancel: boolean }) => void) => void> } };
  exposed: Map<string, unknown>;
  clipboardText: { value: string };
  /** Emit `ready` (resolves app.whenReady()). */
  ready(): Promise<void>;
  called(api: string): Call[];
}

export function createElectronStub(options: StubOptions): ElectronStub {
  const calls: Call[] = [];
  let isReady = false;
  const record = (api: string, ...args: unknown[]) => {
    calls.push({ api, args, beforeReady: !isReady });
  };
  const windows: StubbedWindow[] = [];
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const exposed = new Map<string, unknown>();
  const clipboardText = { value: '' };

  let resolveReady!: () => void;
  const whenReady = new Promise<void>((resolve) => (resolveReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    setPath: (name: string, path: string) => record('app.setPath', name, path),
    getPath: (name: string) => {
      record('app.getPath', name);
      if (options.failGetPath) throw new Error(`cannot find the ${name} folder (stub control)`);
      if (name === 'userData') return options.userData;
      if (name === 'documents') return options.documents;
      throw new Error(`the stub knows no app.getPath('${name}')`);
    },
    getAppPath: () => {
      record('app.getAppPath');
      return process.cwd();
    },
    getName: () => 'Dalel',
    enableSandbox: () => record('app.enableSandbox'),
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock');
      return true;
    },
    releaseSingleInstanceLock: () => record('app.releaseSingleInstanceLock'),
    whenReady: () => {
      record('app.whenReady');
      return whenReady;
    },
    quit: () => {
      record('app.quit');
      // Electron: before-quit, then will-quit, which a listener may preventDefault (to finish work first).
      let prevented = false;
      app.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) record('app.quit:done');
    },
    exit: (code?: number) => record('app.exit', code),
  });

  const webRequestListeners: ElectronStub['session']['webRequest']['listeners'] = [];
  const session = Object.assign(new EventEmitter(), {
    webRequest: {
      listeners: webRequestListeners,
      onBeforeRequest: (listener: (typeof webRequestListeners)[number]) => {
        record('session.webRequest.onBeforeRequest');
        webRequestListeners.push(listener);
      },
    },
    setPermissionRequestHandler: (handler: unknown) => record('session.setPermissionRequestHandler', handler),
    setPermissionCheckHandler: (handler: unknown) => record('session.setPermissionCheckHandler', handler),
    setDevicePermissionHandler: (handler: unknown) => record('session.setDevicePermissionHandler', handler),
    setSpellCheckerDictionaryDownloadURL: (url: string) => record('session.setSpellCheckerDictionaryDownloadURL', url),
    setSpellCheckerEnabled: (enabled: boolean) => record('session.setSpellCheckerEnabled', enabled),
  });
  const sessionOn = session.on.bind(session);
  session.on = ((event: string, listener: (...args: unknown[]) => void) => {
    record('session.on', event);
    return sessionOn(event, listener);
  }) as typeof session.on;

  const powerMonitor = Object.assign(new EventEmitter(), {
    getSystemIdleState: (threshold: number) => {
      record('powerMonitor.getSystemIdleState', threshold);
      return options.idleState?.() ?? 'active';
    },
  });
  const powerOn = powerMonitor.on.bind(powerMonitor);
  powerMonitor.on = ((event: string, listener: (...args: unknown[]) => void) => {
    record('powerMonitor.on', event);
    return powerOn(event, listener);
  }) as typeof powerMonitor.on;

  let frameIds = 0;
  class BrowserWindow extends EventEmitter {
    readonly webContents: StubbedWindow['webContents'];
    private readonly stubbed: StubbedWindow;
    constructor(windowOptions: Record<string, unknown>) {
      super();
      record('new BrowserWindow', windowOptions);
      frameIds += 1;
      const mainFrame: FakeFrame = { url: '', processId: 100 + frameIds, routingId: 1, parent: null };
      this.webContents = Object.assign(new EventEmitter(), {
        mainFrame,
        send: (channel: string, payload: unknown) => this.stubbed.sent.push({ channel, payload }),
      });
      this.stubbed = { options: windowOptions, loaded: [], sent: [], events: this, webContents: this.webContents };
      windows.push(this.stubbed);
    }
    loadURL(url: string): Promise<void> {
      record('BrowserWindow.loadURL', url);
      this.stubbed.loaded.push(url);
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => record('BrowserWindow.restore');
    focus = () => record('BrowserWindow.focus');
    show = () => record('BrowserWindow.show');
  }

  const known: Record<string, unknown> = {
    app,
    BrowserWindow,
    clipboard: {
      writeText: async (text: string) => {
        record('clipboard.writeText', text);
        clipboardText.value = text;
      },
      readText: async () => clipboardText.value,
      clear: () => {
        record('clipboard.clear');
        clipboardText.value = '';
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', title, content),
      showOpenDialog: (...args: unknown[]) => {
        record('dialog.showOpenDialog', ...args);
        return Promise.resolve({ canceled: true, filePaths: [] });
      },
      showSaveDialog: (...args: unknown[]) => {
        record('dialog.showSaveDialog', ...args);
        return Promise.resolve({ canceled: true });
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) => {
        record('ipcMain.handle', channel);
        if (channel === options.dropHandle) return;
        handlers.set(channel, listener);
      },
      removeHandler: (channel: string) => record('ipcMain.removeHandler', channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => {
        record('Menu.buildFromTemplate', template);
        return { template };
      },
      setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu),
    },
    powerMonitor,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
      handle: (scheme: string, handler: unknown) => record('protocol.handle', scheme, handler),
    },
    session: { defaultSession: session },
    shell: {
      openPath: async (path: string) => {
        record('shell.openPath', path);
        return '';
      },
      showItemInFolder: (path: string) => record('shell.showItemInFolder', path),
    },
    utilityProcess: {
      fork: (modulePath: string, args: string[], forkOptions: Record<string, unknown>) => {
        record('utilityProcess.fork', modulePath, args, forkOptions);
        // A child that never answers: the check is about how it was started, not about parsing.
        const child = Object.assign(new EventEmitter(), {
          pid: 4242,
          postMessage: (message: unknown) => record('utilityProcess.postMessage', message),
          kill: () => {
            record('utilityProcess.kill');
            setImmediate(() => child.emit('exit', 0));
            return true;
          },
        });
        return child;
      },
    },
    // The preload's side.
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        record('contextBridge.exposeInMainWorld', key);
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        record('ipcRenderer.invoke', channel, input);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (event: string) => record('ipcRenderer.on', event),
      removeListener: (event: string) => record('ipcRenderer.removeListener', event),
    },
  };

  const module = new Proxy(known, {
    get(target, property) {
      if (typeof property === 'symbol' || property === '__esModule' || property === 'then') return undefined;
      if (property === 'default') return module;
      if (!(property in target)) throw new Error(`The electron stub does not know electron.${property}: add it (recording only) to electron/main/testing/electronStub.ts`);
      return target[property];
    },
  });

  return {
    module,
    calls,
    windows,
    handlers,
    app,
    powerMonitor,
    session: session as ElectronStub['session'],
    exposed,
    clipboardText,
    async ready() {
      isReady = true;
      app.emit('ready');
      resolveReady();
      // Let whenReady().then(start) run.
      await new Promise((resolve) => setImmediate(resolve));
    },
    called: (api) => calls.filter((call) => call.api === api),
  };
}

/**
 * Answer `require('electron')` with the stub, from now until the returned function is called (the built
 * shell requires more of itself later, e.g. chunks loaded on first use). Every other module loads as usual.
 * `requests` collects what each file asked to require, by the requiring file.
 */
export function installStub(stub: ElectronStub): { requests: Map<string, string[]>; uninstall(): void } {
  const requests = new Map<string, string[]>();
  const loader = Module as unknown as { _load(request: string, parent: { filename?: string } | null, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    const from = parent?.filename ?? '';
    requests.set(from, [...(requests.get(from) ?? []), request]);
    if (request === 'electron') return stub.module;
    return original.call(this, request, parent, isMain);
  };
  return { requests, uninstall: () => void (loader._load = original) };
}

/** require() a built file afresh: it and everything else under `folder` are dropped from require's cache first. */
export function requireFresh(file: string, folder: string): void {
  for (const key of Object.keys(nodeRequire.cache)) if (key.startsWith(folder)) delete nodeRequire.cache[key];
  nodeRequire(file);
}
