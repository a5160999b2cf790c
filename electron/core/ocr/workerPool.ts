/**
 * A pool of tesseract.js workers (one worker thread each). A worker is initialised for one language
 * set and kept warm for it; an idle worker of another set is reinitialised only when no worker of the
 * wanted set is free. A page holds its worker for all its recognitions, and may switch it to other
 * languages or to script detection while it does (PageWorker). A page that runs past its deadline or
 * is cancelled has its worker terminated (tesseract cannot be interrupted mid-page) and the slot gets
 * a fresh worker on its next page.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrLanguage } from '../../../shared/domain/document';
import { OcrFailure } from './ocrEngine';
import { OSD_DATA } from './tessdata';

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

/**
 * What a page's task gets from the pool: its one worker, initialised for what it asks next. Switching
 * costs a reinitialisation (rus+kaz+eng, chi_sim or osd: 55–145 ms measured here), far less than a
 * reading; script detection runs on the page's own worker rather than on a worker of its own, which
 * would hold another 130 MB (RSS of a tesseract.js worker with osd loaded) for a model used on a few
 * pages.
 */
export interface PageWorker {
  /** aborted when the pool gives up on the page (timeout or cancel) and terminates its worker */
  readonly abandoned: AbortSignal;
  /** the page's worker, initialised for these languages */
  forLanguages(languages: readonly OcrLanguage[]): Promise<Worker>;
  /** the page's worker, initialised for orientation and script detection (`worker.detect`) */
  forScriptDetection(): Promise<Worker>;
}

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
   * Runs `task` on a worker, preferably one warm for `languages` (the task initialises it for what it
   * needs through its PageWorker). The deadline starts when a worker is free (waiting in the queue
   * does not count), and `onStarted` is called then; the signal cancels at any time.
   */
  async run<T>(
    languages: readonly OcrLanguage[],
    task: (page: PageWorker) => Promise<T>,
    { signal, timeoutMs, onStarted }: { signal?: AbortSignal; timeoutMs: number; onStarted?: () => void },
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
      const prepare = (wanted: string): Promise<Worker> => {
        // After the pool gave up on the page its slot may already serve another page.
        if (abandoned.signal.aborted) return Promise.reject(cancelledFailure());
        return this.prepare(slot, wanted);
      };
      const page: PageWorker = {
        abandoned: abandoned.signal,
        forLanguages: (wanted) => prepare(wanted.join('+')),
        forScriptDetection: () => prepare(OSD_DATA),
      };
      onStarted?.();
      const work = (async () => task(page))();
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

  /**
   * Makes `workers` idle workers (at most all) warm for `languages` now, so that the first pages of an
   * import find them started (0.25 s a worker here, while the first file is read and parsed anyway).
   * Returns at once; a failure shows again on the first page.
   */
  warmUp(languages: readonly OcrLanguage[], timeoutMs: number, workers: number): void {
    const idle = this.slots.filter((slot) => !slot.busy);
    const warm = idle.filter((slot) => slot.languages === languages.join('+')).length;
    if (this.closed || warm >= workers) return;
    // One task per slot to warm: each takes a slot of its own at once (warm ones first, where it has
    // nothing to do), with the pool's deadline on a start that hangs.
    const tasks = Math.min(idle.length, workers);
    for (let i = 0; i < tasks; i++) this.run(languages, (page) => page.forLanguages(languages), { timeoutMs }).catch(() => {});
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
    // osd.traineddata has only the legacy engine's models. OEM.DEFAULT lets tesseract take what the
    // file has: tesseract.js's reinitialize() replaces OEM.TESSERACT_ONLY (0, falsy) by the worker's
    // current mode, LSTM, and tesseract then falls back with an "Error: LSTM requested" on stderr.
    const oem = languages === OSD_DATA ? OEM.DEFAULT : OEM.LSTM_ONLY;
    if (slot.worker) {
      slot.languages = null; // half-reinitialised if this throws
      await slot.worker.reinitialize(languages, oem);
      slot.languages = languages;
      return slot.worker;
    }
    const generation = slot.generation;
    const worker = await createWorker(languages, oem, {
      langPath: this.options.tessdataDir, // a folder: tesseract.js reads it with fs, never fetches
      cacheMethod: 'none', // the default writes *.traineddata into the working directory
      gzip: false, // resources/tessdata holds plain .traineddata, which the native CLI reads too
      // Allows worker.detect() and the legacy engine osd needs. In Node tesseract.js loads the same
      // wasm core either way (its getCore is handed a boolean where it expects an OEM and never picks
      // the LSTM-only build), so reading speed and results do not change.
      legacyCore: true,
      workerPath: this.options.workerPath ?? TESSERACT_WORKER_PATH,
      corePath: TESSERACT_CORE_DIR,
      // Without a handler tesseract.js rethrows a worker's error inside its message listener, which
      // takes the whole process down; the job's own promise carries the error instead.
      errorHandler: () => {},
    });
    if (slot.generation !== generation) {
      await stopThread(worker);
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
    if (worker) await stopThread(worker);
  }
}

/**
 * Stops a tesseract.js worker's thread. Not by `worker.terminate()`: that also forgets the thread, and
 * a call on the worker still under way (a page's task finishing its `recognize` or `detect` after its
 * image is loaded, or `reinitialize` between loading a language and initialising it) then posts to
 * nothing inside an async function of tesseract.js, whose rejection nobody can catch: an unhandled
 * rejection in the main process. Posting to a stopped thread does nothing; the call just never settles,
 * which the pool already allows for (the page has failed by then).
 */
async function stopThread(worker: Worker): Promise<void> {
  const thread = (worker as Worker & { worker?: { terminate(): Promise<number> } }).worker;
  if (thread && typeof thread.terminate === 'function') await thread.terminate().catch(() => 0);
  else await worker.terminate().catch(() => {});
}
