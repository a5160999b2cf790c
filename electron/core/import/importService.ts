import { createHash } from 'node:crypto';
import { DEFAULT_OCR_LANGUAGES, type FileImportProgress, type ImportProgress, type OcrLanguage } from '../../../shared/domain/document';
import { demoVaultRefusal, isDemoVault } from '../demo/demoMark';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import { readLimited, titleFromFileName } from './fileInput';
import { batchProgress, newBatch, PASSWORD_CODES, type FileToImport, type ImportBatch } from './importBatch';
import { asImportFailure } from './importFailure';
import { PagePump, type PagePorts } from './pagePump';
import type { Vault } from '../vault/vault';
import { ImportFailure } from './parse';

/**
 * Import: files in, documents out. Two stages:
 *  1. per file (here): read, hash, detect duplicates, inspect in the sandboxed parser, then store the
 *     original and the document with its pages `pending` in one transaction (with its audit entry);
 *  2. the page pump (pagePump.ts) reads the `pending` pages, each committed on its own, and this
 *     service follows them in the progress of the import they came with.
 */
export interface ImportPorts extends PagePorts {
  clock?: () => Date;
  /** Pages in flight at once: one per OCR worker plus one being rendered. */
  pageConcurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOptions {
  languages?: readonly OcrLanguage[];
  signal?: AbortSignal;
  /**
   * The password for every PDF of this import that asks for one (the CLI's DALEL_PDF_PASSWORD). Handed to
   * the parser for this import and dropped with it: never stored, logged or recorded.
   */
  pdfPassword?: string;
  /**
   * The demo vault's own sample files (demo/demoVault.ts, which checked them against demo.json): the only
   * import a demo vault accepts. No channel or command sets this, so nothing real reaches a vault whose
   * passphrase is public.
   */
  demoSamples?: true;
}

export class ImportService {
  private vault: Vault | null = null;
  private readonly batches = new Map<string, ImportBatch>();
  private readonly pages: PagePump;
  private readonly clock: () => Date;

  constructor(private readonly ports: ImportPorts) {
    this.clock = ports.clock ?? (() => new Date());
    this.pages = new PagePump(ports, {
      clock: this.clock,
      concurrency: Math.max(1, ports.pageConcurrency ?? 3),
      signalOf: (docId) => [...this.batches.values()].find((batch) => batch.docIds.has(docId))?.controller.signal,
      onPageDone: (docId, store) => this.updateBatches(docId, store),
    });
  }

  /** Start working on an unlocked vault: resume whatever pages were left pending. */
  attach(vault: Vault): void {
    this.vault = vault;
    this.pages.attach(vault);
  }

  /** Stop before the vault locks: abort pages in flight (they stay pending) and wait for them. */
  async detach(): Promise<void> {
    this.pages.abort();
    for (const batch of this.batches.values()) batch.controller.abort();
    await this.pages.settled();
    this.vault = null;
    this.batches.clear();
    this.pages.detach();
  }

  /** Whether pages are being read or wait to be (background work such as the print reader gives way). */
  busy(): boolean {
    return this.pages.busy();
  }

  /** Resolves when no page is pending or in flight. */
  whenIdle(): Promise<void> {
    return this.pages.whenIdle();
  }

  progress(batchId: string): ImportProgress | null {
    const batch = this.batches.get(batchId);
    return batch ? batchProgress(batch) : null;
  }

  /**
   * Start importing files and return the batch id at once; `done` settles when every file is stored
   * (pages are then read in the background: `whenIdle` waits for them). Each file ends `imported`,
   * `duplicate` or `rejected` (with a code), and one bad file never stops the others.
   */
  startImport(files: FileToImport[], options: ImportOptions = {}): { batchId: string; done: Promise<ImportProgress> } {
    const vault = this.requireVault();
    if (options.demoSamples !== true && isDemoVault(vault.db)) throw demoVaultRefusal('an import');
    const languages = options.languages?.length ? options.languages : DEFAULT_OCR_LANGUAGES;
    const batch = newBatch(files, languages);
    options.signal?.addEventListener('abort', () => void this.cancel(batch.id), { once: true });
    // OCR workers start while the first file is read and parsed, not after it: one for each file, up
    // to the pool's size (a text-layer PDF's pages are read by OCR too, as they print, by the print
    // reader). One page of scan_0001 imported: 3.04 s without, 2.97 s with one worker started, 3.05 s
    // with two competing with the parser's start for the 2 cores (best of 4, twice).
    const queued = batch.files.filter((file) => file.status === 'queued').length;
    if (queued > 0) this.ports.ocr.warmUp(languages, queued);
    this.batches.set(batch.id, batch);
    this.emit(batch);
    return { batchId: batch.id, done: this.storeAll(vault, files, batch, options.pdfPassword || undefined) };
  }

