/**
 * How many pages the engine holds decoded at once. A page is decoded and measured before a worker is
 * free for it, so that a worker never waits while the main thread prepares its next page (0.1 s a
 * page here: bench:ocr, issue 13 item 6); the limit keeps however many pages a caller hands in at once
 * from all being decoded together (all 33 corpus pages at once: 1 GB).
 */
import { cancelledFailure } from './workerPool';

interface Waiting {
  admit(): void;
  refuse(error: unknown): void;
}

export class PagesInHand {
  private held = 0;
  private readonly waiting: Waiting[] = [];
  private closed = false;

  constructor(private readonly limit: number) {}

  /** Waits for room, in turn; the returned function gives the room back (once). */
  async take(signal?: AbortSignal): Promise<() => void> {
    if (this.closed || signal?.aborted) throw cancelledFailure();
    if (this.held >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const waiting: Waiting = {
          admit: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          refuse: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        const onAbort = () => {
          this.waiting.splice(this.waiting.indexOf(waiting), 1);
          reject(cancelledFailure());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(waiting);
      });
    } else {
      this.held++;
    }
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.waiting.shift();
      if (next) next.admit(); // the room passes straight on
      else this.held--;
    };
  }

  /** Pages still waiting fail with 'cancelled'. */
  close(): void {
    this.closed = true;
    for (const waiting of this.waiting.splice(0)) waiting.refuse(cancelledFailure());
  }
}
