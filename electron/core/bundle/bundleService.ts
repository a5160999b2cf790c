/**
 * Evidence bundles: plan (page ranges and every redaction, for the review), preview the front matter,
 * and export — the PDF written atomically, its JSON manifest beside it, the PDF's SHA-256 recorded in
 * the vault with an audit entry, and optionally a ZIP. An export can be cancelled until its files are
 * put in place; a cancelled one leaves no file and no record. The vault's originals are only ever read.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { BundleExportProgress, BundleExportResult, BundleManifest, BundlePlan } from '../../../shared/domain/bundle';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import { fsyncDir, StagedFile } from '../fsAtomic';
import type { VaultDatabase } from '../vault/database';
import { assembleBundle, placeBundle, type AssembledBundle } from './bundleAssembly';
import { BundleStore, definitionDocIds } from './bundleStore';
import { layoutBundle, writeBundlePdfToFile, writeFrontMatterPdf } from './pdf';
import { throwIfCancelled } from './pdf/cancellation';
import type { BundlePdfLayout } from './pdf/types';
import { REDACTED_TEXT } from './redactionMatcher';
import { zipArchive, type ZipEntry } from './zipArchive';

export const GENERATOR = 'Dalel';

export interface BundleServicePorts {
  /** resources/fonts (DejaVu Sans, Droid Sans Fallback) */
  fontsDir: string;
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

/** One AbortController per bundle being exported. */
export class RunningExports {
  private readonly controllers = new Map<string, AbortController>();

  start(bundleId: string): AbortController {
    if (this.controllers.has(bundleId)) throw new DalelFailure('validation', 'This bundle is already being exported.');
    const controller = new AbortController();
    this.controllers.set(bundleId, controller);
    return controller;
  }