  /**
   * Try again a file of `batchId` that was refused with `pdf-password-required` or `pdf-password-wrong`,
   * now with `password` (used for this one attempt, then dropped). Its row in the batch's progress goes
   * back to `reading` and ends as any file does; `done` settles when it is stored or refused again.
   */
  retryWithPassword(batchId: string, index: number, password: string): { done: Promise<ImportProgress> } {
    const vault = this.requireVault();
    if (isDemoVault(vault.db)) throw demoVaultRefusal('an import');
    const batch = this.batches.get(batchId);
    const entry = batch?.files[index];
    if (!batch || !entry) throw new DalelFailure('not-found', 'This import is no longer listed.');
    const file = batch.awaitingPassword.get(index);
    if (!file || entry.status !== 'rejected' || !entry.error || !PASSWORD_CODES.includes(entry.error.code)) {
      throw new DalelFailure('conflict', 'This file is not waiting for a password.');
    }
    batch.awaitingPassword.delete(index);
    // A cancelled import's signal stays aborted; the file the lawyer now asks for gets a fresh one.
    if (batch.controller.signal.aborted) batch.controller = new AbortController();
    batch.finished = false;
    const done = (async () => {
      await this.storeOne(vault, file, index, batch, password);
      this.checkBatchDone(batch);
      return batchProgress(batch);
    })();
    return { done };
  }

  /** `startImport` and wait until every file is stored. */
  importFiles(files: FileToImport[], options: ImportOptions = {}): Promise<ImportProgress> {
    return this.startImport(files, options).done;
  }

  private async storeAll(vault: Vault, files: FileToImport[], batch: ImportBatch, password: string | undefined): Promise<ImportProgress> {
    for (let index = 0; index < files.length; index += 1) {
      const entry = batch.files[index]!;
      if (entry.status === 'skipped') {
        if (vault.isOpen) vault.audit({ action: 'document.skipped', subject: null, details: { file: entry.file, code: entry.error?.code } });
        continue;
      }
      if (batch.controller.signal.aborted || !vault.isOpen) {
        if (entry.status === 'queued') entry.status = 'cancelled';
        continue;
      }
      await this.storeOne(vault, files[index]!, index, batch, password);
    }
    this.checkBatchDone(batch);
    return batchProgress(batch);
  }

  /** One file of a batch, from `reading` to stored or refused; never throws. */
  private async storeOne(vault: Vault, file: FileToImport, index: number, batch: ImportBatch, password: string | undefined): Promise<void> {
    const entry = batch.files[index]!;
    entry.status = 'reading';
    entry.error = null;
    this.emit(batch);
    try {
      await this.storeFile(vault, file, entry, batch, password);
    } catch (error) {
      const failure = asImportFailure(error);
      if (failure.code === 'internal-error') this.ports.logError?.(error);
      // A file that turned out not to be a regular one when it was opened (a FIFO, a link) is skipped, as expandPaths would have.
      const skip = failure.code === 'symbolic-link' || failure.code === 'special-file';
      entry.status = failure.code === 'cancelled' ? 'cancelled' : skip ? 'skipped' : 'rejected';
      entry.error = { code: failure.code === 'internal-error' ? 'corrupt-file' : failure.code, message: failure.message };
      if (PASSWORD_CODES.includes(entry.error.code)) batch.awaitingPassword.set(index, file);
      if (failure.code !== 'cancelled' && vault.isOpen) {
        vault.audit({ action: skip ? 'document.skipped' : 'document.rejected', subject: null, details: { file: entry.file, code: entry.error.code } });
      }
    }
    this.emit(batch);
    this.pages.pump();
  }

