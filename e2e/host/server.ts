import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { isChannel } from '../../shared/ipc/channels';
import { decodeBytes, encodeBytes } from '../../shared/ipc/jsonBytes';
import { createAppServices, type AppServices } from '../../electron/core/app/appServices';
import { nodeParserProcesses } from '../../electron/core/import/parse';
import { createHandlers, dispatch } from '../../electron/core/ipc/handlers';
import { defaultTessdataDir } from '../../electron/core/ocr';
import type { VaultSession } from '../../electron/core/session/vaultSession';
import type { Argon2idParams } from '../../electron/core/vault/kdf';
import { lookupRendererFile, rendererResponseHeaders } from '../../electron/main/appProtocolPath';

/**
 * The loopback test host: the built renderer in an ordinary browser, talking to the real core over
 * HTTP instead of Electron IPC. It exists because Electron cannot run on the CI machine; it is for
 * development and tests only and is never packaged (electron-builder.yml ships `out/**` alone).
 *
 * It answers with the same handler table as electron/main (`createHandlers` + `dispatch`), so a
 * journey that passes here exercises the same validation, errors and vault code. What differs:
 * - there is no native folder dialog: `dialog:pickFolder` answers with a new empty folder under
 *   `dataDir` (as if the lawyer had made and chosen one), and `dialog:pickFiles` with the files the
 *   test put in `pickFiles` (none by default); `dialog:pickSavePath` with the suggested name in a new
 *   folder under `dataDir`;
 * - parser processes are Node child processes instead of Electron utility processes;
 * - the page is plain http on 127.0.0.1, not `app://dalel/` in a sandboxed window.
 *
 * The vault is real and unlockable, so the host guards itself like a local service must: it listens
 * on 127.0.0.1 only, everything sits under `/t/<random token>/`, and a request whose Host header is
 * not `127.0.0.1:<port>` is refused (a DNS-rebinding page would send its own host name).
 */
export interface TestHostOptions {
  /** The built renderer; defaults to out/renderer. Tests may pass a folder with a tiny index.html. */
  rendererDir?: string;
  /** Holds the app config, the default vault folder and picked folders. */
  dataDir: string;
  /** Tests pass the floor (64 MiB, t=3) to keep vault creation fast. */
  kdf?: Argon2idParams;
  /** What the "Import…" dialog answers (a test's stand-in for the lawyer choosing files). */
  pickFiles?: () => string[];
  /** what the "Restore from a backup" open dialog answers (a journey sets it to the backup it made) */
  pickBackupFile?: () => string | null;
}

export interface TestHost {
  /** The page to open, token included. */
  url: string;
  /** What the page asked the system to open or show ("Open PDF", "Show in folder"), in order. */
  opened: Array<{ how: 'open' | 'folder'; path: string }>;
  origin: string;
  token: string;
  session: VaultSession;
  services: AppServices;
  close(): Promise<void>;
}

