import type { VaultDatabase } from '../vault/database';
import type { SearchIndex } from './searchIndex';

/**
 * Catches the index up after an upgrade of the analyser (or a vault from before search existed):
 * small batches between other work, so the app stays responsive while it runs. Pages saved by an
 * import are indexed as they are saved and never wait for this.
 */
export class BackgroundIndexer {
  private vault: { db: VaultDatabase; index: SearchIndex } | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { batch?: number; onError(error: unknown): void; onIdle?(): void } = { onError: () => {} },
  ) {}

  attach(db: VaultDatabase, index: SearchIndex): void {
    this.vault = { db, index };
    this.schedule();
  }

  detach(): void {
    this.vault = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || !this.vault) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const vault = this.vault;
      if (!vault?.db.open) return;
      try {
        if (vault.index.indexPending(this.options.batch ?? 50) > 0) this.schedule();
        else this.options.onIdle?.();
      } catch (error) {
        this.options.onError(error);
      }
    }, 0);
  }
}
