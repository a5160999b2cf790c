/**
 * Evidence bundles: plan (page ranges, every redaction, pages not fully checked, other people named —
 * for the review), preview any page, and export — the PDF written atomically, read back for leaks
 * (leakCheck.ts, checkedPages.ts), its JSON manifest beside it (bundleManifest.ts), the PDF's SHA-256
 * recorded in the vault with an audit entry, and optionally a ZIP. An export can be cancelled until its
 * files are put in place (runningExports.ts); a cancelled or failed one leaves no file and no record.
 * The vault's originals are only ever read, and nothing is ever written into the vault's folder
 * (exportTargets.ts).
 */
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { BundleExportProgress, BundleExportResult, BundlePlan } from '../../../shared/domain/bundle';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import { fsyncDir, StagedFile } from '../fsAtomic';
import type { FileParser } from '../import/parse';
import type { PrintReader } from '../import/printReader';
import type { VaultDatabase } from '../vault/database';
import { assembleBundle, placeBundle, type AssembledBundle } from './bundleAssembly';
import { bundleManifest, manifestPathFor } from './bundleManifest';
import { checkedPages } from './checkedPages';
import { checkTarget } from './exportTargets';
import { checkForLeaks } from './leakCheck';
import { BundleStore, definitionDocIds } from './bundleStore';
import { bundleTextWarnings, layoutBundle, writeBundlePagePdf, writeBundlePdfToFile } from './pdf';
import { throwIfCancelled } from './pdf/cancellation';
import type { BundlePdfLayout } from './pdf/types';
import { REDACTED_TEXT } from './redactionMatcher';
import { RunningExports } from './runningExports';
import { bufferStream, writeZip, type ZipEntry } from './zipArchive';

export interface BundleServicePorts {
  /** resources/fonts (DejaVu Sans, Droid Sans Fallback) */
  fontsDir: string;
  /** the vault's folder: nothing is written in it */
  vaultDir: string;
  /** Only for the leak check's own test: readings the planner skips (a planted leak). */
  skipReadings?: ReadonlySet<'text-layer' | 'ocr' | 'picture' | 'form-field' | 'annotation'>;
  /**
   * What reading a finished bundle back needs (the leak check), and the print reader that reads pages
   * not read as they print yet. An export with something to redact refuses to run without them.
   */
  checks?: { parser: Pick<FileParser, 'fileText'>; printReader?: Pick<PrintReader, 'readNow'> };
  /**
   * Reads pages of original PDFs for the bundle in the parser process (they are strangers' files and
   * are never parsed here). Without it, every PDF page goes into the bundle as its image.
   */
  originals?: Pick<FileParser, 'originalPages'>;
  /** A page of a PDF as a PNG (the import's parser renders it in its own process). */
  renderPdfPage?(pdf: Uint8Array, page: number): Promise<{ mime: string; data: Uint8Array }>;
  onProgress?(progress: BundleExportProgress): void;
  clock?: () => Date;
  /**
   * The exports in progress. The handler table makes a service per call, so it passes one of these to
   * all of them: 'bundles:cancelExport' then reaches the export another call started.
   */
  running?: RunningExports;
}

export interface ExportRequest {
  path: string;
  zip?: { path: string; originals: 'none' | 'unredacted' };
  /** replace existing files (the save dialog asked, or --force) */
  overwrite?: boolean;
}

export class BundleService {
  private readonly store: BundleStore;
  private readonly clock: () => Date;
  private readonly running: RunningExports;

  constructor(
    private readonly db: VaultDatabase,
    private readonly ports: BundleServicePorts,
  ) {
    this.clock = ports.clock ?? (() => new Date());
    this.running = ports.running ?? new RunningExports();
    this.store = new BundleStore(db, this.clock);
  }

  private async assemble(bundleId: string, signal?: AbortSignal): Promise<{ assembled: AssembledBundle; layout: BundlePdfLayout }> {
    const definition = this.store.require(bundleId);
    const assembled = await assembleBundle(this.db, definition, {
      fontsDir: this.ports.fontsDir,
      originals: this.ports.originals,
      clock: this.clock,
      signal,
      skipReadings: this.ports.skipReadings,
    });
    // The log's length decides how many manifest pages there are; its page numbers come after.
    assembled.input.manifest.redactions = assembled.redactions
      .filter((r) => !r.waived)
      .map((r) => ({ page: r.page, box: r.box, reason: r.reason, label: r.label }));
    const layout = layoutBundle(assembled.input);
    return { assembled, layout };
  }

