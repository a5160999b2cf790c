/**
 * The contract's bundle channels (and translations, and the save dialog), for the handler table in
 * electron/core/ipc/handlers.ts: the bundles slice of the contract (shared/ipc/contract/bundles.ts), all of it.
 */
import { resolve } from 'node:path';
import type { BundleExportProgress } from '../../../shared/domain/bundle';
import type { BundleChannel } from '../../../shared/ipc/contract/bundles';
import { DalelFailure } from '../errors';
import type { FileParser } from '../import/parse';
import type { PrintReader } from '../import/printReader';
import type { Handlers, ShellPorts } from '../ipc/handlerTable';
import type { SearchService } from '../search/searchService';
import type { VaultSession } from '../session/vaultSession';
import { proposeSections } from './bundleProposal';
import { BundleService } from './bundleService';
import { BundleStore } from './bundleStore';
import { GrantedPaths } from './exportTargets';
import { RunningExports } from './runningExports';

/**
 * What bundles need from the app: where the fonts are, how to render a preview, what reads a finished
 * bundle back for leaks, where progress goes.
 */
export interface BundlePorts {
  fontsDir: string;
  renderPdfPage?(pdf: Uint8Array, page: number): Promise<{ mime: string; data: Uint8Array }>;
  checks?: { parser: Pick<FileParser, 'fileText'>; printReader?: Pick<PrintReader, 'readNow'> };
  /** Reads pages of original PDFs in the parser process; without it PDF pages go in as their images. */
  originals?: Pick<FileParser, 'originalPages'>;
  onProgress?(progress: BundleExportProgress): void;
}

/** resources/fonts in this repository (Node tools and tests; the app passes its packaged copy). */
export function defaultFontsDir(): string {
  return resolve(__dirname, '../../../resources/fonts');
}

export function bundleHandlers(deps: {
  session: VaultSession;
  search: () => SearchService;
  ports: BundlePorts;
  shell: Pick<ShellPorts, 'pickSavePath' | 'openPath' | 'showInFolder'>;
  /** paths the save dialog returned in this session (shared with backups) */
  granted: GrantedPaths;
}): Pick<Handlers, BundleChannel> {
  const { session, ports, shell, granted } = deps;
  const running = new RunningExports();
  // The window may export only where the save dialog pointed in this session, and open only what it exported.
  const exported = new GrantedPaths();
  const store = () => new BundleStore(session.vault().db);
  const service = () => new BundleService(session.vault().db, { ...ports, vaultDir: session.vault().dir, running });
  const refuse = () => new DalelFailure('unsafe-target', 'Choose where to save the bundle with the Save dialog.').because('target-not-from-dialog');
  return {
    'dialog:pickSavePath': async ({ purpose, suggestedName }) => ({ path: granted.grant(await shell.pickSavePath(purpose, suggestedName)) }),
    'documents:translations': ({ docId }) => store().translations(docId),
    'documents:attachTranslation': ({ docId, translationDocId, attached }) => store().setTranslation(docId, translationDocId, attached),
    'bundles:list': () => store().list(),
    'bundles:get': ({ bundleId }) => store().require(bundleId),
    'bundles:save': (input) => store().save(input),
    'bundles:delete': ({ bundleId }) => {
      store().delete(bundleId);
      return null;
    },
    'bundles:propose': (input) => {
      const db = session.vault().db;
      const source = input.docIds
        ? { docIds: input.docIds }
        : input.personId
          ? { personId: input.personId }
          : input.caseId
            ? { caseId: input.caseId }
            : { query: input.query ?? '' };
      return proposeSections(db, source, deps.search, input.language);
    },
    'bundles:plan': ({ bundleId }) => service().plan(bundleId),
    'bundles:previewPage': ({ bundleId, page }) => service().previewPage(bundleId, page),
    'bundles:export': async ({ bundleId, path, zip }) => {
      if (!granted.has(path) || (zip && !granted.has(zip.path))) throw refuse();
      // The save dialog asked before a file was replaced.
      const result = await service().export(bundleId, { path, zip, overwrite: true });
      // The bundle prints the audit head: the vault's anchor records it now, so no older copy passes for it.
      session.vault().anchor();
      exported.grant(result.path);
      return result;
    },
    'bundles:cancelExport': ({ bundleId }) => ({ cancelled: running.cancel(bundleId) }),
    'bundles:openExported': async ({ path, how }) => {
      if (!exported.has(path)) throw new DalelFailure('validation', 'Only a bundle exported in this session can be opened from here.').because('exported-only');
      if (!shell.openPath || !shell.showInFolder) throw new DalelFailure('internal', 'Files cannot be opened from here.');
      if (how === 'open') await shell.openPath(path);
      else shell.showInFolder(path);
      return null;
    },
  };
}
