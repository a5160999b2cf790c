import type { FileKind } from '../../../shared/domain/document';
import { DocumentStore } from '../documents/documentStore';
import type { OcrEngine } from '../ocr';
import type { Vault } from '../vault/vault';
import { asImportFailure } from './importFailure';
import { readPageContent } from './pageReading';
import type { FileParser } from './parse';

/**
 * The import's second stage, apart from ImportService's files and batches: it takes `pending` pages
 * from the database — so an import interrupted by a crash or a lock simply continues on the next
 * unlock — renders or reads each page, OCRs it when needed, and commits each page on its own. A
 * document turns `ready` only when no page is pending.
 */
export interface PagePorts {
  parser: FileParser;
  ocr: OcrEngine;
  onDocumentChanged?: (docId: string) => void;
  /**
   * A document has no page left to read (after an import or a re-run of OCR): its text is final for
   * now. Called after the page is committed, before the import's progress reports the file done.
   */
  onDocumentRead?: (docId: string) => void;
  /** Called for an unexpected error on a page (kept out of the renderer). */
  logError?: (error: unknown) => void;
}

/** What the pump needs of the imports it reads pages for. */
export interface PageImports {
  clock: () => Date;
  /** Pages in flight at once. */
  concurrency: number;
  /** The signal of the import the document came in with, while that import is listed: cancelling it stops its pages. */
  signalOf: (docId: string) => AbortSignal | undefined;
  /** A page of the document was committed (read or failed), before `onDocumentChanged`: the import's progress follows. */
  onPageDone: (docId: string, store: DocumentStore) => void;
}

export class PagePump {
  private vault: Vault | null = null;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly originals = new Map<string, { kind: FileKind; data: Buffer } | null>();
  private controller = new AbortController();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly ports: PagePorts,
    private readonly imports: PageImports,
  ) {}

  /** Start on an unlocked vault: resume whatever pages were left pending. */
  attach(vault: Vault): void {
    this.vault = vault;
    this.controller = new AbortController();
    this.pump();
  }

  /** Abort the pages in flight (they stay pending); `settled` waits for them. */
  abort(): void {
    this.controller.abort();
  }

  /** Every page in flight has given up or been committed. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** The vault is locking: forget it and what was read of it. */
  detach(): void {
    this.vault = null;
    this.originals.clear();
    this.notifyIdle();
  }

  /** Pages of these documents in flight, to wait for. */
  pagesOf(docIds: ReadonlySet<string>): Array<Promise<void>> {
    return [...this.inFlight.entries()].filter(([key]) => docIds.has(key.split('#')[0]!)).map(([, promise]) => promise);
  }

  /** Whether pages are being read or wait to be. */
  busy(): boolean {
    return this.inFlight.size > 0 || (!!this.vault?.isOpen && this.hasPending());
  }

  /** Resolves when no page is pending or in flight. */
  whenIdle(): Promise<void> {
    if (this.inFlight.size === 0 && (!this.vault || !this.hasPending())) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Take pending pages up to the concurrency (call after pages were stored or requeued). */
  pump(): void {
    const vault = this.vault;
    if (!vault?.isOpen || this.controller.signal.aborted) return;
    const free = this.imports.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const store = new DocumentStore(vault.db);
    const next = store.pendingPages(free, new Set(this.inFlight.keys()));
    for (const { documentId, page } of next) {
      const key = `${documentId}#${page}`;
      const work = this.processPage(vault, documentId, page).finally(() => {
        this.inFlight.delete(key);
        this.pump();
        if (this.inFlight.size === 0) this.notifyIdle();
      });
      this.inFlight.set(key, work);
    }
    if (this.inFlight.size === 0) this.notifyIdle();
  }

  private async processPage(vault: Vault, docId: string, page: number): Promise<void> {
    const importSignal = this.imports.signalOf(docId);
    const signal = importSignal ? AbortSignal.any([this.controller.signal, importSignal]) : this.controller.signal;
    const store = new DocumentStore(vault.db);
    let settled: boolean;
    try {
      const original = this.original(vault, docId);
      if (!original) return;
      const languages = store.languages(docId);
      const result = await readPageContent(this.ports, original, page, languages, signal);
      if (signal.aborted || !vault.isOpen) return;
      settled = vault.db.transaction(() => {
        if (!store.get(docId)) return false;
        store.savePage(docId, page, result, vault.searchIndex);
        return this.settle(vault, store, docId);
      })();
    } catch (error) {
      if (signal.aborted || !vault.isOpen) return; // stays pending; resumes on next unlock
      const failure = asImportFailure(error);
      if (failure.code === 'internal-error') this.ports.logError?.(error);
      settled = vault.db.transaction(() => {
        if (!store.get(docId)) return false;
        store.failPage(docId, page, failure.code === 'internal-error' ? 'ocr-failed' : failure.code, failure.message);
        return this.settle(vault, store, docId);
      })();
    }
    if (settled) this.ports.onDocumentRead?.(docId);
    this.imports.onPageDone(docId, store);
    this.ports.onDocumentChanged?.(docId);
  }

  /** True when the document has no page left to read. */
  private settle(vault: Vault, store: DocumentStore, docId: string): boolean {
    const status = store.settle(docId, this.imports.clock());
    if (!status) return false;
    this.originals.delete(docId);
    const doc = store.get(docId)!;
    vault.audit({
      action: status === 'ready' ? 'document.ready' : 'document.failed',
      subject: docId,
      details: { pages: doc.pageCount, pagesFailed: doc.pagesFailed },
    });
    return true;
  }

  /** What the parser reads the pages from (the original, or its reading copy), read once per document while its pages are processed. */
  private original(vault: Vault, docId: string): { kind: FileKind; data: Buffer } | null {
    let cached = this.originals.get(docId);
    if (cached === undefined) {
      cached = new DocumentStore(vault.db).readable(docId);
      this.originals.set(docId, cached);
    }
    return cached;
  }

  private hasPending(): boolean {
    return this.vault?.isOpen ? new DocumentStore(this.vault.db).pendingPages(1).length > 0 : false;
  }

  private notifyIdle(): void {
    if (this.inFlight.size > 0 || this.hasPending()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
