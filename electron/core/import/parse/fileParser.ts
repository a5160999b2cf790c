import type { FileKind } from '../../../../shared/domain/document';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS } from './limits';
import type { ParserChannel, ParserProcessFactory } from './processes';
import type { OriginalPages } from './originalPageData';
import type { ParserFailure, ParserRequest, ParserResponse } from './protocol';
import { ImportFailure, type FileParser, type InspectedFile, type PageContent, type PdfFileText } from './types';

/**
 * The app-side parser: a small pool of parser processes. Each call goes to an idle process (started on
 * demand) with a time limit; a call that overruns, is cancelled, or whose process dies gets its code and
 * the process is replaced for the next call, so one bad file never stops the rest of a batch.
 */

/** An idle process is stopped after this long: it holds pdf.js (~100 MB) and the last document's bytes. */
const IDLE_MS = 30_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = DistributiveOmit<ParserRequest, 'id'>;

interface Job {
  request: Request;
  resolve: (value: Answer) => void;
  reject: (error: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  id?: number;
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  channel: ParserChannel | null;
  ready: boolean;
  job: Job | null;
  idleTimer?: ReturnType<typeof setTimeout>;
}

const cancelled = () => new ImportFailure('cancelled', 'The import of this file was cancelled.');
const crashed = () =>
  new ImportFailure('corrupt-file', 'Reading this file stopped unexpectedly. The file may be damaged, or too large or complex to open safely.');

function fromFailure(error: ParserFailure): Error {
  return 'code' in error ? new ImportFailure(error.code, error.message) : new Error(`file parser: ${error.internal}`);
}

/** Structured clone and v8 serialization hand back Uint8Arrays; callers were promised Buffers. */
type Answer = InspectedFile | PageContent | PdfFileText | OriginalPages;

function withBuffer<T extends Answer>(value: T): T {
  if (!('pixels' in value)) return value;
  const pixels = value.pixels as Uint8Array;
  return { ...value, pixels: Buffer.isBuffer(pixels) ? pixels : Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength) };
}

export function createFileParser(options: {
  processes: ParserProcessFactory;
  timeoutMs?: number;
  memoryMb?: number;
  concurrency?: number;
}): FileParser {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const slots: Slot[] = Array.from({ length: Math.max(1, Math.floor(options.concurrency ?? 1)) }, () => ({ channel: null, ready: false, job: null }));
  const queue: Job[] = [];
  const liveChannels = new Set<ParserChannel>();
  let nextId = 1;
  let closed = false;

  function stop(slot: Slot): void {
    const channel = slot.channel;
    slot.channel = null; // its exit event, when it comes, is no longer this slot's business
    slot.ready = false;
    clearTimeout(slot.idleTimer);
    channel?.kill();
  }

  function settle(slot: Slot, outcome: { value: Answer } | { error: Error }): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    clearTimeout(job.timer);
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    if ('value' in outcome) job.resolve(withBuffer(outcome.value));
    else job.reject(outcome.error);
    if (slot.channel) {
      slot.idleTimer = setTimeout(() => stop(slot), IDLE_MS);
      slot.idleTimer.unref(); // an idle parser must not keep the app (or a test run) alive
    }
    pump();
  }

  function spawn(slot: Slot): ParserChannel {
    const channel = options.processes.spawn({ memoryMb });
    liveChannels.add(channel);
    slot.channel = channel;
    slot.ready = false;
    let everReady = false;
    // A process that does not come up within the time limit is as stuck as a parse that does not finish.
    const startup = setTimeout(() => {
      if (slot.channel !== channel) return;
      stop(slot);
      settle(slot, { error: new Error('file parser process did not start in time') });
    }, timeoutMs);
    startup.unref();
    channel.on('message', (message: ParserResponse) => {
      if (slot.channel !== channel) return;
      if (message.type === 'ready') {
        clearTimeout(startup);
        everReady = slot.ready = true;
        send(slot);
      } else if (message.type === 'result' && slot.job?.id === message.id) {
        settle(slot, message.ok ? { value: message.value } : { error: fromFailure(message.error) });
      }
    });
    channel.on('exit', (code) => {
      clearTimeout(startup);
      liveChannels.delete(channel);
      if (slot.channel !== channel) return;
      slot.channel = null;
      slot.ready = false;
      clearTimeout(slot.idleTimer);
      // A process that never got going is an installation problem, not the file's fault.
      settle(slot, { error: everReady ? crashed() : new Error(`file parser process failed to start (exit code ${code})`) });
    });
    return channel;
  }

  function send(slot: Slot): void {
    const job = slot.job;
    if (!job || !slot.ready || !slot.channel || job.id !== undefined) return;
    job.id = nextId++;
    // The clock runs from the moment the process has the file: start-up and time queued behind other
    // files are not the file's fault.
    job.timer = setTimeout(() => {
      stop(slot);
      settle(slot, { error: new ImportFailure('timeout', 'Reading this file took too long and was stopped. The file may be damaged or unusually complex.') });
    }, timeoutMs);
    slot.channel.postMessage({ ...job.request, id: job.id } as ParserRequest);
  }

  function start(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    if (!slot.channel) spawn(slot);
    send(slot);
  }

  function pump(): void {
    for (const slot of slots) {
      if (closed || slot.job || queue.length === 0) continue;
      start(slot, queue.shift() as Job);
    }
  }

  function submit(request: Request, signal?: AbortSignal): Promise<Answer> {
    if (closed || signal?.aborted) return Promise.reject(cancelled());
    return new Promise((resolve, reject) => {
      const job: Job = { request, resolve, reject, signal };
      job.onAbort = () => {
        const slot = slots.find((s) => s.job === job);
        if (slot) {
          stop(slot); // pdf.js cannot be interrupted mid-page; its process can
          settle(slot, { error: cancelled() });
        } else if (queue.includes(job)) {
          queue.splice(queue.indexOf(job), 1);
          reject(cancelled());
        }
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      queue.push(job);
      pump();
    });
  }

  return {
    async inspect(bytes, fileName, callOptions) {
      const password = callOptions?.password;
      return (await submit({ op: 'inspect', bytes, fileName, ...(password ? { password } : {}) }, callOptions?.signal)) as InspectedFile;
    },
    async page(bytes: Uint8Array, kind: FileKind, page: number, callOptions?: { signal?: AbortSignal }) {
      return (await submit({ op: 'page', bytes, kind, page }, callOptions?.signal)) as PageContent;
    },
    async fileText(path, from, to, callOptions) {
      return (await submit({ op: 'fileText', path, from, to }, callOptions?.signal)) as PdfFileText;
    },
    async originalPages(bytes, pages, callOptions) {
      return (await submit({ op: 'originalPages', bytes, pages: [...pages] }, callOptions?.signal)) as OriginalPages;
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
        job.reject(cancelled());
      }
      const exits = [...liveChannels].map((channel) => new Promise<void>((resolve) => channel.on('exit', () => resolve())));
      for (const slot of slots) {
        const job = slot.job;
        stop(slot);
        if (job) settle(slot, { error: cancelled() });
      }
      for (const channel of liveChannels) channel.kill();
      await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    },
  };
}