  /** Whether an export of this bundle was running and is now told to stop. */
  cancel(bundleId: string): boolean {
    const controller = this.controllers.get(bundleId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** The export no longer listens (it finished, failed, or is past the point where it could stop). */
  end(bundleId: string, controller: AbortController): void {
    if (this.controllers.get(bundleId) === controller) this.controllers.delete(bundleId);
  }
}

export interface ExportRequest {
  path: string;
  zip?: { path: string; originals: 'none' | 'unredacted' };
}

/** Where the JSON manifest goes: beside the PDF, `<name>.manifest.json`. */
export function manifestPathFor(pdfPath: string): string {
  const name = basename(pdfPath, extname(pdfPath));
  return join(dirname(pdfPath), `${name}.manifest.json`);
}

function checkTarget(path: string, what: string): string {
  if (!path.trim()) throw new DalelFailure('validation', `Choose where the ${what} is written.`);
  const target = resolve(path);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new DalelFailure('validation', `The folder for the ${what} does not exist.`);
  if (existsSync(target) && statSync(target).isDirectory()) throw new DalelFailure('validation', `A folder is in the way of the ${what}: choose a file name.`);
  return target;
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

  private assemble(bundleId: string, signal?: AbortSignal): { assembled: AssembledBundle; layout: BundlePdfLayout } {
    const definition = this.store.require(bundleId);
    const assembled = assembleBundle(this.db, definition, { fontsDir: this.ports.fontsDir, clock: this.clock, signal });
    // The log's length decides how many manifest pages there are; its page numbers come after.
    assembled.input.manifest.redactions = assembled.redactions
      .filter((r) => !r.waived)
      .map((r) => ({ page: r.page, box: r.box, reason: r.reason, label: r.label }));
    const layout = layoutBundle(assembled.input);
    return { assembled, layout };
  }

  plan(bundleId: string): BundlePlan {
    const { assembled, layout } = this.assemble(bundleId);
    const { documents } = placeBundle(assembled, layout);
    return {
      bundleId,
      pages: layout.pages,
      frontMatterPages: layout.frontMatterPages,
      documents,
      redactions: assembled.redactions,
      warnings: assembled.warnings,
    };
  }

  /** A page of the cover and index, as PNG, for the wizard's preview. */
  async previewPage(bundleId: string, page: number): Promise<{ mime: string; data: Uint8Array; frontMatterPages: number }> {
    const { assembled, layout } = this.assemble(bundleId);
    if (page > layout.frontMatterPages) throw new DalelFailure('validation', `The cover and index have ${layout.frontMatterPages} pages.`);
    if (!this.ports.renderPdfPage) throw new DalelFailure('internal', 'Page previews are not available here.');
    assembled.input.manifest.redactions = placeBundle(assembled, layout).log;
    const pdf = await writeFrontMatterPdf(assembled.input);
    const image = await this.ports.renderPdfPage(pdf, page);
    return { ...image, frontMatterPages: layout.frontMatterPages };
  }

  /**
   * Write the bundle PDF, its manifest beside it and the ZIP if asked, each as a temp file beside its
   * target; only when all are written (and the export was not cancelled) are they renamed into place
   * and the export recorded. A failure or cancellation before that removes the temp files.
   */
  async export(bundleId: string, request: ExportRequest): Promise<BundleExportResult> {
    const pdfPath = checkTarget(request.path, 'bundle');
    const manifestPath = manifestPathFor(pdfPath);
    const zipPath = request.zip ? checkTarget(request.zip.path, 'ZIP archive') : null;
    if (zipPath && (zipPath === pdfPath || zipPath === manifestPath)) throw new DalelFailure('validation', 'The ZIP archive needs a name of its own.');

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
      const { assembled, layout } = this.assemble(bundleId, signal);
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

      const manifest: BundleManifest = {
        bundle: assembled.input.title,
        generatedAt: assembled.input.manifest.generatedAt,
        generator: GENERATOR,
        pages: result.pages,
        auditHead: assembled.input.manifest.auditHead,
        documents: assembled.documents.map((doc, index) => ({
          title: doc.title,
          fileName: assembled.scrub(doc.summary.fileName),
          sha256: doc.summary.sha256,
          firstPage: placed[index]!.firstPage,
          lastPage: placed[index]!.lastPage,
          translationOf: doc.translationOf ? (assembled.documents.find((d) => d.docId === doc.translationOf)?.title ?? null) : null,
        })),
        redactions: log,
      };
      const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
      const manifestFile = await stage(manifestPath);
      await manifestFile.handle.writeFile(manifestJson);
      await manifestFile.finish();

      if (zipPath && request.zip) {
        throwIfCancelled(signal);
        progress('zip', 0, 1);
        const entries: ZipEntry[] = [
          { name: basename(pdfPath), data: await readFile(pdf.temp) },
          { name: basename(manifestPath), data: Buffer.from(manifestJson, 'utf8') },
        ];
        if (request.zip.originals === 'unredacted') {
          const store = new DocumentStore(this.db);
          assembled.documents.forEach((doc, index) => {
            const original = store.original(doc.docId);
            if (!original) return;
            const name = assembled.scrub(original.fileName).replaceAll(REDACTED_TEXT, 'redacted').replace(/[\\/:*?"<>|]/g, '_').replace(/\p{Cc}/gu, '_');
            entries.push({ name: `originals/${String(index + 1).padStart(2, '0')} ${name}`, data: original.data });
          });
        }
        const zipFile = await stage(zipPath);
        await zipFile.handle.writeFile(zipArchive(entries));
        await zipFile.finish();
      }

      // The point of no return: from here the export finishes, and a cancel comes too late.
      this.running.end(bundleId, controller);
      throwIfCancelled(signal);
      for (const file of staged) file.commit();
      for (const folder of new Set(staged.map((file) => dirname(file.target)))) fsyncDir(folder);

      this.store.recordExport(
        bundleId,
        { at: this.clock().toISOString(), sha256: result.sha256, pages: result.pages, documents: new Set(definitionDocIds(this.store.require(bundleId))).size },
        { redactions: log.length, zip: zipPath !== null, originals: request.zip?.originals ?? 'none' },
      );
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
