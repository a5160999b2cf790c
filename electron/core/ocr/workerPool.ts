/**
 * A pool of tesseract.js workers (one worker thread each). A worker is initialised for one language
 * set and kept warm for it; an idle worker of another set is reinitialised only when no worker of the
 * wanted set is free. A page holds its worker for all its recognitions. A page that runs past its
 * deadline or is cancelled has its worker terminated (tesseract cannot be interrupted mid-page) and
 * the slot gets a fresh worker on its next page.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrLanguage } from '../../../shared/domain/document';
import { OcrFailure } from './ocrEngine';

export interface WorkerPoolOptions {
  tessdataDir: string;
  size: number;
  /** tesseract.js's worker script; tests pass a wrapper that watches for network use */
  workerPath?: string;
}

interface Slot {
  worker: Worker | null;
  languages: string | null;
  busy: boolean;
  lastUsed: number;
  /** bumped when the worker is discarded, so a worker still starting for the old job is not kept */
  generation: number;
}

interface Waiting {
  languages: string;
  resolve(slot: Slot): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort(): void;
}

const requireHere = createRequire(__filename);

/** tesseract.js's own Node worker script and core, from node_modules: never a CDN. */
export const TESSERACT_WORKER_PATH = requireHere.resolve('tesseract.js/src/worker-script/node/index.js');
export const TESSERACT_CORE_DIR = dirname(requireHere.resolve('tesseract.js-core/package.json'));

export function cancelledFailure(): OcrFailure {
  return new OcrFailure('cancelled', 'Reading the page was cancelled.');
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Waiting[] = [];
  /** stops of the pages being read, so that close() fails them instead of leaving them hanging */
  private readonly running = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      worker: null,
      languages: null,
      busy: false,
      lastUsed: 0,
      generation: 0,
    }));
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Runs `task` on a worker initialised for `languages`. The deadline starts when a worker is free
   * (waiting in the queue does not count); the signal cancels at any time.
   */
  async run<T>(
    languages: readonly OcrLanguage[],
    task: (worker: Worker, abandoned: AbortSignal) => Promise<T>,
    { signal, timeoutMs }: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<T> {
    if (this.closed || signal?.aborted) throw cancelledFailure();
    const key = languages.join('+');
    const slot = await this.acquire(key, signal);
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    let broken = false;
    // Aborted when the pool gives up on the task (timeout or cancel) and terminates its worker: the
    // task must not start another recognition on it.
    const abandoned = new AbortController();
    try {
      const stop = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          broken = true;
          abandoned.abort();
          reject(new OcrFailure('timeout', `Reading the page took longer than ${Math.round(timeoutMs / 1000)} s.`));
        }, timeoutMs);
        onAbort = () => {
          broken = true;
          abandoned.abort();
          reject(cancelledFailure());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.running.add(onAbort);
      });
      const work = (async () => task(await this.prepare(slot, key), abandoned.signal))();
      work.catch(() => {}); // settles after a timeout too; its error is already reported or moot
      return await Promise.race([work, stop]);
    } catch (error) {
      // tesseract.js rejects with plain strings; anything that is not ours leaves the worker suspect.
      if (!(error instanceof OcrFailure)) broken = true;
      throw error instanceof OcrFailure
        ? error
        : new OcrFailure('ocr-failed', 'The page could not be read.', { cause: error });
    } finally {
      clearTimeout(timer);
      if (onAbort) {
        signal?.removeEventListener('abort', onAbort);
        this.running.delete(onAbort);
      }
      if (broken) void this.discard(slot);
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) {
      waiting.signal?.removeEventListener('abort', waiting.onAbort);
      waiting.reject(cancelledFailure());
    }
    for (const stop of [...this.running]) stop();
    await Promise.all(this.slots.map((slot) => this.discard(slot)));
  }

  private acquire(languages: string, signal: AbortSignal | undefined): Promise<Slot> {
    const free = this.pickSlot(languages);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => {
      const waiting: Waiting = {
        languages,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiting);
          if (index >= 0) this.queue.splice(index, 1);
          reject(cancelledFailure());
        },
      };
      signal?.addEventListener('abort', waiting.onAbort, { once: true });
      this.queue.push(waiting);
    });
  }

  /** An idle slot: warm for these languages, else empty, else the one idle longest. */
  private pickSlot(languages: string): Slot | undefined {
    const idle = this.slots.filter((slot) => !slot.busy);
    return (
      idle.find((slot) => slot.languages === languages) ??
      idle.find((slot) => slot.worker === null) ??
      idle.sort((a, b) => a.lastUsed - b.lastUsed)[0]
    );
  }

  private release(slot: Slot): void {
    slot.busy = false;
    slot.lastUsed = performance.now();
    if (this.closed) {
      void this.discard(slot);
      return;
    }
    // First come, first served; a waiting page of the slot's own language set goes first.
    const index = Math.max(0, this.queue.findIndex((waiting) => waiting.languages === slot.languages));
    const next = this.queue[index];
    if (!next) return;
    const better = this.pickSlot(next.languages) ?? slot;
    this.queue.splice(index, 1);
    next.signal?.removeEventListener('abort', next.onAbort);
    better.busy = true;
    next.resolve(better);
  }

  private async prepare(slot: Slot, languages: string): Promise<Worker> {
    if (slot.worker && slot.languages === languages) return slot.worker;
    if (slot.worker) {
      slot.languages = null; // half-reinitialised if this throws
      await slot.worker.reinitialize(languages, OEM.LSTM_ONLY);
      slot.languages = languages;
      return slot.worker;
    }
    const generation = slot.generation;
    const worker = await createWorker(languages, OEM.LSTM_ONLY, {
      langPath: this.options.tessdataDir, // a folder: tesseract.js reads it with fs, never fetches
      cacheMethod: 'none', // the default writes *.traineddata into the working directory
      gzip: false, // resources/tessdata holds plain .traineddata, which the native CLI reads too
      workerPath: this.options.workerPath ?? TESSERACT_WORKER_PATH,
      corePath: TESSERACT_CORE_DIR,
      // Without a handler tesseract.js rethrows a worker's error inside its message listener, which
      // takes the whole process down; the job's own promise carries the error instead.
      errorHandler: () => {},
    });
    if (slot.generation !== generation) {
      await worker.terminate();
      throw cancelledFailure();
    }
    slot.worker = worker;
    slot.languages = languages;
    return worker;
  }

  private async discard(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.languages = null;
    slot.generation++;
    if (worker) await worker.terminate().catch(() => {});
  }
}