  async plan(bundleId: string): Promise<BundlePlan> {
    const { assembled, layout } = await this.assemble(bundleId);
    const { documents } = placeBundle(assembled, layout);
    return {
      bundleId,
      pages: layout.pages,
      frontMatterPages: layout.frontMatterPages,
      documents,
      redactions: assembled.redactions,
      warnings: [...assembled.warnings, ...bundleTextWarnings(assembled.input)],
      unchecked: assembled.unchecked,
      otherPeople: assembled.otherPeople,
      printPending: assembled.printPending.length,
    };
  }

  /** Any page of the bundle as it will print (burned redactions, stamp), as PNG, for the wizard's preview. */
  async previewPage(bundleId: string, page: number): Promise<{ mime: string; data: Uint8Array; frontMatterPages: number; pages: number }> {
    const { assembled, layout } = await this.assemble(bundleId);
    if (!Number.isInteger(page) || page < 1 || page > layout.pages) throw new DalelFailure('validation', `The bundle has ${layout.pages} pages.`).because('bundle-page-out-of-range', { pages: layout.pages });
    if (!this.ports.renderPdfPage) throw new DalelFailure('internal', 'Page previews are not available here.');
    assembled.input.manifest.redactions = placeBundle(assembled, layout).log;
    const pdf = await writeBundlePagePdf(assembled.input, page);
    const image = await this.ports.renderPdfPage(pdf, 1);
    return { ...image, frontMatterPages: layout.frontMatterPages, pages: layout.pages };
  }

