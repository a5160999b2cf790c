import type { OcrLanguage } from '../../../shared/domain/document';
import { DocumentStore } from '../documents/documentStore';
import { PrintReadings } from '../documents/printReadings';
import { DalelFailure } from '../errors';
import type { OcrEngine } from '../ocr';
import type { Vault } from '../vault/vault';
import { wordsOnRendered } from './overlayPlacement';
import { readPageContent } from './pageReading';
import type { FileParser } from './parse';

/**
 * The second reading of every page: OCR of the page as it prints, in the script OCR detects there, kept
 * in the vault. A PDF's text layer says nothing of a notice pasted in as a picture, a stamp, a photo of
 * an ID card; redaction matches protected names on this reading too (issue 11).
 *
 * It runs in the background after import, one page at a time and only while the importer has nothing
 * to read (the lawyer waits for imports, not for this), so exports find it done. An export that finds
 * pages still waiting reads them at once (`readNow`). Pages stored before pages were rendered as they
 * print are first read again whole: their image may lack form fields and annotations.
 */
export interface PrintReaderPorts {
  parser: FileParser;
  ocr: OcrEngine;
  clock?: () => Date;
  /** The importer still has pages to read: they go first. */
  importBusy(): boolean;
  /** A page's readings changed (the viewer and an open redaction review refresh). */
  onPageRead?(docId: string, page: number): void;
  logError?(error: unknown): void;
}

export interface PrintReadProgress {
  done: number;
  total: number;
}

/** How long to wait before looking again when the importer is busy. */
const BUSY_RETRY_MS = 1000;

