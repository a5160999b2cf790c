import { Worker } from 'node:worker_threads';
import { rssLimitFromArgv, type ParserFailure, type ParserRequest, type ParserResponse } from './protocol';
import { ImportFailure } from './types';

/**
 * Entry of a parser process: Node's fork (tests, CLI) or Electron's utilityProcess (the app). It parses
 * one request at a time and answers with plain data. Untrusted bytes are only ever parsed here, so a
 * file that crashes, hangs or bloats the parser takes down this process and nothing else.
 */

interface ParentLink {
  onMessage(listener: (message: unknown) => void): void;
  send(message: ParserResponse): void;
}

/** Electron's utility process exposes `process.parentPort`; a Node fork has `process.send`. */
function parentLink(): ParentLink {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return { onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)), send: (message) => parentPort.postMessage(message) };
  }
  const send = process.send?.bind(process);
  if (send) return { onMessage: (listener) => process.on('message', listener), send: (message) => void send(message) };
  throw new Error('parserChild must be started as a child process (child_process.fork or utilityProcess)');
}

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/**
 * Kills this process when its resident memory passes the limit. `--max-old-space-size` only bounds the JS
 * heap; libvips, the canvas and pdf.js's wasm decoders allocate natively. It runs on its own thread so it
 * still fires while the main thread is stuck inside a decoder.
 */
function watchMemory(limitMb: number): void {
  const code = `
    const { workerData } = require('node:worker_threads');
    setInterval(() => {
      if (process.memoryUsage.rss() > workerData.limit) process.kill(process.pid, 'SIGKILL');
    }, 50);`;
  new Worker(code, { eval: true, workerData: { limit: limitMb * 1024 * 1024 } }).unref();
}

function failure(error: unknown): ParserFailure {
  if (error instanceof ImportFailure) return { code: error.code, message: error.message };
  return { internal: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function isRequest(message: unknown): message is ParserRequest {
  const m = message as (Partial<ParserRequest> & { bytes?: unknown; path?: unknown }) | null;
  if (typeof m?.id !== 'number') return false;
  if (m.op === 'inspect') return m.bytes instanceof Uint8Array && (m.password === undefined || typeof m.password === 'string');
  if (m.op === 'page') return m.bytes instanceof Uint8Array;
  if (m.op === 'originalPages') return m.bytes instanceof Uint8Array && Array.isArray((m as { pages?: unknown }).pages);
  return m.op === 'fileText' && typeof m.path === 'string';
}

async function main(): Promise<void> {
  const limitMb = rssLimitFromArgv(process.argv);
  if (limitMb !== null) watchMemory(limitMb);
  const link = parentLink();
  // The parent going away (app quit, crash) must not leave an orphan holding a client's document.
  process.on('disconnect', () => process.exit(0));
  // pdf.js can leave a stray rejected promise behind on a damaged file; the request itself still settles
  // (or times out), so this must not crash the process.
  process.on('unhandledRejection', () => undefined);

  const { default: sharp } = await import('sharp');
  sharp.cache(false); // no decoded pixels kept between files
  sharp.concurrency(1); // the pool runs processes in parallel; OCR needs the other cores
  const { inspectInProcess, pageInProcess } = await import('./parseInProcess');
  const { pdfFileText } = await import('./pdfFile');
  const { readOriginalPages } = await import('./originalPages');

  let queue = Promise.resolve();
  link.onMessage((message) => {
    if (!isRequest(message)) return;
    queue = queue.then(async () => {
      try {
        const value =
          message.op === 'inspect'
            ? await inspectInProcess(message.bytes, message.fileName, message.password)
            : message.op === 'page'
              ? await pageInProcess(message.bytes, message.kind, message.page)
              : message.op === 'originalPages'
                ? await readOriginalPages(message.bytes, message.pages)
                : await pdfFileText(message.path, message.from, message.to);
        link.send({ type: 'result', id: message.id, ok: true, value });
      } catch (error) {
        link.send({ type: 'result', id: message.id, ok: false, error: failure(error) });
      }
    });
  });
  link.send({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error('parser process failed to start:', error);
  process.exit(1);
});
