import type { Database } from 'better-sqlite3-multiple-ciphers';
import { indexPending } from './searchIndex';

/**
 * Catches the index up after an upgrade of the analyser (or a vault from before search existed):
 * small batches between other work, so the app stays responsive while it runs. Pages saved by an
 * import are indexed as they are saved and never wait for this.
 */
export class BackgroundIndexer {
  private db: Database | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { batch?: number; onError(error: unknown): void; onIdle?(): void } = { onError: () => {} },
  ) {}

  attach(db: Database): void {
    this.db = db;
    this.schedule();
  }

  detach(): void {
    this.db = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || !this.db) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const db = this.db;
      if (!db?.open) return;
      try {
        if (indexPending(db, this.options.batch ?? 50) > 0) this.schedule();
        else this.options.onIdle?.();
      } catch (error) {
        this.options.onError(error);
      }
    }, 0);
  }
}