export class PrintReader {
  private vault: Vault | null = null;
  private controller = new AbortController();
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<string, Promise<void>>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly ports: PrintReaderPorts) {}

  attach(vault: Vault): void {
    this.vault = vault;
    this.controller = new AbortController();
    this.schedule(0);
  }

  async detach(): Promise<void> {
    this.controller.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([this.running, ...this.inFlight.values()]);
    this.vault = null;
    this.running = null;
    this.notifyIdle();
  }

  /** Resolves when no page waits to be read as it prints (or the vault locks). */
  whenIdle(): Promise<void> {
    if (!this.vault?.isOpen || (!this.running && !this.hasPending())) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Nudge the background reader (new pages were stored, or pages were put back). */
  wake(): void {
    this.schedule(0);
  }

  /**
   * Read these pages as they print now, those not read yet (an export is waiting for them). Pages the
   * background reader is reading are waited for, not read twice.
   */
  async readNow(pages: ReadonlyArray<{ docId: string; page: number }>, options: { signal?: AbortSignal; onProgress?(progress: PrintReadProgress): void } = {}): Promise<void> {
    const vault = this.requireVault();
    const store = new DocumentStore(vault.db);
    const pending = new Map<string, Set<number>>();
    const pendingOf = (docId: string) => {
      let set = pending.get(docId);
      if (!set) pending.set(docId, (set = new Set(store.pages(docId).filter((p) => p.status === 'done' && p.print.status === 'pending').map((p) => p.page))));
      return set;
    };
    const waiting = pages.filter(({ docId, page }) => pendingOf(docId).has(page));
    let done = 0;
    options.onProgress?.({ done, total: waiting.length });
    for (const { docId, page } of waiting) {
      if (options.signal?.aborted) throw new DalelFailure('cancelled', 'The export was cancelled.');
      await this.read(vault, docId, page, options.signal);
      options.onProgress?.({ done: ++done, total: waiting.length });
    }
  }

  private schedule(delay: number): void {
    if (this.timer || this.running || !this.vault?.isOpen || this.controller.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        this.notifyIdle();
      });
    }, delay);
    this.timer.unref();
  }

  /** Read waiting pages one by one until none is left, the importer gets work, or the vault locks. */
  private async drain(): Promise<void> {
    const vault = this.vault;
    while (vault?.isOpen && !this.controller.signal.aborted) {
      if (this.ports.importBusy()) {
        this.running = null;
        return this.schedule(BUSY_RETRY_MS);
      }
      const [next] = new PrintReadings(vault.db).pending(1, new Set(this.inFlight.keys()));
      if (!next) return;
      await this.read(vault, next.documentId, next.page, this.controller.signal);
    }
  }

  private read(vault: Vault, docId: string, page: number, signal?: AbortSignal): Promise<void> {
    const key = `${docId}#${page}`;
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const both = signal ? AbortSignal.any([signal, this.controller.signal]) : this.controller.signal;
    const work = this.readPage(vault, docId, page, both).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async readPage(vault: Vault, docId: string, pageNumber: number, signal: AbortSignal): Promise<void> {
    const store = new DocumentStore(vault.db);
    const prints = new PrintReadings(vault.db);
    const doc = store.get(docId);
    const page = store.pages(docId).find((p) => p.page === pageNumber);
    if (!doc || !page || page.status !== 'done') return;
    const languages = doc.languages as OcrLanguage[];
    try {
      if (doc.kind === 'pdf' && !prints.renderedForPrint(docId, pageNumber)) {
        // Stored before pages were rendered as they print: read the page again whole.
        const original = store.readable(docId);
        if (!original) return;
        const result = await readPageContent(this.ports, original, pageNumber, languages, signal);
        if (signal.aborted || !vault.isOpen) return;
        vault.db.transaction(() => {
          if (store.get(docId)) store.savePage(docId, pageNumber, result, vault.searchIndex);
        })();
        if (result.print) return this.ports.onPageRead?.(docId, pageNumber);
      }
      const stored = store.pages(docId).find((p) => p.page === pageNumber)!;
      const image = store.pageImage(docId, pageNumber, 'image');
      if (!image) throw new Error('the page image is missing');
      if (stored.source === 'ocr') {
        // A scan's own OCR read it as it prints; one read before text at an angle of its own was looked
        // for (migration 0015) is looked at for that: a name on a picture pasted sideways.
        const angled = await this.ports.ocr.readAngled({ image: image.data, languages, dpi: stored.dpi ?? undefined, words: stored.words }, { signal });
        if (signal.aborted || !vault.isOpen) return;
        prints.save(docId, pageNumber, { words: angled, confidence: stored.confidence ?? 0, script: null, languages });
        return this.ports.onPageRead?.(docId, pageNumber);
      }
      const read = await this.ports.ocr.recognize({ image: image.data, languages, dpi: stored.dpi ?? undefined, detectScript: true }, { signal });
      if (signal.aborted || !vault.isOpen) return;
      const rendered = { width: stored.width ?? read.width, height: stored.height ?? read.height };
      prints.save(docId, pageNumber, {
        words: wordsOnRendered(read.words, rendered, read),
        confidence: read.confidence,
        script: read.script?.name ?? null,
        languages: read.languages,
      });
      this.ports.onPageRead?.(docId, pageNumber);
    } catch (error) {
      if (signal.aborted || !vault.isOpen) return; // stays pending
      const message = error instanceof Error && 'code' in error ? error.message : 'The page could not be read as it prints.';
      if (!(error instanceof Error && 'code' in error)) this.ports.logError?.(error);
      prints.fail(docId, pageNumber, message);
      this.ports.onPageRead?.(docId, pageNumber);
    }
  }

  private hasPending(): boolean {
    return this.vault?.isOpen ? new PrintReadings(this.vault.db).pending(1).length > 0 : false;
  }

  private notifyIdle(): void {
    if (this.running || this.inFlight.size > 0) return;
    if (this.vault?.isOpen && this.hasPending() && !this.controller.signal.aborted && !this.timer) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private requireVault(): Vault {
    if (!this.vault?.isOpen) throw new DalelFailure('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.vault;
  }
}