  /**
   * Cancel an import: files not yet read are skipped, and documents of this import that are not
   * complete are removed again (the lawyer's files on disk are untouched), so no half-read document
   * stays behind.
   */
  async cancel(batchId: string): Promise<boolean> {
    const batch = this.batches.get(batchId);
    if (!batch || batch.finished) return false;
    batch.controller.abort();
    await Promise.allSettled(this.pages.pagesOf(batch.docIds));
    const vault = this.vault;
    if (vault?.isOpen) {
      const store = new DocumentStore(vault.db);
      for (const entry of batch.files) {
        if (entry.docId && entry.status === 'processing') {
          vault.db.transaction(() => {
            store.delete(entry.docId!);
            vault.audit({ action: 'document.import-cancelled', subject: entry.docId, details: { file: entry.file } });
          })();
          this.ports.onDocumentChanged?.(entry.docId);
          entry.status = 'cancelled';
          entry.docId = null;
        } else if (entry.status === 'queued' || entry.status === 'reading') {
          entry.status = 'cancelled';
        }
      }
    }
    this.checkBatchDone(batch, true);
    return true;
  }

  /** Re-run OCR for one document with other languages. */
  rerunOcr(docId: string, languages: readonly OcrLanguage[]): number {
    const vault = this.requireVault();
    const store = new DocumentStore(vault.db);
    const count = vault.db.transaction(() => {
      const pages = store.requeueForOcr(docId, languages, this.clock());
      vault.audit({ action: 'document.ocr-rerun', subject: docId, details: { languages: languages.join('+'), pages } });
      return pages;
    })();
    this.ports.onDocumentChanged?.(docId);
    this.pages.pump();
    return count;
  }

  private async storeFile(vault: Vault, file: FileToImport, entry: FileImportProgress, batch: ImportBatch, password: string | undefined): Promise<void> {
    const languages = batch.languages;
    const bytes = file.data ?? (await readLimited(file.path ?? file.name, { noFollow: file.noFollow === true }));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const store = new DocumentStore(vault.db);
    const existing = store.findIdBySha(sha256);
    if (existing) {
      entry.status = 'duplicate';
      entry.docId = existing;
      const doc = store.get(existing);
      entry.pageCount = doc?.pageCount ?? null;
      entry.pagesDone = doc?.pagesDone ?? 0;
      return;
    }
    const inspected = await this.ports.parser.inspect(bytes, file.name, { signal: batch.controller.signal, ...(password ? { password } : {}) });
    if (batch.controller.signal.aborted) throw new ImportFailure('cancelled', 'The import was cancelled.');
    const { id } = vault.db.transaction(() => {
      const stored = store.insert({
        fileName: file.name,
        title: titleFromFileName(file.name),
        kind: inspected.kind,
        mime: inspected.mime,
        pageCount: inspected.pageCount,
        warnings: inspected.warnings,
        languages,
        original: bytes,
        ...(inspected.readingCopy ? { readingCopy: inspected.readingCopy } : {}),
        now: this.clock(),
      });
      // That it opened with a password is recorded; the password never is.
      const opened = inspected.readingCopy ? { openedWithPassword: true } : {};
      vault.audit({
        action: 'document.imported',
        subject: stored.id,
        details: { file: file.name, sha256: stored.sha256, pages: inspected.pageCount, kind: inspected.kind, warnings: inspected.warnings, ...opened },
      });
      return stored;
    })();
    entry.status = 'processing';
    entry.docId = id;
    entry.pageCount = inspected.pageCount;
    entry.warnings = inspected.warnings;
    batch.docIds.add(id);
    this.ports.onDocumentChanged?.(id);
  }

  private updateBatches(docId: string, store: DocumentStore): void {
    for (const batch of this.batches.values()) {
      const entry = batch.files.find((file) => file.docId === docId);
      if (!entry) continue;
      const doc = store.get(docId);
      if (doc) {
        entry.pagesDone = doc.pagesDone + doc.pagesFailed;
        if (doc.status !== 'processing') entry.status = 'imported';
      }
      this.emit(batch);
      this.checkBatchDone(batch);
    }
  }

  private checkBatchDone(batch: ImportBatch, force = false): void {
    if (batch.finished) return;
    const busy = batch.files.some((file) => ['queued', 'reading', 'processing'].includes(file.status));
    if (busy && !force) return;
    batch.finished = true;
    this.emit(batch);
  }

  private emit(batch: ImportBatch): void {
    this.ports.onProgress?.(batchProgress(batch));
  }

  private requireVault(): Vault {
    if (!this.vault) throw new ImportFailure('cancelled', 'The vault is locked.');
    return this.vault;
  }
}