/** Large enough for a few dropped scans, base64-encoded. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const BRIDGE_FILE = '__bridge.js';
const BRIDGE_TAG = `<script src="./${BRIDGE_FILE}"></script>`;

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const rendererDir = resolve(options.rendererDir ?? join(__dirname, '../../out/renderer'));
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const services = createAppServices({
    configFile: join(dataDir, 'config.json'),
    defaultVaultPath: join(dataDir, 'Dalel Vault'),
    parserProcesses: nodeParserProcesses(),
    tessdataDir: defaultTessdataDir(),
    kdf: options.kdf,
    logError: (context, error) => console.error(`[test host] ${context} failed:`, error),
  });
  const { session } = services;
  const opened: TestHost['opened'] = [];
  let picked = 0;
  const handlers = createHandlers(services, {
    pickFolder: async (purpose) => {
      const folder = join(dataDir, 'picked', `${purpose}-${++picked}`);
      mkdirSync(folder, { recursive: true });
      return folder;
    },
    pickFiles: async () => options.pickFiles?.() ?? [],
    pickBackupFile: async () => options.pickBackupFile?.() ?? null,
    // As if the lawyer had accepted the suggested name in a folder of their own.
    pickSavePath: async (purpose, suggestedName) => {
      const folder = join(dataDir, 'saved', `${purpose}-${++picked}`);
      mkdirSync(folder, { recursive: true });
      return join(folder, basename(suggestedName));
    },
    // No desktop to open files on: what the page asked for is recorded for the journey to check.
    openPath: async (path) => void opened.push({ how: 'open', path }),
    showInFolder: (path) => void opened.push({ how: 'folder', path }),
  });

  const bridge = await buildBridge();
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const listeners = new Set<ServerResponse>();
  const stopForwarding = services.forwardEvents((event, payload) => {
    for (const listener of listeners) listener.write(`event: ${event}\ndata: ${JSON.stringify(encodeBytes(payload))}\n\n`);
  });

  let expectedHost = '';
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('[test host] request failed:', error);
      if (!response.headersSent) reply(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== expectedHost) return reply(response, 421, 'Wrong host');
    const url = new URL(request.url ?? '/', `http://${expectedHost}`);
    const match = /^\/t\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!match) return reply(response, 404, 'Not found');
    if (!sameToken(match[1]!, tokenBytes)) return reply(response, 403, 'Forbidden');
    const rest = match[2];
    if (rest === undefined) {
      response.writeHead(308, { Location: `/t/${token}/` }).end();
      return;
    }
    if (rest.startsWith('/ipc/')) return answerIpc(request, response, rest.slice('/ipc/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'Method not allowed');
    if (rest === '/events') return openEventStream(request, response);
    if (rest === `/${BRIDGE_FILE}`) return send(response, request, 'text/javascript; charset=utf-8', bridge);
    return serveRendererFile(request, response, rest);
  }

  async function answerIpc(request: IncomingMessage, response: ServerResponse, rawChannel: string): Promise<void> {
    if (request.method !== 'POST') return reply(response, 405, 'Method not allowed');
    // A JSON content type cannot be sent cross-origin without a CORS preflight, which the host never grants.
    if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? '')) {
      return reply(response, 415, 'Send JSON');
    }
    const channel = safeDecode(rawChannel);
    if (!isChannel(channel)) return reply(response, 404, 'Unknown channel');
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body.length === 0 ? {} : decodeBytes(JSON.parse(body));
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'validation', message: 'The request was not understood.' },
      });
    }
    const result = await dispatch(handlers, channel, input, {
      logError: (failed, error) => console.error(`[test host] ${failed} failed:`, error),
    });
    sendJson(response, 200, encodeBytes(result));
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...rendererResponseHeaders('text/event-stream; charset=utf-8'),
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    listeners.add(response);
    request.on('close', () => listeners.delete(response));
  }

  async function serveRendererFile(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const found = await lookupRendererFile(rendererDir, path);
    if (found.kind === 'refused') return reply(response, 403, 'Forbidden');
    if (found.kind === 'not-found') return reply(response, 404, 'Not found');
    let body = await readFile(found.path);
    if (basename(found.path) === 'index.html') body = Buffer.from(withBridge(body.toString('utf8')));
    send(response, request, found.mimeType, body);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  const origin = `http://${expectedHost}`;

  return {
    url: `${origin}/t/${token}/`,
    opened,
    origin,
    token,
    session,
    services,
    async close() {
      stopForwarding();
      for (const listener of listeners) listener.end();
      listeners.clear();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await services.dispose();
    },
  };
}

/** The bridge must run before the renderer's module script, which reads `window.dalel` at start. */
export function withBridge(html: string): string {
  const moduleScript = html.search(/<script\b[^>]*\btype=["']?module\b/i);
  if (moduleScript >= 0) return `${html.slice(0, moduleScript)}${BRIDGE_TAG}\n    ${html.slice(moduleScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${BRIDGE_TAG}\n${html.slice(headEnd)}`;
  return `${BRIDGE_TAG}\n${html}`;
}

async function buildBridge(): Promise<Buffer> {
  const result = await build({
    entryPoints: [join(__dirname, 'bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bridge');
  return Buffer.from(output.contents);
}

function sameToken(candidate: string, expected: Buffer): boolean {
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, request: IncomingMessage, mimeType: string, body: Buffer): void {
  response.writeHead(200, { ...rendererResponseHeaders(mimeType), 'Content-Length': String(body.length) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, {
    ...rendererResponseHeaders('application/json; charset=utf-8'),
    'Content-Length': String(body.length),
  });
  response.end(body);
}

function reply(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, rendererResponseHeaders('text/plain; charset=utf-8'));
  response.end(message);
}
