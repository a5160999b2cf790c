import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayload } from '../../../shared/ipc/contract';
import { BackupService } from '../backup/backupService';
import { defaultFontsDir, type BundlePorts } from '../bundle/bundleHandlers';
import { DemoVault } from '../demo/demoVault';
import { defaultDemoDir } from '../demo/demoSet';
import { ImportService } from '../import/importService';
import { createFileParser, pagePng, type ParserProcessFactory } from '../import/parse';
import { PrintReader } from '../import/printReader';
import { createTesseractEngine } from '../ocr';
import { BackgroundIndexer } from '../search/backgroundIndexer';
import { AppConfigStore } from '../session/appConfig';
import { VaultSession } from '../session/vaultSession';
import { TagService } from '../tagging/tagService';
import type { Argon2idParams } from '../vault/kdf';

/**
 * Everything the app runs on, wired once. Electron's main process, the loopback test host and (in
 * part) the CLI build the same services here, so they behave the same; what differs is passed in:
 * where files live and how a parser process is started (a Node child process, or Electron's
 * utilityProcess in the packaged app, where forking the app binary is impossible).
 */
export interface AppServicesOptions {
  configFile: string;
  defaultVaultPath: string;
  parserProcesses: ParserProcessFactory;
  tessdataDir: string;
  /** resources/fonts for bundle PDFs; defaults to the repository's (Node tools and tests) */
  fontsDir?: string;
  /** resources/demo, the demo vault's sample documents; defaults to the repository's (Node tools and tests) */
  demoDir?: string;
  ocrWorkers?: number;
  /** Only tests lower this, and never below the floor. */
  kdf?: Argon2idParams;
  logError(context: string, error: unknown): void;
}

type Sink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface AppServices {
  session: VaultSession;
  imports: ImportService;
  /** The second reading of every page, as it prints, in the background (redaction matches on it). */
  printReader: PrintReader;
  /** What bundle export needs: fonts, a PDF page renderer for previews, and its progress events. */
  bundles: BundlePorts;
  /** Backups now and on a schedule, while the vault is open. */
  backups: BackupService;
  /** "Try Dalel with sample documents": the demo vault, made from resources/demo. */
  demo: DemoVault;
  /** Push an event to every sink (the handler table's own events, such as `register:changed`). */
  emit: Sink;
  /** Send every push event to `sink` (a window, an SSE stream); returns the unsubscribe. */
  forwardEvents(sink: Sink): () => void;
  /** Lock the vault, stop the import queue, parser processes and OCR workers. */
  dispose(): Promise<void>;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  const sinks = new Set<Sink>();
  const send: Sink = (event, payload) => {
    for (const sink of sinks) sink(event, payload);
  };

  const session = new VaultSession({
    config: new AppConfigStore(options.configFile),
    defaultVaultPath: options.defaultVaultPath,
    kdf: options.kdf,
  });
  // Two parser processes: a PDF page renders while another is read, and an export's leak check extracts
  // the finished bundle's text in two halves at once (bench:export, 512 pages: 3.6 s in one process).
  const parser = createFileParser({ processes: options.parserProcesses, concurrency: 2 });
  const ocr = createTesseractEngine({ tessdataDir: options.tessdataDir, workers: options.ocrWorkers });
  const imports = new ImportService({
    parser,
    ocr,
    onProgress: (progress) => send('import:progress', progress),
    onDocumentChanged: (docId) => {
      send('documents:changed', { docId });
      printReader.wake();
    },
    // New text (OCR run again): what it suggests is read again at once, so the lawyer never decides on
    // suggestions from text that is gone, and the open viewer is told. Decisions already taken stay.
    onDocumentRead: (docId) => {
      try {
        if (new TagService(session.vault().db, undefined, session.vault().lawRegister).suggestAgain(docId)) send('tags:changed', { docId });
      } catch (error) {
        options.logError('suggestions', error);
      }
    },
    logError: (error) => options.logError('import', error),
  });
  const printReader: PrintReader = new PrintReader({
    parser,
    ocr,
    importBusy: () => imports.busy(),
    onPageRead: (docId) => send('documents:changed', { docId }),
    logError: (error) => options.logError('print reading', error),
  });
  const indexer = new BackgroundIndexer({ onError: (error) => options.logError('search index', error) });
  session.addLifecycle({
    opened: (vault) => {
      imports.attach(vault);
      indexer.attach(vault.db, vault.searchIndex);
      printReader.attach(vault);
    },
    closing: async () => {
      indexer.detach();
      await Promise.all([printReader.detach(), imports.detach()]);
    },
  });
  session.onStatusChanged((status) => send('vault:statusChanged', status));
  const backups = new BackupService({
    session,
    onProgress: (progress) => send('backups:progress', progress),
    logError: (error) => options.logError('backup', error),
  });
  session.addLifecycle(backups);

  const bundles: BundlePorts = {
    fontsDir: options.fontsDir ?? defaultFontsDir(),
    // The import's parser renders a PDF page to PNG in its own process (a preview of cover and index).
    renderPdfPage: async (pdf, page) => ({ mime: 'image/png', data: await pagePng(await parser.page(pdf, 'pdf', page)) }),
    // A finished bundle is read back (text in the parser process, burned pages by OCR) before it is kept.
    checks: { parser, printReader },
    // Pages of originals, kept as vectors in a bundle, are read in the parser process too (issue 12).
    originals: parser,
    onProgress: (progress) => send('bundles:progress', progress),
  };

  const demo = new DemoVault({ session, imports, demoDir: options.demoDir ?? defaultDemoDir(), emit: send });

  return {
    session,
    imports,
    printReader,
    bundles,
    backups,
    demo,
    emit: send,
    forwardEvents(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    async dispose() {
      await session.dispose();
      await Promise.allSettled([parser.close(), ocr.close()]);
      sinks.clear();
    },
  };
}