  /**
   * Write the bundle PDF, its manifest beside it and the ZIP if asked, each as a temp file beside its
   * target; only when all are written (and the export was not cancelled) are they renamed into place
   * and the export recorded. A failure or cancellation before that removes the temp files.
   */
  async export(bundleId: string, request: ExportRequest): Promise<BundleExportResult> {
    const rules = { vaultDir: this.ports.vaultDir, overwrite: request.overwrite === true };
    const pdfPath = checkTarget(request.path, 'bundle', rules);
    const manifestPath = checkTarget(manifestPathFor(pdfPath), 'manifest', rules);
    const zipPath = request.zip ? checkTarget(request.zip.path, 'ZIP archive', rules) : null;
    if (zipPath && (zipPath === pdfPath || zipPath === manifestPath)) throw new DalelFailure('validation', 'The ZIP archive needs a name of its own.').because('zip-needs-own-name');

    const controller = this.running.start(bundleId);
    const staged: StagedFile[] = [];
    const stage = async (path: string) => {
      const file = await StagedFile.open(path);
      staged.push(file);
      return file;
    };
    try {
      const progress = (phase: BundleExportProgress['phase'], done: number, total: number) => this.ports.onProgress?.({ bundleId, phase, done, total });
      progress('preparing', 0, 1);
      const { signal } = controller;
      let { assembled, layout } = await this.assemble(bundleId, signal);
      const redacting = assembled.rules.patterns.length > 0;
      if (redacting && !this.ports.checks) throw new DalelFailure('internal', 'The bundle cannot be checked for leaks here, so it is not exported.');
      if (redacting && assembled.printPending.length > 0 && this.ports.checks?.printReader) {
        // Pages not yet read as they print are read now: names in their pictures must be found first.
        await this.ports.checks.printReader.readNow(assembled.printPending, { signal, onProgress: ({ done, total }) => progress('reading', done, total) });
        ({ assembled, layout } = await this.assemble(bundleId, signal));
      }
      if (redacting && assembled.unchecked.length > 0) throw uncheckedFailure(assembled);
      const { documents: placed, log } = placeBundle(assembled, layout);
      assembled.input.manifest.redactions = log;
      assembled.input.onProgress = (done, total) => progress('pages', done, total);

      const pdf = await stage(pdfPath);
      let reported = -1;
      const result = await writeBundlePdfToFile(assembled.input, pdf.handle, {
        // A percent at a time: the page images are written one by one, hundreds of them.
        onWritten: (written, total) => {
          const percent = Math.floor((written / total) * 100);
          if (percent !== reported) progress('writing', written, total);
          reported = percent;
        },
      });
      if (result.pages !== layout.pages) throw new Error(`The PDF writer laid out ${layout.pages} pages but wrote ${result.pages}.`);
      await pdf.finish();

      if (redacting && this.ports.checks) {
        await checkForLeaks(pdf.temp, assembled.rules, assembled.rules.spellings, checkedPages(assembled, layout, placed, this.db), {
          parser: this.ports.checks.parser,
          pageImages: result.pageImages,
          signal,
          onProgress: (done, total) => progress('checking', done, total),
        });
      }

      const manifest = bundleManifest(assembled, placed, log, result.pages);
      const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
      const manifestFile = await stage(manifestPath);
      await manifestFile.handle.writeFile(manifestJson);
      await manifestFile.finish();

      if (zipPath && request.zip) {
        throwIfCancelled(signal);
        progress('zip', 0, 1);
        const entries: ZipEntry[] = [
          // The bundle's pages are JPEG and PNG images and deflated streams already: stored (zipArchive.ts).
          { name: basename(pdfPath), deflate: false, open: () => createReadStream(pdf.temp) },
          { name: basename(manifestPath), deflate: true, open: () => bufferStream(Buffer.from(manifestJson, 'utf8')) },
        ];
        if (request.zip.originals === 'unredacted') {
          const store = new DocumentStore(this.db);
          assembled.documents.forEach((doc, index) => {
            const name = assembled.scrub(doc.summary.fileName).replaceAll(REDACTED_TEXT, 'redacted').replace(/[\\/:*?"<>|]/g, '_').replace(/\p{Cc}/gu, '_');
            entries.push({
              name: `originals/${String(index + 1).padStart(2, '0')} ${name}`,
              // A TIFF scan may be uncompressed; JPEG, PNG and PDF originals are compressed already.
              deflate: doc.summary.kind === 'tiff',
              // Read from the vault only when its turn comes: one original in memory at a time.
              open: () => {
                const original = store.original(doc.docId);
                if (!original) throw new DalelFailure('document-not-found', 'A document of this bundle is no longer in the vault.', { docIds: [doc.docId] });
                return bufferStream(original.data);
              },
            });
          });
        }
        const zipFile = await stage(zipPath);
        // Written when the stream is finished: fsynced and closed (StagedFile.writeStream).
        await writeZip(entries, zipFile.writeStream(), {
          date: new Date(assembled.input.manifest.generatedAt),
          signal,
          onEntry: (done, total) => progress('zip', done, total),
        });
      }

      // The point of no return: from here the export finishes, and a cancel comes too late.
      this.running.end(bundleId, controller);
      throwIfCancelled(signal);
      const committed: StagedFile[] = [];
      try {
        for (const file of staged) {
          file.commit(rules.overwrite);
          committed.push(file);
        }
      } catch (error) {
        // One name was taken after all, or its folder was removed meanwhile: the files put in place just
        // before it go again, so no half export stays.
        if (!rules.overwrite) for (const file of committed) rmSync(file.target, { force: true });
        const folder = dirname(staged[committed.length]?.target ?? pdfPath);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(folder)) {
          throw new DalelFailure('validation', `The folder ${folder} was removed while the export was written to it.`).because('target-folder-missing');
        }
        throw error;
      }
      for (const folder of new Set(staged.map((file) => dirname(file.target)))) fsyncDir(folder);

      // A vault opened from read-only media cannot record the export; the manifest's audit head still
      // names the state it came from (README, "Read-only copies").
      if (!this.db.readonly) {
        this.store.recordExport(
          bundleId,
          { at: this.clock().toISOString(), sha256: result.sha256, pages: result.pages, documents: new Set(definitionDocIds(this.store.require(bundleId))).size },
          { redactions: log.length, zip: zipPath !== null, originals: request.zip?.originals ?? 'none' },
        );
      }
      progress('done', 1, 1);
      return { path: pdfPath, sha256: result.sha256, pages: result.pages, manifestPath, zipPath, manifest };
    } catch (error) {
      await Promise.all(staged.map((file) => file.discard()));
      throw error;
    } finally {
      this.running.end(bundleId, controller);
    }
  }

  /** Stop the running export of this bundle; false when none is running or it is already finishing. */
  cancelExport(bundleId: string): boolean {
    return this.running.cancel(bundleId);
  }
}

function uncheckedFailure(assembled: AssembledBundle): DalelFailure {
  const titles = new Map(assembled.documents.map((doc) => [doc.docId, doc.title]));
  const list = assembled.unchecked
    .slice(0, 5)
    .map((u) => `page ${u.page} of “${titles.get(u.docId) ?? u.docId}” (${u.reason === 'not-read' ? 'not read' : u.reason === 'low-confidence' ? 'read with low confidence' : 'its pictures could not be read'})`)
    .join('; ');
  const more = assembled.unchecked.length > 5 ? ` and ${assembled.unchecked.length - 5} more` : '';
  const first = assembled.unchecked[0];
  return new DalelFailure(
    'unchecked-pages',
    `These pages could not be fully checked for names to redact: ${list}${more}. Read them again with other languages, or confirm each one in the redaction review, then export.`,
    { pages: assembled.unchecked },
  ).because('pages-unchecked', { count: assembled.unchecked.length, page: first?.page ?? 0, title: first ? (titles.get(first.docId) ?? '') : '' });
}
